import { useMemo, useState } from 'react';
import type { BoardProps as BgioProps } from 'boardgame.io/react';
import type { GameState, SeatId } from '../../../game/engine';
import type { TeamDraft } from '../../protocol';
import { plannedOrders } from '../selectors/planning';
import { NetBoard, type NetExtras } from '../online/NetBoard';

/** Sends one draft action through the session: null once done, else why it was refused. */
export type DraftVia = (
  move: 'order' | 'withdraw' | 'card',
  args: unknown[],
) => Promise<string | null>;

export interface TeamExtras {
  /** Present for a team seat: draft actions go through the session, with this student as author. */
  draftVia?: DraftVia;
  teamDraft?: TeamDraft;
}

/**
 * A team seat's board: the networked board, whose order, withdraw and card actions go through
 * the session (so the server knows which team member wrote them; if the session socket is
 * down they go straight to the table, unsigned), and under it the team's draft with each
 * order's and the card's author.
 */
export function TeamBoard(props: BgioProps<GameState> & NetExtras & TeamExtras) {
  const { moves, draftVia, teamDraft, G, playerID } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const routed = useMemo(() => {
    if (!draftVia) return moves;
    const via =
      (name: 'order' | 'withdraw' | 'card') =>
      (...args: unknown[]) => {
        setProblem(null);
        void draftVia(name, args).then((error) => {
          if (error === 'not connected') moves[name]?.(...args);
          else if (error) setProblem(error);
        });
      };
    return { ...moves, order: via('order'), withdraw: via('withdraw'), card: via('card') };
  }, [moves, draftVia]);
  const board = <NetBoard {...props} moves={routed} />;
  if (!draftVia || !G || playerID === null || G.over) return board;
  const seat = playerID as SeatId;
  const current = teamDraft && teamDraft.round === G.round ? teamDraft : null;
  const orders = plannedOrders(G, seat);
  const card = G.plans[seat]?.card ?? null;
  const by = (name: string | null | undefined) => name ?? 'a team-mate';
  return (
    <>
      {board}
      <section className="panel team-draft" aria-labelledby="team-draft-title">
        <h2 id="team-draft-title">Your team&apos;s draft</h2>
        {problem && (
          <p className="problem" role="alert">
            {problem[0]?.toUpperCase() + problem.slice(1)}.
          </p>
        )}
        {orders.length === 0 && !card ? (
          <p className="muted">No orders yet this round.</p>
        ) : (
          <ol data-testid="team-draft">
            {orders.map((o) => (
              <li key={o.index}>
                {o.label}
                {o.detail ? ` — ${o.detail}` : ''}{' '}
                <span className="muted">by {by(current?.orders[o.index])}</span>
              </li>
            ))}
          </ol>
        )}
        {card && (
          <p>
            Card chosen by <strong>{by(current?.card)}</strong>.
          </p>
        )}
      </section>
    </>
  );
}
