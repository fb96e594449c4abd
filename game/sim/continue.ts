import { planBotOrders } from '../bots';
import type { BotLevel } from '../bots/types';
import { planOrder, playCard, submitOrders, waitingFor } from '../flow';
import { seedRng } from '../random';
import type { GameState } from '../state';
import { playerView } from '../views';
import { round, wilson } from './stats';

/**
 * "What would happen from here?": bots play a position to the end many times, each time with
 * dice of its own, and count who wins. Bots see only their own seat's view, as in play.
 */

export interface RoleChance {
  role: string;
  seats: string[];
  wins: number;
  /** Share of continuations the role won (any of its seats), with its 95% Wilson interval. */
  rate: number;
  lo: number;
  hi: number;
}

export interface Continuations {
  games: number;
  round: number;
  roles: RoleChance[];
}

/** A working copy of a position the flow's mutating steps may change. */
const copyOf = (state: GameState): GameState => JSON.parse(JSON.stringify(state)) as GameState;

/** Plays one continuation to the end; the winners' seats. */
export const continueOnce = (
  from: GameState,
  levels: Readonly<Record<string, BotLevel>>,
  seed: string,
): string[] => (playOn(from, levels, seed).outcome?.winners ?? []).map(String);

/** Bots play a copy of the position to the end with dice of their own; the final state. */
export function playOn(
  from: GameState,
  levels: Readonly<Record<string, BotLevel>>,
  seed: string,
): GameState {
  const state = copyOf(from);
  if (!state.secret) throw new Error('a continuation needs the full position, with its secret');
  state.secret.rng = seedRng(`continue/${seed}`);
  for (let pass = 0; pass < 500 && !state.over; pass++) {
    for (const seat of waitingFor(state)) {
      const plan = planBotOrders(
        playerView(state, seat),
        seat,
        levels[seat] ?? 'heuristic',
        `${seed}/${seat}/${state.round}`,
      );
      if (plan.card && !state.plans[seat].card)
        playCard(state, seat, plan.card.card, plan.card.use);
      for (const o of plan.orders) planOrder(state, seat, o.move, o.args);
      submitOrders(state, seat);
      if (state.over) break;
    }
  }
  return state;
}

/** Each role's chance of winning by `games` continuations from `from`, seeds `${seed}/0`… */
export function continuations(
  from: GameState,
  games: number,
  seed: string,
  levels: Readonly<Record<string, BotLevel>> = {},
  progress?: (done: number, total: number) => void,
): Continuations {
  const winners: string[][] = [];
  for (let i = 0; i < games; i++) {
    winners.push(continueOnce(from, levels, `${seed}/${i}`));
    progress?.(i + 1, games);
  }
  return tallyChances(from, winners);
}

/** Win chances by role from the winners of each continuation. */
export function tallyChances(
  from: GameState,
  winners: readonly (readonly string[])[],
): Continuations {
  const roles = [...new Set(from.seats.filter((s) => s.role !== 'facilitator').map((s) => s.role))];
  const n = winners.length;
  return {
    games: n,
    round: from.round,
    roles: roles.map((role) => {
      const seats = from.seats.filter((s) => s.role === role).map((s) => s.id as string);
      const wins = winners.filter((w) => w.some((x) => seats.includes(x))).length;
      const w = wilson(wins, n);
      return { role, seats, wins, rate: round(w.p, 4), lo: round(w.lo, 4), hi: round(w.hi, 4) };
    }),
  };
}
