import { useState } from 'react';
import type { ConsoleCommand, ConsoleTable } from '../../protocol';
import { clock, timeLeft } from '../session/client';

const INDICATORS: [string, string][] = [
  ['tension', 'Tension'],
  ['controlLevel', 'Control level'],
  ['frontier', 'Frontier'],
  ['vendorCash', 'Vendor $'],
  ['hubInvestment', 'Hub investment'],
  ['standing', 'Standing'],
  ['seized', 'Seized TB'],
];

/** One table on the console: round, who still plans, idle seats, figures, and its controls. */
export function TableCard({
  t,
  skew,
  run,
  onOpen,
  scenarioName,
}: {
  t: ConsoleTable;
  /** Shown when this table plays another scenario than the session's. */
  scenarioName?: string;
  skew: number;
  run(cmd: ConsoleCommand): void;
  onOpen(): void;
}) {
  const [seconds, setSeconds] = useState('120');
  const f = t.figures;
  const left = timeLeft(t.timer, skew);
  const waiting = t.seats.filter((s) => !s.submitted && s.kind !== 'open');
  const name = `Table ${t.table + 1}`;
  const labelOf = (id: string) => t.seats.find((s) => s.id === id)?.label ?? id;
  return (
    <article
      className="panel table-card"
      aria-labelledby={`table-${t.table}`}
      data-testid={`table-${t.table}`}
    >
      <header className="table-head">
        <h3 id={`table-${t.table}`}>{name}</h3>
        {scenarioName && (
          <span className="chip-tag" data-testid="table-scenario">
            {scenarioName}
          </span>
        )}
        {f && (
          <span className="round" data-testid="round">
            {f.over ? 'Ended' : `Round ${f.round} of ${f.rounds}`}
          </span>
        )}
        {t.paused && <span className="chip-tag">Paused</span>}
        {left !== null && (
          <span className={`chip-tag timer ${left <= 30 ? 'urgent' : ''}`} role="timer">
            {t.timer?.endsAt === null ? 'paused ' : ''}
            {clock(left)}
          </span>
        )}
      </header>
      <table className="seat-table">
        <caption className="sr-only">Seats of {name}</caption>
        <thead>
          <tr>
            <th scope="col">Seat</th>
            <th scope="col">Who</th>
            <th scope="col">Round</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {t.seats.map((s) => (
            <tr key={s.id} className={s.idle ? 'idle' : ''}>
              <th scope="row">{s.label}</th>
              <td>
                {s.kind === 'bot' ? 'Bot' : s.people.join(', ') || '—'}
                {s.idle && <span className="chip-tag warn">idle</span>}
              </td>
              <td>{!f ? '' : f.over ? '' : s.submitted ? 'Submitted' : 'Planning'}</td>
              <td>
                {t.matchID && s.kind === 'person' && !f?.over && (
                  <button
                    type="button"
                    className="btn ghost small"
                    onClick={() => run({ kind: 'bot', table: t.table, seat: s.id })}
                    aria-label={`Give ${s.label} at ${name} to a bot`}
                  >
                    Bot
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {t.observers.length > 0 && <p className="muted">Observers: {t.observers.join(', ')}</p>}
      {f && (
        <dl className="figures">
          {INDICATORS.filter(([k]) => f.indicators[k] !== undefined).map(([k, label]) => (
            <div key={k}>
              <dt>{label}</dt>
              <dd>{f.indicators[k]}</dd>
            </div>
          ))}
          {Object.entries(f.indicators)
            .filter(([k]) => k.startsWith('capability '))
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k[0]?.toUpperCase() + k.slice(1)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      )}
      {f && (
        <p className="leaders">
          {f.over ? 'Winners: ' : 'Leading: '}
          {(f.over ? f.winners : f.leaders).map(labelOf).join(', ') || 'nobody'}
        </p>
      )}
      {f && !f.over && waiting.length > 0 && (
        <p className="muted">Waiting for {waiting.map((s) => s.label).join(', ')}.</p>
      )}
      {t.matchID && !f?.over && (
        <div className="table-controls" role="group" aria-label={`Controls for ${name}`}>
          <button
            type="button"
            className="btn small"
            onClick={() => run({ kind: t.paused ? 'resume' : 'pause', table: t.table })}
          >
            {t.paused ? 'Resume' : 'Pause'}
          </button>
          <label className="inline">
            <span className="sr-only">Timer seconds for {name}</span>
            <input
              type="number"
              min={10}
              max={86400}
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
              className="secs"
            />
          </label>
          <button
            type="button"
            className="btn small"
            onClick={() => run({ kind: 'timer', table: t.table, seconds: Number(seconds) })}
          >
            Set timer
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => run({ kind: 'extend', table: t.table, seconds: 60 })}
            disabled={!t.timer}
          >
            +1 min
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => run({ kind: 'endRound', table: t.table })}
          >
            End round now
          </button>
          <button
            type="button"
            className="btn small danger"
            onClick={() => {
              if (window.confirm(`End the match at ${name} now? It is scored as it stands.`))
                run({ kind: 'endMatch', table: t.table });
            }}
          >
            End match
          </button>
        </div>
      )}
      {t.matchID && (
        <button type="button" className="btn ghost small" onClick={onOpen}>
          Open {name} (every secret)
        </button>
      )}
    </article>
  );
}
