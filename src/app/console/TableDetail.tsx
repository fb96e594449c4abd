import { useEffect, useRef, useState } from 'react';
import type { GameState } from '../../../game/engine';
import { sessionApi } from '../session/client';

/**
 * One table as the facilitator sees it: every seat's plan of this round, every firm's secret
 * holdings, the true market, and the whole log (the facilitator's view of the engine).
 */
export function TableDetail({
  sessionID,
  token,
  table,
  version,
  onClose,
}: {
  sessionID: string;
  token: string;
  table: number;
  /** Changes whenever the console hears of a change: the view is read again. */
  version: unknown;
  onClose(): void;
}) {
  const [G, setG] = useState<GameState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  useEffect(() => {
    let live = true;
    sessionApi.table(sessionID, token, table).then(
      (r) => live && setG(r.view as GameState),
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [sessionID, token, table, version]);
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="detail-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <section className="panel table-detail">
        <header className="table-head">
          <h2 id="detail-title">Table {table + 1}: everything</h2>
          <button ref={close} type="button" className="btn small" onClick={onClose}>
            Close
          </button>
        </header>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {!G && !problem && <p role="status">Loading…</p>}
        {G && (
          <div className="detail-grid">
            <section aria-labelledby="plans-title">
              <h3 id="plans-title">Plans this round (round {G.round})</h3>
              <ul>
                {G.planners.map((seat) => {
                  const plan = G.plans[seat];
                  const name = G.seats.find((s) => s.id === seat)?.name ?? seat;
                  return (
                    <li key={seat} data-testid={`plan-${seat}`}>
                      <strong>{name}</strong> — {plan?.submitted ? 'submitted' : 'drafting'}
                      {plan?.card && ` · card ${plan.card.card} (${plan.card.use})`}
                      <ol>
                        {(plan?.orders ?? []).map((o, i) => (
                          <li key={i}>
                            {o.move}{' '}
                            {Object.keys(o.args).length > 0 && (
                              <code>{JSON.stringify(o.args)}</code>
                            )}
                          </li>
                        ))}
                      </ol>
                      {plan?.orders.length === 0 && <p className="muted">No orders yet.</p>}
                      {plan && plan.hand.length > 0 && (
                        <p className="muted">Hand: {plan.hand.join(', ')}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
            <section aria-labelledby="firms-title">
              <h3 id="firms-title">Firms&apos; secrets</h3>
              {Object.values(G.firms).map((f) => (
                <div key={f.seat}>
                  <strong>{f.name}</strong>: cash ${f.secrets.cash}, heat {f.secrets.heat}, data at
                  home {f.secrets.homeTB} TB, {f.secrets.entities.length} entities,{' '}
                  {f.secrets.leases.length} leases, {f.secrets.trainings.length} trainings,{' '}
                  {f.secrets.couriers.length} couriers
                  <ul>
                    {f.secrets.history.slice(-6).map((h, i) => (
                      <li key={i}>
                        Round {h.round}: {h.text}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {G.market && (
                <p>
                  True market — firms rent:{' '}
                  {Object.entries(G.market.firms)
                    .map(([hub, n]) => `${hub} ${n}`)
                    .join(', ')}
                </p>
              )}
              <p>
                Regulator intel:{' '}
                {G.regulator.intel.map((x) => `${x.hub} (round ${x.round})`).join(', ') || 'none'}
              </p>
            </section>
            <section aria-labelledby="log-title" className="detail-log">
              <h3 id="log-title">Log</h3>
              <ol>
                {G.log.slice(-40).map((e, i) => (
                  <li key={i} className={e.to === 'public' ? '' : 'private'}>
                    R{e.round}{' '}
                    {e.to !== 'public' && (
                      <em>[to {G.seats.find((s) => s.id === e.to)?.name ?? e.to}] </em>
                    )}
                    {e.text}
                  </li>
                ))}
              </ol>
            </section>
          </div>
        )}
      </section>
    </div>
  );
}
