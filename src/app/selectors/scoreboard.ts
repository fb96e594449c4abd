import type { GameState, SeatId } from '../../../game/engine';
import { goalsOf, type Goal } from '../../../game/scoring';
import { ROLE_GOAL, roleOfSeat } from './format';
import { badgeOf } from './marks';

/** One role's row on the projector: its goal and how far it is, from public facts only. */
export interface ScoreRow {
  seat: SeatId;
  name: string;
  mark: string;
  badge: string;
  goal: string;
  goals: (Goal & { share: number; text: string })[];
  /** Every condition met if the game ended now. */
  metNow: boolean;
}

const amount = (g: Goal, n: number): string => (g.unit === '$' ? `$${n}` : `${n}`);

/**
 * Each playing seat's public progress towards its goal, for the room to read. Built from the
 * public (spectator) view: capability, the frontier, the vendor's cash, the hubs' investment and
 * standing are all public; no secret enters it.
 */
export function scoreboard(G: GameState): ScoreRow[] {
  return G.seats
    .filter((s) => s.role !== 'facilitator')
    .map((s) => {
      const goals = goalsOf(G, s.id).map((g) => ({
        ...g,
        share: g.target > 0 ? Math.max(0, Math.min(1, g.now / g.target)) : 1,
        text: g.atMost
          ? `${g.label}: ${amount(g, g.now)} — must stay under ${amount(g, g.target)}`
          : `${g.label}: ${amount(g, g.now)} — needs at least ${amount(g, g.target)}`,
      }));
      const b = badgeOf(G.seats, s.id);
      return {
        seat: s.id,
        name: s.name,
        mark: b.mark,
        badge: b.className,
        goal: ROLE_GOAL[roleOfSeat(G, s.id) ?? 'facilitator'],
        goals,
        metNow: goals.every((g) => g.met),
      };
    });
}
