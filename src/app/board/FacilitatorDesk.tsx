import type { GameState } from '../../../game/engine';
import { facilitatorDesk } from '../selectors/facilitator';

/**
 * The facilitator's desk, in place of a planning desk: the facilitator plans nothing and sees
 * everything the engine hides from the players — every seat's plan, every lab's secret
 * operations, the true market behind the demand readings and the regulator's intelligence.
 * `G` is the facilitator's own (omniscient) view, sent only to that seat.
 */
export function FacilitatorDesk({ G }: { G: GameState }) {
  const d = facilitatorDesk(G);
  return (
    <section
      className="panel facilitator-desk"
      aria-labelledby="facilitator-title"
      data-testid="facilitator-desk"
    >
      <h2 id="facilitator-title">Facilitator: every secret</h2>
      {!d.complete && (
        <p role="alert">This view holds no secrets: it is not the facilitator&apos;s.</p>
      )}
      <h3>Plans this round</h3>
      <ul className="fac-plans">
        {d.plans.map((p) => (
          <li key={p.seat}>
            <strong>{p.name}</strong> — {p.submitted ? 'sealed' : 'still planning'}
            {p.card && <span className="muted"> · card: {p.card}</span>}
            {p.orders.length === 0 ? (
              <span className="muted"> · no orders</span>
            ) : (
              <ol>
                {p.orders.map((o) => (
                  <li key={o.index}>
                    {o.label}
                    {o.detail && `: ${o.detail}`} <span className="muted">({o.cost})</span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
      <h3>The labs&apos; secret operations</h3>
      {d.firms.map((f) => (
        <div key={f.seat} className="fac-firm">
          <h4>{f.name}</h4>
          <ul>
            {f.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      ))}
      <h3>The true market</h3>
      <div className="table-wrap">
        <table className="fac-market">
          <thead>
            <tr>
              <th scope="col">Hub</th>
              <th scope="col">Ordinary customers</th>
              <th scope="col">Labs</th>
              <th scope="col">Public reading</th>
            </tr>
          </thead>
          <tbody>
            {d.market.map((m) => (
              <tr key={m.hub}>
                <th scope="row">{m.hub}</th>
                <td>{m.ordinary} pods</td>
                <td>{m.firms} pods</td>
                <td>{m.reading} pods</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>The regulator&apos;s intelligence</h3>
      {d.intel.length === 0 ? (
        <p className="muted">No cloud KYC reports yet.</p>
      ) : (
        <ul>
          {d.intel.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
