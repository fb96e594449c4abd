import type { ScoreRow } from '../selectors/scoreboard';

/** The public scoreboard: every role, its goal and its progress, large enough for a projector. */
export function Scoreboard({ rows, roundsLeft }: { rows: ScoreRow[]; roundsLeft: number }) {
  return (
    <section className="panel scoreboard" aria-labelledby="score-title" data-testid="scoreboard">
      <h2 id="score-title">
        Scoreboard{' '}
        <span className="muted">
          · {roundsLeft} round{roundsLeft === 1 ? '' : 's'} left after this one
        </span>
      </h2>
      <ul>
        {rows.map((r) => (
          <li key={r.seat} className="score-row">
            <span className={`mark ${r.badge}`} aria-hidden="true">
              {r.mark}
            </span>
            <div className="score-body">
              <p className="score-name">
                <strong>{r.name}</strong>{' '}
                <span className={r.metNow ? 'score-met' : 'score-not'}>
                  {r.metNow ? 'would win if it ended now' : 'would not win yet'}
                </span>
              </p>
              <p className="score-goal">{r.goal}</p>
              {r.goals.map((g) => (
                <div key={g.label} className="score-goal-line">
                  <span>{g.text}</span>
                  <span
                    className={`score-bar ${g.met ? 'met' : ''} ${g.atMost ? 'at-most' : ''}`}
                    role="img"
                    aria-label={`${Math.round(g.share * 100)}% of ${g.atMost ? 'the limit' : 'the target'}`}
                  >
                    <span style={{ width: `${g.share * 100}%` }} />
                  </span>
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
