import { seatId } from '../ids';
import type { Scenario } from '../scenarios/schema';
import type { Indicators } from '../state';
import { playGame, type SeatLevels } from './play';

/** What the simulator keeps of one game: small, plain, and cloneable between threads. */
export interface GameRecord {
  index: number;
  seed: string;
  rounds: number;
  moves: number;
  refused: number;
  /** Seat ids of the winners. */
  winners: string[];
  /** One row per round, round 0 being the start. */
  indicators: Indicators[];
}

/** The seeds of game `index` in a run: the match's own and its bots'. */
export const gameSeeds = (seed: string, index: number): { game: string; bots: string } => ({
  game: `${seed}-${index}`,
  bots: `${seed}-bots-${index}`,
});

/** Plays games `from` (inclusive) to `to` (exclusive) of a run. The same index always gives
 * the same game, whichever thread plays it. */
export function playRange(
  scenario: Scenario,
  seed: string,
  levels: SeatLevels,
  from: number,
  to: number,
): GameRecord[] {
  const out: GameRecord[] = [];
  for (let index = from; index < to; index++) {
    const seeds = gameSeeds(seed, index);
    const result = playGame(scenario, seeds.game, levels, seeds.bots);
    out.push({
      index,
      seed: seeds.game,
      rounds: result.rounds,
      moves: result.moves,
      refused: result.refused,
      winners: result.outcome.winners.map((w) => seatId(w)),
      indicators: result.indicators,
    });
  }
  return out;
}
