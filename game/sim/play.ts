import { chooseBotMove } from '../bots';
import type { BotLevel } from '../bots/types';
import { activeSeat, pass, performMove } from '../flow';
import type { SeatId } from '../ids';
import { seedRng, type RngState } from '../random';
import type { Scenario } from '../scenarios/schema';
import { createInitialState } from '../setup';
import type { Indicators, Outcome } from '../state';
import { playerView } from '../views';

/** Which bot plays each seat, by seat id. */
export type SeatLevels = Readonly<Record<string, BotLevel>>;

/** What one simulated game leaves behind. */
export interface GameResult {
  outcome: Outcome;
  /** Rounds played. */
  rounds: number;
  /** Moves made (passes not counted). */
  moves: number;
  /** Choices a bot made that the engine refused (each became a pass); should stay 0. */
  refused: number;
  /** One row per round, round 0 being the start. */
  indicators: Indicators[];
}

/** Far more decisions than any scenario needs: a guard against a bot that never ends its turn. */
const MAX_DECISIONS = 5000;

/** The seed of one seat's bot generator within a game. */
export const botSeedFor = (botSeed: string, seat: SeatId): string => `${botSeed}/seat${seat}`;

/**
 * Plays one whole game with bots in every seat. Pure: the same scenario, seed, levels and bot
 * seed always give the same result. Each bot sees only its seat's view.
 */
export function playGame(
  scenario: Scenario,
  seed: string,
  levels: SeatLevels,
  botSeed: string,
): GameResult {
  const state = createInitialState(scenario, seed);
  const rngs = new Map<SeatId, RngState>();
  let moves = 0;
  let refused = 0;
  for (let i = 0; i < MAX_DECISIONS && !state.over; i++) {
    const seat = activeSeat(state);
    if (seat === null) break;
    let rng = rngs.get(seat);
    if (!rng) rngs.set(seat, (rng = seedRng(botSeedFor(botSeed, seat))));
    const choice = chooseBotMove(playerView(state, seat), seat, levels[seat] ?? 'heuristic', rng);
    if (choice.move === 'pass') {
      pass(state, seat);
      continue;
    }
    if (performMove(state, seat, choice.move, choice.args).ok) moves += 1;
    else {
      refused += 1;
      pass(state, seat);
    }
  }
  if (!state.outcome) throw new Error(`game ${seed} did not finish`);
  return {
    outcome: state.outcome,
    rounds: state.round,
    moves,
    refused,
    indicators: state.indicators,
  };
}
