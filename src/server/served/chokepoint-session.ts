import type { State } from 'boardgame.io';
import { checkCustomCard, endMatchNow, injectCard } from '../../../game/events/injects';
import type { EventCard } from '../../../game/events/types';
import { waitingFor } from '../../../game/flow';
import { seatId } from '../../../game/ids';
import { lastIndicators } from '../../../game/indicators';
import type { GameState } from '../../../game/state';
import { playerView } from '../../../game/views';
import type { BotLevel, DefaultOrders, TableFigures } from '../../protocol';
import { planChokepointBot } from './chokepoint';
import type { BotMove, SessionHooks } from './served-game';

/**
 * What a facilitator's session needs of Chokepoint: who still plans, the public figures, the
 * facilitator's view (every secret but the match's generator and deck), a seat's default when
 * the round timer runs out (its bot's plan, or "hold": no orders, no card), and injects.
 */
export const chokepointSession: SessionHooks = {
  waiting: (G) => waitingFor(G as GameState),

  figures(G): TableFigures {
    const g = G as GameState;
    const last = lastIndicators(g.indicators);
    const indicators: Record<string, number> = {};
    if (last)
      for (const [k, v] of Object.entries(last))
        if (typeof v === 'number' && k !== 'round') indicators[k] = v;
    for (const [seat, firm] of Object.entries(g.firms))
      indicators[`capability ${firm.name || seat}`] = firm.capability;
    return {
      round: g.round,
      rounds: g.rounds,
      indicators,
      leaders: g.outcome?.winners ?? last?.leaders ?? [],
      over: g.over,
      winners: g.outcome?.winners ?? [],
    };
  },

  facilitatorView(G) {
    const g = G as GameState;
    const facilitator = g.seats.find((s) => s.role === 'facilitator');
    // The facilitator's seat sees everything; a table without one is shown the same way.
    return facilitator ? playerView(g, facilitator.id) : { ...g, secret: null };
  },

  defaultMoves(view: State, playerID: string, mode: DefaultOrders, level: BotLevel, seed: string) {
    if (mode === 'bot') return planChokepointBot(view, playerID, level, seed);
    const G = view.G as GameState;
    const desk = G.plans[seatId(playerID)];
    if (G.over || !desk || desk.submitted) return [];
    const moves: BotMove[] = [];
    for (let i = desk.orders.length - 1; i >= 0; i--)
      moves.push({ move: 'withdraw', args: [{ index: i }] });
    if (desk.card) moves.push({ move: 'card', args: [{ card: null, use: desk.card.use }] });
    moves.push({ move: 'submit', args: [] });
    return moves;
  },

  checkCard: checkCustomCard,

  inject(G, card) {
    const r = injectCard(G as GameState, card as string | EventCard);
    return r.ok ? { ok: true, G: r.state } : r;
  },

  endMatch: (G) => endMatchNow(G as GameState),
};
