import { seatId } from '../ids';
import type { Scenario } from '../scenarios/schema';
import type { Indicators, Victory } from '../state';
import { playGame, type SeatBans, type SeatLevels, type Searches } from './play';

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
  /** Orders given, by role and move family. */
  families: Record<string, Record<string, number>>;
  /** Cards played, by id. */
  cards: string[];
  /** End-use checks and audits made, and how many found a hidden operation. */
  searches: Searches;
  /** Last round at whose end the firm-versus-regulator verdict changed (0: never). */
  settled: number;
  /** The victory targets the game ended with (cards move some of them). */
  victory: Victory;
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
  bans: SeatBans = {},
): GameRecord[] {
  const out: GameRecord[] = [];
  for (let index = from; index < to; index++) {
    const seeds = gameSeeds(seed, index);
    const result = playGame(scenario, seeds.game, levels, seeds.bots, bans);
    out.push({
      index,
      seed: seeds.game,
      rounds: result.rounds,
      moves: result.moves,
      refused: result.refused,
      winners: result.outcome.winners.map((w) => seatId(w)),
      indicators: result.indicators,
      families: result.families,
      cards: result.cards,
      searches: result.searches,
      settled: result.settled,
      victory: result.victory,
    });
  }
  return out;
}
