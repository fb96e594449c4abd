import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { SCENARIOS, createInitialState, type GameState, type Role } from '../../../game/engine';
import { roleCards, type RoleCard } from './roleCards';
import './learn.css';

interface Props {
  /** The match the cards describe (its scenario's targets and moves). */
  G: GameState;
  /** The viewer's own role, shown first. */
  mine?: Role;
  onClose(): void;
}

function Card({ card, ordersPerRound }: { card: RoleCard; ordersPerRound: number }) {
  return (
    <article
      className={`role-card role-${card.role}`}
      aria-labelledby={`card-${card.role}`}
      data-testid="role-card"
    >
      <header>
        <h2 id={`card-${card.role}`}>{card.title}</h2>
        {card.seats.length > 0 && card.seats[0] !== card.title && (
          <p className="card-seats">Played as: {card.seats.join(', ')}</p>
        )}
      </header>
      <section>
        <h3>Your goal</h3>
        <p>{card.goal}</p>
      </section>
      <section>
        <h3>How you win</h3>
        <ul>
          {card.win.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        {card.role !== 'facilitator' && (
          <p className="card-note">
            Checked once, when the last round ends. Several players can win.
          </p>
        )}
      </section>
      {card.moves.length > 0 && (
        <section>
          <h3>Your moves ({ordersPerRound} orders a round, one card)</h3>
          <ul className="card-moves">
            {card.moves.map((m) => (
              <li key={m.move}>
                <strong>{m.label}</strong> <span className="card-cost">({m.cost})</span>: {m.line}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>What the others see of you</h3>
        <ul>
          {card.seen.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <section>
        <h3>A good start</h3>
        <p>{card.firstMove}</p>
      </section>
    </article>
  );
}

/**
 * One card per role of the match, in a dialog that prints one page per role (a print
 * stylesheet hides the rest of the page). Rendered at the top of the document so that printing
 * it leaves no empty pages behind.
 */
export default function RoleCards({ G, mine, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  const cards = useMemo(() => {
    const all = roleCards(G);
    return mine
      ? [...all.filter((c) => c.role === mine), ...all.filter((c) => c.role !== mine)]
      : all;
  }, [G, mine]);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    document.body.classList.add('printing-cards');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing-cards');
      before?.focus();
    };
  }, [onClose]);
  return createPortal(
    <div className="overlay role-cards-overlay" onClick={onClose}>
      <div
        className="role-cards"
        role="dialog"
        aria-modal="true"
        aria-labelledby="role-cards-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="role-cards-head">
          <h1 id="role-cards-title">Role cards: {SCENARIOS[G.scenario]?.name ?? G.scenario}</h1>
          <button type="button" className="btn" onClick={() => window.print()}>
            Print (one page per role)
          </button>
          <button ref={close} type="button" className="btn ghost" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="role-cards-body" tabIndex={0} aria-label="Role cards">
          {cards.map((c) => (
            <Card key={c.role} card={c} ordersPerRound={G.actionsPerRound} />
          ))}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The role cards of a scenario before a match starts (from the start screen). */
export function ScenarioRoleCards({ scenario, onClose }: { scenario: string; onClose(): void }) {
  const G = useMemo(() => {
    const s = SCENARIOS[scenario];
    return s ? createInitialState(s, 'role-cards') : null;
  }, [scenario]);
  if (!G) return null;
  return <RoleCards G={G} onClose={onClose} />;
}
