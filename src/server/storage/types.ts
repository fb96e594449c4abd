/**
 * Our own storage contract for networked matches. Three implementations exist
 * (memory, SQLite, PostgreSQL); each passes the same contract suite in
 * tests/server/storage.contract.test.ts.
 */
import type { LogEntry, State } from 'boardgame.io';
import type {
  Assignment,
  BotLevel,
  DefaultOrders,
  SeatKind,
  SeatPolicy,
  SessionStatus,
  TalkMessage,
  TimerInfo,
  Visibility,
} from '../../protocol';

export type { BotLevel, SeatKind };

/** A salted hash of a secret token; the token itself is never stored. */
export interface SecretHash {
  salt: string;
  hash: string;
}

export interface SeatRecord {
  /** boardgame.io playerID ("0", "1", ...). */
  id: string;
  /** Scenario role, e.g. "regulator" or "facilitator". */
  role: string;
  /** Scenario seat label, e.g. "Beijing lab". */
  label: string;
  kind: SeatKind;
  botLevel?: BotLevel;
  /** Display name chosen by the person holding the seat (plain text). */
  name?: string;
  credential?: SecretHash;
}

export interface MatchMetadata {
  gameName: string;
  scenario: string;
  setupData: unknown;
  visibility: Visibility;
  joinCode: string;
  creator: SecretHash;
  paused: boolean;
  seats: SeatRecord[];
  createdAt: number;
  updatedAt: number;
  gameover?: unknown;
  /**
   * The creator chose the seed (a facilitator's rerun of a known game): every seat is told, as
   * whoever knows the seed can predict every card and roll. Otherwise the server draws it.
   */
  fixedSeed?: boolean;
  /**
   * The facilitator console's changes to the game (an inject, ending the match), each with the
   * stateID it produced: they are no seat's move, so the log does not hold them, and the
   * match's replay file needs them (src/server/lobby/replay-route.ts).
   */
  console?: ConsoleRecord[];
  /** The class session this match is a table of (sessions/tables.ts), and the table's number. */
  session?: { id: string; table: number };
}

/** One change a facilitator's console made to a match's game. */
export interface ConsoleRecord {
  /** The stateID of the state the change produced. */
  stateID: number;
  kind: 'inject' | 'end';
  /** The card injected: an id, or a written card. */
  card?: unknown;
}

export interface FetchOpts {
  state?: boolean;
  initialState?: boolean;
  metadata?: boolean;
  log?: boolean;
}

export interface FetchResult {
  state?: State;
  initialState?: State;
  metadata?: MatchMetadata;
  log?: LogEntry[];
}

export interface MoveCommit {
  /** The new state (without deltalog); its _stateID must exceed the stored one. */
  state: State;
  /** Entries appended to the match log, in order. */
  deltalog: LogEntry[];
  /** Optional metadata written in the same transaction. */
  metadata?: MatchMetadata;
}

export interface ListFilter {
  gameName?: string;
  visibility?: Visibility;
  finished?: boolean;
}

export interface IdleFilter {
  /** Finished matches (true) or unfinished ones (false). */
  finished: boolean;
  /** At most this many ids, the longest idle first. */
  limit: number;
}

export interface MatchSummary {
  matchID: string;
  metadata: MatchMetadata;
}

/** A student of a session: the token is kept only as a hash. */
export interface SessionStudent {
  id: string;
  name: string;
  token: SecretHash;
  assignment: Assignment | null;
}

/** One table of a session: an ordinary match once the tables start. */
export interface SessionTable {
  matchID: string | null;
  /**
   * Each person seat's credentials, handed to whoever the facilitator seats there (a team
   * shares them). Kept in clear, as the server must hand them out again after a reload; a new
   * occupant gets fresh ones.
   */
  seatCredentials: Record<string, string>;
  /** The round timer, and the round it runs for. */
  timer: (TimerInfo & { round: number }) | null;
}

/** A facilitator's session (src/server/sessions/): stored as one document beside the matches. */
export interface SessionRecord {
  id: string;
  /** Short code students join with (unique among sessions). */
  code: string;
  facilitator: SecretHash;
  /** The scenario every table plays (unless `tableScenarios` names one for it). */
  scenario: string;
  /** One scenario per table, by table number, if the facilitator chose them; absent: `scenario`. */
  tableScenarios?: string[];
  /** Tables asked for; null: derived from the roster when the tables start. */
  tableCount: number | null;
  policy: SeatPolicy;
  defaults: DefaultOrders;
  roundSeconds: number | null;
  status: SessionStatus;
  students: SessionStudent[];
  tables: SessionTable[];
  createdAt: number;
  updatedAt: number;
}

/** One message of a match's chat, as stored (plain text: render it as text). */
export interface ChatRecord {
  /** The server's id for it, unique within the match. */
  id: string;
  /** The round the match was in when the server took the message. */
  round: number;
  /** The sender's seat. */
  seat: string;
  text: string;
  /** When the server took it (ms since the epoch). */
  at: number;
}

/**
 * 'unavailable': the database cannot be reached now (nothing was written, or may have been).
 * 'full': a match's chat already holds as many messages as it may (nothing was written).
 */
export type StorageErrorCode =
  'exists' | 'not-found' | 'stale-state' | 'join-code-taken' | 'unavailable' | 'full';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface MatchStore {
  /** Creates a match atomically; fails with 'exists' or 'join-code-taken'. */
  createMatch(
    matchID: string,
    init: { initialState: State; metadata: MatchMetadata },
  ): Promise<void>;
  fetch(matchID: string, opts: FetchOpts): Promise<FetchResult>;
  /**
   * Atomically appends the deltalog, writes the state (only if its _stateID is
   * greater than the stored one, else 'stale-state') and optional metadata.
   * Resolves only once the write is durable.
   */
  commitMove(matchID: string, commit: MoveCommit): Promise<void>;
  setMetadata(matchID: string, metadata: MatchMetadata): Promise<void>;
  findByJoinCode(joinCode: string): Promise<string | undefined>;
  listMatches(filter?: ListFilter): Promise<MatchSummary[]>;
  /**
   * Matches whose last move (or creation, if none) was before `before` (ms since the epoch):
   * the sweeper deletes them (storage/sweeper.ts).
   */
  listIdle(before: number, filter: IdleFilter): Promise<string[]>;
  /** How many matches are stored. */
  count(): Promise<number>;
  /** Deletes a match, its state, its log and its chat. */
  wipe(matchID: string): Promise<void>;
  /** Creates or replaces a session; 'join-code-taken' if another session has its code. */
  saveSession(session: SessionRecord): Promise<void>;
  loadSession(sessionID: string): Promise<SessionRecord | undefined>;
  findSessionByCode(code: string): Promise<string | undefined>;
  /** Sessions not ended (to resume after a restart), oldest first. */
  listOpenSessions(): Promise<SessionRecord[]>;
  /**
   * Ended sessions last changed before `before` (ms since the epoch), at most `limit`, the
   * oldest first: the sweeper deletes them (storage/sweeper.ts).
   */
  listEndedSessions(before: number, limit: number): Promise<string[]>;
  /** Deletes a session: its document (roster, tables, timers) and its talk. */
  wipeSession(sessionID: string): Promise<void>;
  /** Appends a message to a session's talk (part of the record of its matches). */
  appendTalk(sessionID: string, message: TalkMessage): Promise<void>;
  /** A session's talk, oldest first. */
  listTalk(sessionID: string): Promise<TalkMessage[]>;
  /**
   * Appends a message to a match's chat, unless the chat already holds `cap` messages: then it
   * fails with 'full' and writes nothing (the oldest are kept, the newest refused). 'not-found'
   * if the match is not stored.
   */
  appendChat(matchID: string, message: ChatRecord, cap: number): Promise<void>;
  /** A match's chat, oldest first. */
  listChat(matchID: string): Promise<ChatRecord[]>;
  close(): Promise<void>;
}
