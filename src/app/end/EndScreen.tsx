import { lazy, Suspense, useEffect, useRef } from 'react';
import type { GameState } from '../../../game/engine';
import { results, revealed } from '../selectors/end';
import { Logo } from '../board/Logo';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

/** Who won and why, every hidden move with its round, and the charts of the whole game. */
export function EndScreen({ G, onNewGame }: { G: GameState; onNewGame(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rows = results(G);
  const winners = rows.filter((r) => r.won);
  const secrets = revealed(G);
  return (
    <main className="end" aria-labelledby="end-title">
      <header className="end-head">
        <Logo />
        <h1 id="end-title" ref={heading} tabIndex={-1}>
          {winners.length ? `Winners: ${winners.map((w) => w.name).join(', ')}` : 'Nobody won'}
        </h1>
        <button type="button" className="btn primary" onClick={onNewGame}>
          New game
        </button>
      </header>
      <section className="panel results" aria-labelledby="results-title">
        <h2 id="results-title">How each role did</h2>
        <ul data-testid="results">
          {rows.map((r) => (
            <li key={r.seat} className={r.won ? 'won' : 'lost'}>
              <span className={`mark role-${r.roleKey}`} aria-hidden="true">
                {r.mark}
              </span>
              <strong>{r.name}</strong>{' '}
              <span className="verdict">{r.won ? '★ won' : 'did not win'}</span>
              <span className="why">— {r.reason}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel revealed" aria-labelledby="revealed-title">
        <h2 id="revealed-title">Every hidden move, revealed</h2>
        {secrets.length === 0 ? (
          <p>No secret moves were made.</p>
        ) : (
          <ol data-testid="revealed" tabIndex={0} aria-labelledby="revealed-title">
            {secrets.map((s) => (
              <li key={s.key}>
                <span className="when">
                  Round {s.round} · {s.quarter}
                </span>{' '}
                <strong>{s.who}:</strong> {s.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Suspense fallback={<p role="status">Loading charts…</p>}>
        <ChartsPanel G={G} title="The whole game, round by round" />
      </Suspense>
    </main>
  );
}
