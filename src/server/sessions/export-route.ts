import type { ConsoleSeat, SessionStatus, TalkMessage } from '../../protocol';
import { HttpError, wantsMessages } from '../lobby/http';
import type { SessionManager } from './manager';

/** The format tag of a session's export, and its version. */
export const SESSION_EXPORT_FORMAT = 'chokepoint-session';
export const SESSION_EXPORT_VERSION = 1;

/** One table of a session's export: who sat where, and everything that happened there. */
export interface ExportedTable {
  table: number;
  matchID: string;
  seats: Pick<ConsoleSeat, 'id' | 'role' | 'label' | 'kind' | 'people'>[];
  /**
   * The table's game as its facilitator sees it (every secret but the match's own generator):
   * the game's own data, read by the class view (src/app/debrief/class.ts), not by the server.
   */
  view: unknown;
  /** With `?messages=1`: the table's talk (its chat, messages between its seats, broadcasts), oldest first. */
  messages?: TalkMessage[];
}

export interface SessionExport {
  format: typeof SESSION_EXPORT_FORMAT;
  formatVersion: number;
  sessionID: string;
  code: string;
  scenario: string;
  status: SessionStatus;
  exportedAt: string;
  tables: ExportedTable[];
}

/**
 * GET /api/sessions/ID/export[?messages=1] (the facilitator's token only, checked by the caller): every
 * table of the session, each with its seats and its game as the console's table view shows it,
 * for the class view of the debrief and as the session's JSON export. Tables not started yet
 * are left out. With `messages`, each table carries its talk too (the table chose to keep it
 * by being in a session whose facilitator reads it all).
 */
export async function sessionExport(
  sessions: SessionManager,
  sessionID: string,
  /** The request's address: its query may ask for the messages. */
  url?: string,
  now: () => Date = () => new Date(),
): Promise<SessionExport> {
  const messages = wantsMessages(url);
  const snapshot = await sessions.consoleSnapshot(sessionID);
  const talk = messages ? await sessions.talk(sessionID) : [];
  const ofTable = (m: TalkMessage, table: number): boolean =>
    m.to.kind === 'broadcast' || m.to.table === table;
  const tables: ExportedTable[] = [];
  for (const t of snapshot.tables) {
    if (!t.matchID) continue;
    tables.push({
      table: t.table,
      matchID: t.matchID,
      seats: t.seats.map(({ id, role, label, kind, people }) => ({
        id,
        role,
        label,
        kind,
        people,
      })),
      view: await sessions.tableView(sessionID, t.table),
      ...(messages ? { messages: talk.filter((m) => ofTable(m, t.table)) } : {}),
    });
  }
  if (snapshot.status === 'lobby' && tables.length === 0)
    throw new HttpError(409, 'the tables of this session have not started yet');
  return {
    format: SESSION_EXPORT_FORMAT,
    formatVersion: SESSION_EXPORT_VERSION,
    sessionID: snapshot.sessionID,
    code: snapshot.code,
    scenario: snapshot.scenario,
    status: snapshot.status,
    exportedAt: now().toISOString(),
    tables,
  };
}
