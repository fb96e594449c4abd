import { useEffect, useRef, useState } from 'react';
import type { CardUse, GameState, MoveArgs, MoveName, SeatId } from '../../../game/engine';
import { coach, hasOrder, type Coaching } from './coach';
import './coach.css';

interface Props {
  G: GameState;
  seat: SeatId;
  /** Adds an order as the move form would. */
  onOrder(move: MoveName, args: MoveArgs): void;
  onCard(card: string, use: CardUse): void;
}

type Step =
  | { kind: 'aim' }
  | { kind: 'order'; index: number }
  | { kind: 'card' }
  | { kind: 'seal' }
  | { kind: 'sealed' };

function stepsOf(c: Coaching): Step[] {
  return [
    { kind: 'aim' },
    ...c.orders.map((_, index) => ({ kind: 'order' as const, index })),
    ...(c.card ? [{ kind: 'card' as const }] : []),
    { kind: 'seal' },
  ];
}

const USE_WORDS: Record<CardUse, string> = {
  event: 'for its event',
  action: 'for an extra order',
  capital: 'for capital',
};

/**
 * The coached first round: what winning takes for this role in this game, then each order worth
 * giving now and why (with the engine's odds), the card to play, and why the order of
 * resolution matters, up to the seal. It follows the player: an order given through the move
 * form, or a card chosen on the card, moves it on. It ends at the recap of round one, which the
 * table opens once everyone has sealed.
 */
export function Guide({ G, seat, onOrder, onCard }: Props) {
  // The advice is for the round as it opened: computed once, from the seat's own view.
  const [coaching] = useState(() => coach(G, seat));
  const steps = stepsOf(coaching);
  const [at, setAt] = useState(0);
  const [closed, setClosed] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const plan = G.plans[seat];
  const sealed = plan?.submitted ?? false;
  const step: Step = sealed ? { kind: 'sealed' } : (steps[Math.min(at, steps.length - 1)] as Step);
  const order = step.kind === 'order' ? coaching.orders[step.index] : null;
  const done =
    (order !== null && hasOrder(G, seat, order)) || (step.kind === 'card' && plan?.card != null);
  if (done && at < steps.length - 1) setAt(at + 1);
  useEffect(() => {
    const target =
      step.kind === 'order'
        ? 'moves'
        : step.kind === 'seal'
          ? 'end'
          : step.kind === 'card'
            ? 'hand'
            : '';
    document.body.dataset.guide = closed ? '' : target;
    document.body.dataset.coachMove = closed || !order ? '' : order.move;
    return () => {
      document.body.dataset.guide = '';
      document.body.dataset.coachMove = '';
    };
  }, [step.kind, order, closed]);
  useEffect(() => {
    // The coach is what to read first: once the board has placed its own focus, bring the
    // coach into view (on a phone it sits above the board) and give it the focus.
    const frame = requestAnimationFrame(() => {
      title.current?.scrollIntoView({ block: 'nearest' });
      title.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  /** Set by the coach's own buttons: the next step's title takes the focus. */
  const focusNext = useRef(false);
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    title.current?.focus({ preventScroll: true });
  }, [at]);
  const go = (to: number) => {
    focusNext.current = true;
    setAt(to);
  };
  if (closed) return null;
  const count = sealed ? steps.length : Math.min(at, steps.length - 1) + 1;
  return (
    <aside
      className="guide coach"
      aria-labelledby="guide-title"
      data-step={step.kind}
      data-move={order?.move}
      data-hub={order?.args.hub ?? order?.args.at}
    >
      <p className="guide-count">
        Your first round · step {count} of {steps.length}
      </p>
      {step.kind === 'aim' && (
        <>
          <h2 id="guide-title" ref={title} tabIndex={-1}>
            How you win
          </h2>
          {coaching.aim.map((t) => (
            <p key={t}>{t}</p>
          ))}
          <p>
            This round the coach suggests{' '}
            {coaching.orders.length
              ? `${coaching.orders.length === 1 ? 'one order' : `${coaching.orders.length} orders`}${coaching.card ? ' and a card' : ''}`
              : 'a card'}
            , and says why.
          </p>
        </>
      )}
      {order && (
        <>
          <h2 id="guide-title" ref={title} tabIndex={-1}>
            Order {step.kind === 'order' ? step.index + 1 : ''}: {order.what}
          </h2>
          {order.why.map((t) => (
            <p key={t}>{t}</p>
          ))}
          <p className="coach-how">
            Open “{order.label}” under Add an order, choose as above and add it, or let the coach
            add it.
          </p>
        </>
      )}
      {step.kind === 'card' && coaching.card && (
        <>
          <h2 id="guide-title" ref={title} tabIndex={-1}>
            Your card: play “{coaching.card.title}” {USE_WORDS[coaching.card.use]}
          </h2>
          <p>{coaching.card.why}</p>
          <p className="coach-how">You may play one card a round, in one of three ways.</p>
        </>
      )}
      {step.kind === 'seal' && (
        <>
          <h2 id="guide-title" ref={title} tabIndex={-1}>
            Seal your plan
          </h2>
          {coaching.seal.map((t) => (
            <p key={t}>{t}</p>
          ))}
          <p className="coach-how">
            Press “Submit and seal orders”, then confirm. The others will see only your seal.
          </p>
        </>
      )}
      {step.kind === 'sealed' && (
        <>
          <h2 id="guide-title" ref={title} tabIndex={-1}>
            Sealed: now the round resolves
          </h2>
          <p>
            When every player has sealed, all orders happen in their fixed sequence and the recap of
            round 1 opens. Read what happened to you first: it is your best clue for round 2.
          </p>
        </>
      )}
      <div className="guide-actions">
        {step.kind !== 'sealed' && (
          <button
            type="button"
            className="btn ghost"
            disabled={at === 0}
            onClick={() => go(Math.max(0, at - 1))}
          >
            Back
          </button>
        )}
        {order && (
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              focusNext.current = true;
              onOrder(order.move, order.args);
            }}
          >
            Add it for me
          </button>
        )}
        {step.kind === 'card' && coaching.card && (
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              if (!coaching.card) return;
              focusNext.current = true;
              onCard(coaching.card.card, coaching.card.use);
            }}
          >
            Play it {USE_WORDS[coaching.card.use]}
          </button>
        )}
        {(step.kind === 'aim' || order || step.kind === 'card') && (
          <button
            type="button"
            className={`btn ${step.kind === 'aim' ? 'primary' : 'ghost'}`}
            onClick={() => go(at + 1)}
          >
            {step.kind === 'aim' ? 'Next' : 'Skip this'}
          </button>
        )}
        <button type="button" className="btn ghost" onClick={() => setClosed(true)}>
          Close guide
        </button>
      </div>
    </aside>
  );
}
