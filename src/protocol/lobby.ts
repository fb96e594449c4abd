/**
 * The lobby's HTTP contract (`/api/...`): what the server's lobby sends and what the
 * browser's lobby client reads. Both sides import these types; neither declares its own.
 */
import { BOT_LEVELS, type BotLevel } from '../../game/bots/types';

export { BOT_LEVELS, type BotLevel };

/** Is `v` one of the engine's bot levels? */
export const isBotLevel = (v: unknown): v is BotLevel =>
  (BOT_LEVELS as readonly unknown[]).includes(v);

export type SeatKind = 'open' | 'person' | 'bot';
export type Visibility = 'public' | 'private';

/** A seat as anyone may see it: no credentials. */
export interface SeatInfo {
  /** boardgame.io playerID ("0", "1", ...). */
  id: string;
  /** Scenario role, e.g. "regulator" or "facilitator". */
  role: string;
  /** Scenario seat label, e.g. "Beijing lab". */
  label: string;
  kind: SeatKind;
  /** Display name chosen by the person holding the seat: plain text, render it as text. */
  name?: string;
  botLevel?: BotLevel;
}

/** GET /api/matches/:id, GET /api/codes/:code, the list, and every seat write's reply. */
export interface MatchInfo {
  matchID: string;
  scenario: string;
  visibility: Visibility;
  /** Public matches always; private ones only to whoever already holds the code. */
  joinCode?: string;
  paused: boolean;
  gameover: unknown;
  /**
   * The creator chose the seed (a rerun): whoever knows it can predict every card and roll.
   * The server always sends it; show it to every seat.
   */
  fixedSeed?: boolean;
  createdAt: number;
  seats: SeatInfo[];
}

/** POST /api/matches reply: the match, its links and the creator's token (shown once). */
export interface Created extends MatchInfo {
  joinCode: string;
  joinUrl: string;
  spectateUrl: string;
  creatorToken: string;
}

/** One entry of POST /api/matches `seats`: a person's seat (left open) or a bot. */
export type SeatSpec = { kind: 'person' } | { kind: 'bot'; level?: BotLevel };

/** POST /api/matches body. */
export interface CreateRequest {
  scenario: string;
  seats?: SeatSpec[];
  visibility?: Visibility;
  /** Only with fixedSeed: true (a rerun, shown to every seat); otherwise the server draws it. */
  seed?: string;
  fixedSeed?: boolean;
}

/** POST /api/matches/:id/join reply. */
export interface JoinReply {
  matchID: string;
  playerID: string;
  credentials: string;
}

export interface ScenarioSeat {
  id: string;
  role: string;
  name: string;
}

/** GET /api/scenarios entries. */
export interface ScenarioInfo {
  id: string;
  name: string;
  seats: ScenarioSeat[];
}

/** The body of every lobby error reply (4xx, 5xx). */
export interface ErrorBody {
  error: string;
}

/** Request headers that identify a caller: the creator's token, or a seat's credentials. */
export const AUTH_HEADERS = {
  creator: 'authorization',
  seat: 'x-seat',
  credentials: 'x-credentials',
} as const;
