import type { Game, State } from 'boardgame.io';
import type { ApplyMove } from '../authority/direct-step';
import type { BotLevel, ScenarioInfo } from '../../protocol';

export type { ScenarioInfo, ScenarioSeat } from '../../protocol';

export interface BotMove {
  move: string;
  args: unknown[];
}

/**
 * What the server needs from a game: the boardgame.io Game, its scenarios
 * (seat i of a scenario is playerID String(i)), the setupData for a new match,
 * and a bot that picks a move from one seat's filtered view.
 */
export interface ServedGame {
  game: Game;
  scenarios: Record<string, ScenarioInfo>;
  setupData(scenario: string, seed: string): unknown;
  /** `view` is the state as that seat's socket would receive it (already filtered). */
  chooseBotMove(view: State, playerID: string, level: BotLevel, rngSeed: string): BotMove | null;
  /**
   * Why `args` are not exactly what `move` takes (an error for the client), or null if they are.
   * The server calls it for every move, a bot's included, before the move runs: arguments of
   * any other shape (extra keys, wrong types, oversized values) are refused, never stored or
   * broadcast. Chokepoint's schemas are in game/moves/args.ts.
   */
  checkArgs(move: string, args: unknown[]): string | null;
  /** Roles whose seat may pause/resume the match (e.g. "facilitator"). */
  facilitatorRoles: string[];
  /**
   * The game's moves as a pure function of G (null for an invalid move). Where the game's flow
   * is simple enough (authority/direct-step.ts), the server runs moves through this instead of
   * boardgame.io's reducer, with the same result.
   */
  applyMove?: ApplyMove;
}
