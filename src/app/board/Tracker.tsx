import type { TurnInfo } from '../selectors/turn';

/** Round and phase: news, then each seat in order, then resolution. */
export function Tracker({ info }: { info: TurnInfo }) {
  return (
    <nav className="tracker" aria-label="Round and turn">
      <p className="round">
        <span className="round-num">
          Round {info.round}/{info.rounds}
        </span>
        <span className="quarter">{info.quarter}</span>
      </p>
      <ol className="phases">
        <li className="phase done">
          <span aria-hidden="true">✓</span> News
        </li>
        {info.steps.map((s) => (
          <li
            key={s.seat}
            className={`phase ${s.state}`}
            aria-current={s.state === 'now' ? 'step' : undefined}
          >
            <span className="mark small" aria-hidden="true">
              {s.mark}
            </span>
            {s.name}
            <span className="sr-only">
              {s.state === 'now' ? ' (playing now)' : s.state === 'done' ? ' (done)' : ' (to come)'}
            </span>
          </li>
        ))}
        <li className={`phase ${info.over ? 'done' : 'next'}`}>Resolution</li>
      </ol>
    </nav>
  );
}
