/**
 * The game socket's contract beside boardgame.io's own client protocol: the event names
 * each side sends, and the shapes of our two extra server events.
 */
import type { BotLevel, SeatKind } from './lobby';

/** Events a client may send (boardgame.io's); anything else is refused as unknown. */
export const CLIENT_EVENTS = ['sync', 'update', 'chat'] as const;
export type ClientEvent = (typeof CLIENT_EVENTS)[number];

/** Events the server sends: boardgame.io's, plus our status and error events. */
export const SERVER_EVENTS = {
  sync: 'sync',
  update: 'update',
  patch: 'patch',
  matchData: 'matchData',
  chat: 'chat',
  status: 'chokepoint:status',
  error: 'chokepoint:error',
} as const;

export const STATUS_EVENT = SERVER_EVENTS.status;
export const ERROR_EVENT = SERVER_EVENTS.error;

/** `chokepoint:status`: sent to every watcher when a match pauses, resumes, ends or its seats change. */
export interface StatusFrame {
  matchID: string;
  paused: boolean;
  gameover: unknown;
  /** The creator chose the seed (a rerun): whoever knows it can predict every card and roll. */
  fixedSeed: boolean;
}

/** `chokepoint:error`: a refused frame. `event` is the refused client event ("sync", "update"...). */
export interface ErrorFrame {
  event: string;
  error: string;
}

/**
 * Is this refusal a limit (frame rate, sync budget, spectator room) rather than a verdict on the
 * seat? A client should wait and try again, not give its seat up.
 */
export const isThrottled = (error: string): boolean =>
  error === 'rate limited' || error.startsWith('too many');

/**
 * A `chat` frame's message: what boardgame.io's client keeps in `chatMessages` (`id`, `sender`,
 * `payload`), plus the round the match was in when the server took it.
 */
export interface ChatFrame {
  /** The server's id for the message, unique within the match. */
  id: string;
  /** The sender's seat. */
  sender: string;
  /** The text, plain and cleaned by the server (1 to TALK_MAX_CHARS characters). */
  payload: string;
  round: number;
}

/** The ack a client's callback receives, if it passed one. */
export type AckReply = { ok: true; stateID?: number } | { ok: false; error: string };

/** Handshake query that asks for boardgame.io `patch` frames instead of whole states. */
export const PATCHES_QUERY = { patches: '1' } as const;

/**
 * Handshake query naming the match a game socket is for. It is a routing hint only: a load
 * balancer sends every socket of a match to one process (deploy/nginx.conf hashes on it). The
 * server never reads it; the `sync` frame, with the seat's credentials, decides what a socket
 * gets, so a wrong or forged hint costs only a hop between processes.
 */
export const matchHintQuery = (matchID: string) => ({ matchID }) as const;

/** `data` of each boardgame.io matchData entry as our server fills it. */
export interface MatchDataSeatData {
  kind: SeatKind;
  role: string;
  label: string;
  botLevel?: BotLevel;
}
