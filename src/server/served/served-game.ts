import type { Game, State } from 'boardgame.io';
import type { ApplyMove } from '../authority/direct-step';
import type {
  BotLevel,
  DefaultOrders,
  FieldError,
  ScenarioInfo,
  TableFigures,
} from '../../protocol';

export type { ScenarioInfo, ScenarioSeat } from '../../protocol';

export interface BotMove {
  move: string;
  args: unknown[];
}

/**
 * What the server needs from a game: the boardgame.io Game, its scenarios
 * (seat i of a scenario is playerID String(i)), the setupData for a new match,
 * and a bot that decides from one seat's filtered view: one move at a time (`chooseBotMove`,
 * for a game of turns) or a whole plan of moves (`planBotMoves`, for a game where every seat
 * plans at once). A game gives at least one of the two.
 */
export interface ServedGame {
  game: Game;
  scenarios: Record<string, ScenarioInfo>;
  setupData(scenario: string, seed: string): unknown;
  /**
   * The bot's next move, or null for none now. `view` is the state as that seat's socket would
   * receive it (already filtered).
   */
  chooseBotMove?(view: State, playerID: string, level: BotLevel, rngSeed: string): BotMove | null;
  /**
   * Every move the bot makes now, in order (empty: nothing to do now), decided at once from the
   * seat's filtered view: for Chokepoint, a round's card, orders and submission. The runner
   * sends them one by one through the same validated path as a socket. Preferred over
   * `chooseBotMove` when both are given.
   */
  planBotMoves?(view: State, playerID: string, level: BotLevel, rngSeed: string): BotMove[];
  /**
   * Why `args` are not exactly what `move` takes (an error for the client), or null if they are.
   * The server calls it for every move, a bot's included, before the move runs: arguments of
   * any other shape (extra keys, wrong types, oversized values) are refused, never stored or
   * broadcast. Chokepoint's schemas are in game/moves/args.ts.
   */
  checkArgs(move: string, args: unknown[]): string | null;
  /** The round the game is in (a match's chat is kept by round); none: boardgame.io's turn. */
  roundOf?(G: unknown): number;
  /** Roles whose seat may pause/resume the match (e.g. "facilitator"). */
  facilitatorRoles: string[];
  /**
   * The game's moves as a pure function of G (null for an invalid move). Where the game's flow
   * is simple enough (authority/direct-step.ts), the server runs moves through this instead of
   * boardgame.io's reducer, with the same result.
   */
  applyMove?: ApplyMove;
  /**
   * The match's replay file (a downloadable record anyone can replay and check), built from
   * its setup data and its stored log of moves; the lobby serves it at
   * GET /api/matches/ID/replay (lobby/replay-route.ts decides who may have it).
   */
  replayFile?(match: ReplaySource): unknown;
  /** What a facilitator's session (src/server/sessions/) needs of the game; none: no sessions. */
  session?: SessionHooks;
}

/** What the server keeps of a match that a replay file is made of. */
export interface ReplaySource {
  matchID: string;
  setupData: unknown;
  /** Every move the authority took, in order: [playerID, move name, its arguments]. */
  moves: { playerID: string; move: string; args: unknown[] }[];
  /** Who held each seat, by playerID. */
  players: Record<string, 'person' | 'bot' | 'open'>;
  savedAt: string;
  /** The facilitator console's changes, in order, each made once `at` of `moves` were taken. */
  console?: { at: number; kind: 'inject' | 'end'; card?: unknown }[];
  /** The table's talk the file carries (lobby/replay-messages.ts chooses it), in order. */
  messages?: ReplaySourceMessage[];
}

/** A message said at the table, at the round it was said in: from a seat or the facilitator. */
export type ReplaySourceMessage = { round: number; to?: string; text: string } & (
  { seat: string } | { facilitator: true }
);

/** A game's side of a session: its state read for the console, defaults, injects. */
export interface SessionHooks {
  /** Seats that have not submitted this round. */
  waiting(G: unknown): string[];
  /** The public figures the console shows for a table. */
  figures(G: unknown): TableFigures;
  /** Everything a facilitator may see of a table (every secret but the match's own). */
  facilitatorView(G: unknown): unknown;
  /** What a seat that has not submitted gets when the round timer runs out. */
  defaultMoves(
    view: State,
    playerID: string,
    mode: DefaultOrders,
    level: BotLevel,
    seed: string,
  ): BotMove[];
  /** A written card checked with the scenario cards' schema: the card, or one error per field. */
  checkCard(raw: unknown): { ok: true; card: unknown } | { ok: false; errors: FieldError[] };
  /** G with the card (an id, or a checked card) injected at the next resolution. */
  inject(G: unknown, card: unknown): { ok: true; G: unknown } | { ok: false; error: string };
  /** G ended now, scored as it stands. */
  endMatch(G: unknown): unknown;
}
