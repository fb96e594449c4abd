import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import type { GameState } from '../../../game/engine';
import { results, revealed, sealedRounds } from '../selectors/end';
import { Logo } from '../board/Logo';
import { useMatchRecord, type ReadRecord } from './useMatchRecord';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

const CHECK_TEXT = {
  matches: '✓ seal matches',
  broken: '✗ seal does not match',
  hidden: 'not revealed',
} as const;

const UNREAD_TEXT = {
  reading: 'opening…',
  unread: 'not opened',
  read: 'not in the record',
} as const;

/**
 * Who won and why, every hidden move with its round, every sealed plan with its seal checked
 * again, and the charts of the whole game. The final position keeps the last round's plans;
 * the earlier rounds' are read from the match's record as the screen opens.
 */
export function EndScreen({
  G,
  onNewGame,
  debrief,
  record,
}: {
  G: GameState;
  onNewGame(): void;
  /** The way into the match's replay and debrief (src/app/debrief/EndEntry.tsx). */
  debrief?: ReactNode;
  /** Reads the match's record (its replay), where every earlier round's plans are. */
  record?: ReadRecord;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rows = results(G);
  const winners = rows.filter((r) => r.won);
  const secrets = revealed(G);
  const read = useMatchRecord(record);
  const sealed = sealedRounds(G, read.kind === 'read' ? read.plans : null);
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
        {debrief}
      </header>
      <section className="panel results" aria-labelledby="results-title">
        <h2 id="results-title">How each role did</h2>
        <ul data-testid="results">
          {rows.map((r) => (
            <li key={r.seat} className={r.won ? 'won' : 'lost'}>
              <span className={`mark ${r.badge}`} aria-hidden="true">
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
      <section className="panel sealed-plans" aria-labelledby="sealed-title">
        <h2 id="sealed-title">Every sealed plan, opened</h2>
        <p>
          When a seat submitted, everyone saw its seal: the SHA-256 hash of a secret salt and its
          orders (its first 32 hex digits). Now the salts and orders are revealed, and each seal is
          computed again here. Anyone can verify it: hash the salt, a bar (|) and the orders as JSON
          with SHA-256 and compare. A changed order would not match its seal. The last round&apos;s
          plans come with the final position; the earlier rounds&apos; are read from the
          match&apos;s record (its replay file), played again here.
        </p>
        {G.seals.length > 1 && read.kind === 'reading' && (
          <p role="status">Opening the earlier rounds&apos; plans from the match&apos;s record…</p>
        )}
        {G.seals.length > 1 && read.kind === 'unread' && (
          <p className="refused" data-testid="record-unread">
            The earlier rounds&apos; plans could not be opened: {read.error}
          </p>
        )}
        <div className="sealed-rounds" tabIndex={0} role="region" aria-label="Sealed plans">
          {sealed.map((r) => (
            <section key={r.round} aria-labelledby={`sealed-round-${r.round}`}>
              <h3 id={`sealed-round-${r.round}`}>
                Round {r.round} · {r.quarter}
              </h3>
              <ul data-testid="sealed-plans">
                {r.plans.map((p) => (
                  <li key={p.key} className={`sealed-plan check-${p.check}`}>
                    <p className="sealed-who">
                      <strong>{p.who}</strong>{' '}
                      <code className="seal" title={p.seal}>
                        {p.short}
                      </code>{' '}
                      <span className="seal-check" data-testid="seal-check">
                        {p.check === 'unread' ? UNREAD_TEXT[read.kind] : CHECK_TEXT[p.check]}
                      </span>
                    </p>
                    {p.check !== 'unread' && (
                      <p className="sealed-orders">
                        {p.orders.length ? `${p.orders.join('; ')}.` : 'No orders.'}
                        {p.card && ` Card: ${p.card}.`}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
      <Suspense fallback={<p role="status">Loading charts…</p>}>
        <ChartsPanel G={G} title="The whole game, round by round" />
      </Suspense>
    </main>
  );
}
