import type { PlanningInfo, SeatStatus } from '../selectors/planning';

/**
 * One seat's planning status, the same for every viewer: planning, or sealed with the start of
 * its seal (`short` leaves the seal out, for the top bar).
 */
export function SeatStatusItem({ s, short = false }: { s: SeatStatus; short?: boolean }) {
  return (
    <li
      className={`phase ${s.submitted ? 'is-sealed' : 'is-planning'}`}
      data-seat={s.seat}
      data-testid="seat-status"
    >
      <span className={`mark small ${s.badge}`} aria-hidden="true">
        {s.mark}
      </span>
      {s.name}
      {short ? (
        <span className="phase-state">
          {' '}
          <span aria-hidden="true">{s.submitted ? '✓' : '✎'}</span>
          <span className="sr-only">{s.submitted ? 'sealed' : 'planning'}</span>
        </span>
      ) : (
        <span className="phase-state">
          {s.submitted ? (
            <>
              {' '}
              <span aria-hidden="true">✓</span> sealed <code className="seal">{s.seal}</code>
            </>
          ) : (
            ' planning…'
          )}
        </span>
      )}
    </li>
  );
}

/** Every planning seat's status as a list (privacy and waiting screens). */
export function SeatStatusList({ seats }: { seats: SeatStatus[] }) {
  return (
    <ul className="phases seat-statuses" aria-label="Who has submitted">
      {seats.map((s) => (
        <SeatStatusItem key={s.seat} s={s} />
      ))}
    </ul>
  );
}

/** The round, and each seat planning or sealed; the round resolves when the last one submits. */
export function Tracker({ info }: { info: PlanningInfo }) {
  return (
    <nav className="tracker" aria-label="Round and planning">
      <p className="round">
        <span className="round-num">
          Round {info.round}/{info.rounds}
        </span>
        <span className="quarter">{info.quarter}</span>
      </p>
      <ol className="phases">
        {info.seats.map((s) => (
          <SeatStatusItem key={s.seat} s={s} short />
        ))}
      </ol>
    </nav>
  );
}
