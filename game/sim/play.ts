import { roleOf } from '../access';
import { planBotOrders } from '../bots';
import type { BotLevel } from '../bots/types';
import { planOrder, playCard, submitOrders, waitingFor } from '../flow';
import type { SeatId } from '../ids';
import { indicatorRows } from '../indicators';
import { MOVE_BY_NAME } from '../moves';
import { seedRng, type RngState } from '../random';
import type { Scenario } from '../scenarios/schema';
import { createInitialState } from '../setup';
import type { GameState, Indicators, Outcome, SealedPlan, Victory } from '../state';
import { playerView } from '../views';
import { raceSettled, settledRoundOf } from './settled';

/** Which bot plays each seat, by seat id. */
export type SeatLevels = Readonly<Record<string, BotLevel>>;

/** Move families each seat's bot may not use, by seat id (the simulator's --ban). */
export type SeatBans = Readonly<Record<string, readonly string[]>>;

/** What one simulated game leaves behind. */
export interface GameResult {
  outcome: Outcome;
  /** Rounds played. */
  rounds: number;
  /** Orders given. */
  moves: number;
  /** Orders a bot planned that the engine refused at planning; should stay 0. */
  refused: number;
  /** One row per round, round 0 being the start. */
  indicators: Indicators[];
  /** Orders given, by role and move family. */
  families: Record<string, Record<string, number>>;
  /** Cards played, by id. */
  cards: string[];
  /** End-use checks (the regulator's) and distributor audits (the vendor's) made, and how many found something. */
  searches: Searches;
  /** The round from whose end the firms' race could no longer change (game/sim/settled.ts). */
  settled: number;
  /** The victory targets the game ended with: cards can move them from the scenario's. */
  victory: Victory;
}

/** Far more rounds of planning than any scenario needs: a guard against a stuck game. */
const MAX_PLANNING_PASSES = 200;

/** The seed of one seat's bot generator within a game. */
export const botSeedFor = (botSeed: string, seat: SeatId): string => `${botSeed}/seat${seat}`;

/**
 * Plays one whole game with bots in every seat: each round every bot plans from its own view,
 * then submits. Pure: the same scenario, seed, levels, bans and bot seed always give the same
 * result.
 */
export function playGame(
  scenario: Scenario,
  seed: string,
  levels: SeatLevels,
  botSeed: string,
  bans: SeatBans = {},
): GameResult {
  const state = createInitialState(scenario, seed);
  const rngs = new Map<SeatId, RngState>();
  let moves = 0;
  let refused = 0;
  /** Every round's plans, opened as the round resolved (the state keeps only the last round's). */
  const plans: SealedPlan[] = [];
  /** Whether the race was settled at the end of each round, index 0 being the start. */
  const settledAt: boolean[] = [raceSettled(state)];
  for (let pass = 0; pass < MAX_PLANNING_PASSES && !state.over; pass++) {
    const round = state.round;
    for (const seat of waitingFor(state)) {
      let rng = rngs.get(seat);
      if (!rng) rngs.set(seat, (rng = seedRng(botSeedFor(botSeed, seat))));
      const plan = planBotOrders(playerView(state, seat), seat, levels[seat] ?? 'heuristic', rng, {
        banned: bans[seat],
      });
      if (plan.card) playCard(state, seat, plan.card.card, plan.card.use);
      for (const order of plan.orders) {
        if (planOrder(state, seat, order.move, order.args).ok) moves += 1;
        else refused += 1;
      }
      submitOrders(state, seat);
      if (state.over) break;
    }
    if (state.over || state.round !== round) {
      settledAt.push(raceSettled(state));
      plans.push(...state.opened);
    }
  }
  if (!state.outcome) throw new Error(`game ${seed} did not finish`);
  return {
    outcome: state.outcome,
    rounds: state.round,
    moves,
    refused,
    indicators: indicatorRows(state.indicators),
    families: familiesOf(state, plans),
    cards: plans.flatMap((p) => (p.card ? [p.card.card] : [])),
    searches: {
      check: tally(state, 'check'),
      audit: tally(state, 'audit'),
    },
    settled: settledRoundOf(settledAt),
    victory: { ...state.victory },
  };
}

export interface Searches {
  check: { made: number; found: number };
  audit: { made: number; found: number };
}

function tally(state: GameState, by: 'check' | 'audit'): { made: number; found: number } {
  const made = state.searches.filter((s) => s.by === by);
  return { made: made.length, found: made.filter((s) => s.found > 0).length };
}

function familiesOf(
  state: GameState,
  plans: readonly SealedPlan[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const plan of plans) {
    const role = roleOf(state, plan.seat) ?? 'unknown';
    for (const order of plan.orders ?? []) {
      const family = MOVE_BY_NAME[order.move].family;
      out[role] ??= {};
      out[role][family] = (out[role][family] ?? 0) + 1;
    }
  }
  return out;
}
