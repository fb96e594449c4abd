import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CardUse } from '../../../game/engine';
import type { HandCard, PlanningInfo } from '../selectors/planning';
import { USE_TEXT } from '../selectors/news';
import { SeatStatusList } from './Tracker';

interface Props {
  info: PlanningInfo;
  notice: string | null;
  onWithdraw(index: number): void;
  onCard(card: string | null, use: CardUse): void;
  onSubmit(): void;
  /** The "Add an order" forms. */
  children: ReactNode;
}

const FAVOURS: Record<string, string> = {
  regulator: 'the Regulator',
  vendor: 'the Chip vendor',
  firm: 'the AI labs',
  hub: 'the Hub governments',
  neutral: 'nobody in particular',
};

/**
 * The seat's desk for the round: its planned orders, its hand of cards, the forms to add an
 * order, and Submit (with a confirm step). After submitting it shows the seal and who is still
 * planning.
 */
export function PlanningPanel({ info, notice, onWithdraw, onCard, onSubmit, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (info.mine || info.submitted) heading.current?.focus();
  }, [info.mine, info.submitted, info.round]);
  const left = info.budget - info.used;
  if (!info.planner)
    return (
      <section className="panel planning sealed" aria-labelledby="plan-title">
        <h2 id="plan-title" ref={heading} tabIndex={-1}>
          Round {info.round}: you give no orders
        </h2>
        <p>
          {info.waiting.length
            ? `Waiting for: ${info.waiting.join(', ')}`
            : 'Everyone has submitted: the round is resolving.'}
        </p>
        <SeatStatusList seats={info.seats} />
      </section>
    );
  return (
    <section
      className={`panel planning ${info.submitted ? 'sealed' : 'open'}`}
      aria-labelledby="plan-title"
      data-guide="moves"
    >
      <h2 id="plan-title" ref={heading} tabIndex={-1}>
        {info.submitted
          ? `Your orders for round ${info.round} are sealed`
          : `Your orders for round ${info.round}`}
      </h2>
      {info.submitted ? (
        <div className="sealed-status" data-testid="sealed">
          <p>
            Sealed: <code className="seal">{info.seal}</code>
          </p>
          <p>
            {info.waiting.length
              ? `Waiting for: ${info.waiting.join(', ')}`
              : 'Everyone has submitted: the round is resolving.'}
          </p>
        </div>
      ) : (
        <p className="budget" data-testid="budget">
          {info.used} of {info.budget} orders planned
          {left > 0 ? ` · ${left} left` : ' · all given'}
        </p>
      )}
      <div className="notice" role="alert" data-testid="notice">
        {notice}
      </div>
      <SeatStatusList seats={info.seats} />

      <h3 id="orders-title">Planned orders</h3>
      {info.orders.length === 0 ? (
        <p className="muted">No orders yet{info.mine ? ': add one below.' : '.'}</p>
      ) : (
        <ol className="orders" aria-labelledby="orders-title" data-testid="orders">
          {info.orders.map((o) => (
            <li key={o.index}>
              <span className="order-text">
                <strong>{o.label}</strong>
                {o.detail && <span className="order-detail"> — {o.detail}</span>}
              </span>
              <span className="order-cost">{o.cost}</span>
              {info.mine && (
                <button
                  type="button"
                  className="btn ghost small"
                  aria-label={`Withdraw order ${o.index + 1}: ${o.label}`}
                  onClick={() => onWithdraw(o.index)}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {info.card && (
        <p className="chosen-card">
          Card: “{info.card.title}” {USE_TEXT[info.card.use]}
          {info.card.use === 'capital' ? ` (${info.capital})` : ''}
          {info.mine && (
            <button
              type="button"
              className="btn ghost small"
              onClick={() => onCard(null, info.card?.use ?? 'event')}
            >
              Take the card back
            </button>
          )}
        </p>
      )}

      {info.mine && (
        <div className="submit-area">
          {confirming ? (
            <div className="confirm" role="group" aria-labelledby="confirm-text">
              <p id="confirm-text">
                <strong>Submit and seal your orders? You cannot change them after.</strong>
                {left > 0 && ` You have planned ${info.used} of ${info.budget} orders.`}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="btn primary"
                  // Focus goes to the decision the player just asked for.
                  autoFocus
                  onClick={() => {
                    setConfirming(false);
                    onSubmit();
                  }}
                >
                  Yes, seal my orders
                </button>
                <button type="button" className="btn ghost" onClick={() => setConfirming(false)}>
                  Not yet
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="btn primary submit"
              data-guide="end"
              onClick={() => setConfirming(true)}
            >
              Submit and seal orders
            </button>
          )}
        </div>
      )}

      {info.hand.length > 0 && <Hand info={info} onCard={onCard} />}

      {info.mine && (
        <section className="add-order" aria-labelledby="moves-title">
          <h3 id="moves-title" tabIndex={-1}>
            Add an order
          </h3>
          {children}
        </section>
      )}
    </section>
  );
}

function Hand({ info, onCard }: { info: PlanningInfo; onCard: Props['onCard'] }) {
  return (
    <section className="hand" aria-labelledby="hand-title" data-testid="hand">
      <h3 id="hand-title">Your cards</h3>
      <p className="hand-help">
        You may play one card this round: for its event, for one extra order, or for capital (
        {info.capital}). A card that helps another role still fires its event when you play it for
        an extra order or for capital.
      </p>
      <ul>
        {info.hand.map((c) => (
          <CardItem key={c.id} card={c} info={info} onCard={onCard} />
        ))}
      </ul>
    </section>
  );
}

function CardItem({
  card: c,
  info,
  onCard,
}: {
  card: HandCard;
  info: PlanningInfo;
  onCard: Props['onCard'];
}) {
  const chosen = info.card?.id === c.id ? info.card.use : null;
  const uses: [CardUse, string][] = [
    ['event', 'Play for its event'],
    ['action', 'Play for an extra order'],
    ['capital', `Play for capital (${info.capital})`],
  ];
  return (
    <li className={`hand-card favours-${c.favours} ${chosen ? 'chosen' : ''}`}>
      <h4>{c.title}</h4>
      <p className="news-date">
        {c.date} — <cite>{c.source}</cite> · helps {FAVOURS[c.favours] ?? c.favours}
      </p>
      <p>
        <strong>Event:</strong> {c.effect}
      </p>
      <p className="fires-note">
        {c.firesAnyway
          ? `It helps ${FAVOURS[c.favours] ?? c.favours}: played for an extra order or for capital, its event still happens.`
          : 'Played for an extra order or for capital, its event does not happen.'}
      </p>
      <details className="news-story">
        <summary>The story</summary>
        <p>{c.text}</p>
      </details>
      {info.mine && (
        <div className="card-uses" role="group" aria-label={`Play “${c.title}”`}>
          {uses.map(([use, text]) => (
            <button
              key={use}
              type="button"
              className={`btn small ${chosen === use ? 'primary' : ''}`}
              aria-pressed={chosen === use}
              onClick={() => onCard(c.id, use)}
            >
              {text}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
