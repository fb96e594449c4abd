/**
 * Sessions: a facilitator runs many tables (each an ordinary match) for a class or a workshop.
 * The HTTP routes live under /api/sessions; live updates and talk go over the `/session`
 * socket namespace. Both sides import these types; neither declares its own.
 */
import type { BotLevel } from './lobby';

/** How people fill a table's seats. */
export interface SeatPolicy {
  /** People sharing one seat: 1 (one person per seat) or a team seat of 2 or 3. */
  teamSize: 1 | 2 | 3;
  /** Students beyond the seats follow a table as observers (else the session is full). */
  observers: boolean;
  /** Level of the bots that play the seats nobody takes. */
  botLevel: BotLevel;
}

/** What a seat that has not submitted when the round timer runs out gets. */
export type DefaultOrders = 'bot' | 'hold';

/** POST /api/sessions body. */
export interface CreateSessionRequest {
  /** The scenario every table plays; may be omitted when `tableScenarios` is given. */
  scenario?: string;
  /**
   * One scenario per table (table 1 first): the number of tables is then its length, and
   * `tables`, if given too, must agree with it.
   */
  tableScenarios?: string[];
  /** Number of tables; omitted: as many as the roster needs when the tables start. */
  tables?: number;
  policy?: Partial<SeatPolicy>;
  defaults?: DefaultOrders;
  /** Round timer in seconds (10 s .. 1 day), started with each round; omitted: none. */
  roundSeconds?: number;
}

/** POST /api/sessions reply: the facilitator's token is shown once. */
export interface SessionCreated {
  sessionID: string;
  code: string;
  joinUrl: string;
  consoleUrl: string;
  facilitatorToken: string;
}

/** POST /api/sessions/join body and reply. */
export interface JoinSessionRequest {
  code: string;
  name: string;
}
export interface JoinSessionReply {
  sessionID: string;
  studentID: string;
  token: string;
}

/** Where a student sits: a seat (shared by a team, maybe) or an observer's chair at a table. */
export interface Assignment {
  table: number;
  /** The seat's playerID, or null for an observer. */
  seat: string | null;
}

/** A student as the console shows them. */
export interface RosterEntry {
  studentID: string;
  name: string;
  assignment: Assignment | null;
  /** The student's session socket is connected. */
  online: boolean;
}

/** A round timer: a deadline while it runs, the time left while the table is paused. */
export interface TimerInfo {
  seconds: number;
  /** ms since the epoch when the round ends; null while paused or stopped. */
  endsAt: number | null;
  /** ms left when paused. */
  leftMs: number | null;
}

/** One seat of a table as the console sees it. */
export interface ConsoleSeat {
  id: string;
  role: string;
  label: string;
  kind: 'person' | 'bot' | 'open';
  /** Names of the students in the seat. */
  people: string[];
  submitted: boolean;
  /** Every person in it is offline, or nobody acted for a while. */
  idle: boolean;
}

/** Public figures of a table (what every seat sees). */
export interface TableFigures {
  round: number;
  rounds: number;
  /** Public indicators, by name. */
  indicators: Record<string, number>;
  /** Seats that would win now (or won, once over). */
  leaders: string[];
  over: boolean;
  winners: string[];
}

export interface ConsoleTable {
  table: number;
  matchID: string | null;
  scenario: string;
  paused: boolean;
  seats: ConsoleSeat[];
  observers: string[];
  figures: TableFigures | null;
  timer: TimerInfo | null;
}

/** `session:console`: the whole console, sent to the facilitator on every change (throttled). */
export interface ConsoleSnapshot {
  sessionID: string;
  code: string;
  scenario: string;
  status: SessionStatus;
  policy: SeatPolicy;
  defaults: DefaultOrders;
  roundSeconds: number | null;
  roster: RosterEntry[];
  tables: ConsoleTable[];
  /** Server time when sent (ms since the epoch), to show timers against. */
  at: number;
}

export type SessionStatus = 'lobby' | 'running' | 'ended';

/**
 * Who on a seat's team wrote its draft this round: the author's name for each order (in the
 * plan's order; null when it came another way, e.g. a default) and for the chosen card.
 */
export interface TeamDraft {
  round: number;
  orders: (string | null)[];
  card: string | null;
}

/** `session:student`: what one student may know of the session. */
export interface StudentSnapshot {
  sessionID: string;
  scenario: string;
  name: string;
  status: SessionStatus;
  assignment: Assignment | null;
  /** Present once the tables have started and the student has a seat or a chair. */
  play: {
    matchID: string;
    /** The seat's playerID, or null to watch as an observer. */
    playerID: string | null;
    /** The seat's credentials (shared by a team seat); absent for an observer. */
    credentials?: string;
    label?: string;
  } | null;
  timer: TimerInfo | null;
  /** On a team seat (team size 2 or 3): the names of the people sharing it, this student too. */
  team?: string[];
  /** A seated student's own seat's draft authors (only that seat's team gets them). */
  teamDraft?: TeamDraft;
  at: number;
}

/** A facilitator's command on one table, or on every table (table omitted). */
export type ConsoleCommand =
  | { kind: 'pause' | 'resume' | 'endRound' | 'endMatch'; table?: number }
  | { kind: 'timer'; table?: number; seconds: number }
  | { kind: 'extend'; table?: number; seconds: number }
  | { kind: 'stopTimer'; table?: number }
  | { kind: 'bot'; table: number; seat: string }
  | { kind: 'assign'; studentID: string; table: number; seat: string | null }
  | { kind: 'unassign'; studentID: string }
  | { kind: 'autoAssign' }
  | { kind: 'start' };

/** POST /api/sessions/:id/inject body: a card of the deck by id, or a card written out. */
export interface InjectRequest {
  table?: number;
  card: string | Record<string, unknown>;
}

/** A refused custom card: one message per faulty field. */
export interface FieldError {
  path: string;
  message: string;
}

/** Who a message is for: the whole table, one seat of it, or every table (the facilitator). */
export type TalkScope =
  | { kind: 'table'; table: number }
  | { kind: 'seat'; table: number; seat: string }
  | { kind: 'broadcast' };

/** One message, as stored and sent (plain text: render it as text). */
export interface TalkMessage {
  id: number;
  at: number;
  /** The sender: a seat of the table, or the facilitator. */
  from: { kind: 'seat'; table: number; seat: string; name: string } | { kind: 'facilitator' };
  to: TalkScope;
  text: string;
  /**
   * The round each table it was said to was in when the server took it, by table number (a
   * table's replay file places it there); absent on talk stored before rounds were recorded.
   */
  rounds?: Record<number, number>;
}

/** Longest message, in characters. */
export const TALK_MAX_CHARS = 500;

/** Socket events of the `/session` namespace. */
export const SESSION_NAMESPACE = '/session';
export const SESSION_EVENTS = {
  /** client → server: {sessionID, token} of the facilitator or of a student. */
  watch: 'session:watch',
  /** client → server: {text, to?: {seat}} (a student) or {text, to: TalkScope} (facilitator). */
  say: 'session:say',
  /**
   * client → server: {move: 'order' | 'withdraw' | 'card', args} from a seated student: the
   * planning action submitted for the student's seat with the student as its author.
   */
  draft: 'session:draft',
  console: 'session:console',
  student: 'session:student',
  talk: 'session:talk',
  error: 'session:error',
} as const;

/** Round timer bounds (seconds). */
export const TIMER_MIN_SECONDS = 10;
export const TIMER_MAX_SECONDS = 24 * 60 * 60;
