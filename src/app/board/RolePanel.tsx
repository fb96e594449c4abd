import type { Dashboard } from '../selectors/dashboard';
import { goalLine, goalProgress } from '../selectors/dashboard';

/** Your role: its resources, goals with progress bars, and its secrets. */
export function RolePanel({ d, onCards }: { d: Dashboard; onCards?: () => void }) {
  return (
    <section className="panel role-panel" aria-labelledby="role-title" data-guide="role">
      <h2 id="role-title">{d.seatName}</h2>
      <p className="goal-text">{d.goalText}</p>
      {onCards && (
        <button type="button" className="btn ghost small" onClick={onCards}>
          Role cards: how each role wins
        </button>
      )}
      <dl className="stats">
        {d.stats.map((s) => (
          <div key={s.label} className="stat" title={s.hint}>
            <dt>{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      <ul className="goals">
        {d.goals.map((g) => (
          <li key={g.label} className={g.met ? 'met' : 'unmet'}>
            <span className="goal-label">
              <span aria-hidden="true">{g.met ? '✓' : '○'}</span> {goalLine(g)}
              <span className="sr-only">{g.met ? ' (met now)' : ' (not met now)'}</span>
            </span>
            <meter min={0} max={1} value={goalProgress(g)} aria-label={`${g.label} progress`} />
          </li>
        ))}
      </ul>
      <p className={`outlook ${d.outlook.tone}`} data-testid="outlook">
        <span aria-hidden="true">
          {d.outlook.tone === 'good' ? '✓ ' : d.outlook.tone === 'warn' ? '◐ ' : '✗ '}
        </span>
        {d.outlook.text}
      </p>
      {d.secrets.length > 0 && (
        <details className="secrets" open data-testid="my-secrets">
          <summary>Your secrets ({d.secrets.length}) — only you see these</summary>
          <ul>
            {d.secrets.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
