import Database from 'better-sqlite3';
import type { BetterSqlite3 } from 'better-sqlite3';
import type { LogEntry, State } from 'boardgame.io';
import { prepareSchema, SCHEMA } from './sqlite-schema';
import { WriterThread, type MetaColumns } from './writer-thread';
import type {
  FetchOpts,
  FetchResult,
  IdleFilter,
  ListFilter,
  MatchMetadata,
  MatchStore,
  MatchSummary,
  MoveCommit,
  SessionRecord,
  ChatRecord,
} from './types';
import type { TalkMessage } from '../../protocol';

interface MatchRow {
  metadata: string;
  initial_state: string;
}

const columns = (m: MatchMetadata): MetaColumns => ({
  json: JSON.stringify(m),
  gameName: m.gameName,
  visibility: m.visibility,
  joinCode: m.joinCode,
  finished: m.gameover !== undefined && m.gameover !== null ? 1 : 0,
});

/**
 * SQLite MatchStore (better-sqlite3, WAL, synchronous=FULL). Writes go to a
 * writer thread (see sqlite-writer.mjs) that checks and commits them in
 * batches, so fsync never stalls the game loop; a write resolves only once it
 * is durable. Reads use this thread's own connection and see every write that
 * has resolved.
 */
export class SqliteStore implements MatchStore {
  private readonly db: BetterSqlite3.Database;
  private readonly writer: WriterThread;
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown>>();

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    prepareSchema(this.db);
    this.writer = new WriterThread(filename, SCHEMA);
  }

  /** Prepared statements are compiled once and reused. */
  private sql<Row>(text: string): BetterSqlite3.Statement<Row> {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st as BetterSqlite3.Statement<Row>;
  }

  createMatch(
    matchID: string,
    init: { initialState: State; metadata: MatchMetadata },
  ): Promise<void> {
    return this.writer.write({
      kind: 'create',
      matchID,
      createdAt: init.metadata.createdAt,
      state: JSON.stringify(init.initialState),
      stateID: init.initialState._stateID,
      meta: columns(init.metadata),
    });
  }

  async fetch(matchID: string, opts: FetchOpts): Promise<FetchResult> {
    const row = this.sql<MatchRow>('SELECT metadata, initial_state FROM matches WHERE id = ?').get(
      matchID,
    );
    if (!row) return {};
    const out: FetchResult = {};
    if (opts.state) {
      const live = this.sql<{ state: string }>(
        'SELECT state FROM match_state WHERE match_id = ?',
      ).get(matchID);
      if (live) out.state = JSON.parse(live.state) as State;
    }
    if (opts.initialState) out.initialState = JSON.parse(row.initial_state) as State;
    if (opts.metadata) out.metadata = JSON.parse(row.metadata) as MatchMetadata;
    if (opts.log) {
      const rows = this.sql<{ entry: string }>(
        'SELECT entry FROM match_log WHERE match_id = ? ORDER BY seq',
      ).all(matchID);
      out.log = rows.map((r) => JSON.parse(r.entry) as LogEntry);
    }
    return out;
  }

  commitMove(matchID: string, commit: MoveCommit): Promise<void> {
    return this.writer.write({
      kind: 'commit',
      matchID,
      at: Date.now(),
      state: JSON.stringify(commit.state),
      stateID: commit.state._stateID,
      entries: commit.deltalog.map((e) => JSON.stringify(e)),
      ...(commit.metadata ? { meta: columns(commit.metadata) } : {}),
    });
  }

  setMetadata(matchID: string, metadata: MatchMetadata): Promise<void> {
    return this.writer.write({ kind: 'setMeta', matchID, meta: columns(metadata) });
  }

  async findByJoinCode(joinCode: string): Promise<string | undefined> {
    return this.sql<{ id: string }>('SELECT id FROM matches WHERE join_code = ?').get(joinCode)?.id;
  }

  async listMatches(filter: ListFilter = {}): Promise<MatchSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      where.push(clause);
      params.push(value);
    };
    if (filter.gameName !== undefined) add('game_name = ?', filter.gameName);
    if (filter.visibility !== undefined) add('visibility = ?', filter.visibility);
    if (filter.finished !== undefined) add('finished = ?', filter.finished ? 1 : 0);
    const sql = `SELECT id, metadata FROM matches ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`;
    return this.sql<{ id: string; metadata: string }>(sql)
      .all(...params)
      .map((r) => ({ matchID: r.id, metadata: JSON.parse(r.metadata) as MatchMetadata }));
  }

  async listIdle(before: number, filter: IdleFilter): Promise<string[]> {
    return this.sql<{ id: string }>(
      `SELECT m.id FROM match_state s JOIN matches m ON m.id = s.match_id
       WHERE s.updated_at < ? AND m.finished = ? ORDER BY s.updated_at LIMIT ?`,
    )
      .all(before, filter.finished ? 1 : 0, filter.limit)
      .map((r) => r.id);
  }

  async count(): Promise<number> {
    return this.sql<{ n: number }>('SELECT COUNT(*) AS n FROM matches').get()?.n ?? 0;
  }

  wipe(matchID: string): Promise<void> {
    return this.writer.write({ kind: 'wipe', matchID });
  }

  saveSession(session: SessionRecord): Promise<void> {
    return this.writer.write({
      kind: 'saveSession',
      id: session.id,
      code: session.code,
      ended: session.status === 'ended' ? 1 : 0,
      createdAt: session.createdAt,
      doc: JSON.stringify(session),
    });
  }

  async loadSession(sessionID: string): Promise<SessionRecord | undefined> {
    const row = this.sql<{ doc: string }>('SELECT doc FROM sessions WHERE id = ?').get(sessionID);
    return row ? (JSON.parse(row.doc) as SessionRecord) : undefined;
  }

  async findSessionByCode(code: string): Promise<string | undefined> {
    return this.sql<{ id: string }>('SELECT id FROM sessions WHERE code = ?').get(code)?.id;
  }

  async listOpenSessions(): Promise<SessionRecord[]> {
    return this.sql<{ doc: string }>(
      'SELECT doc FROM sessions WHERE ended = 0 ORDER BY created_at, id',
    )
      .all()
      .map((r) => JSON.parse(r.doc) as SessionRecord);
  }

  async listEndedSessions(before: number, limit: number): Promise<string[]> {
    return this.sql<{ id: string }>(
      `SELECT id FROM sessions WHERE ended = 1 AND json_extract(doc, '$.updatedAt') < ?
       ORDER BY json_extract(doc, '$.updatedAt'), id LIMIT ?`,
    )
      .all(before, limit)
      .map((r) => r.id);
  }

  wipeSession(sessionID: string): Promise<void> {
    return this.writer.write({ kind: 'wipeSession', sessionID });
  }

  appendTalk(sessionID: string, message: TalkMessage): Promise<void> {
    return this.writer.write({ kind: 'appendTalk', sessionID, entry: JSON.stringify(message) });
  }

  async listTalk(sessionID: string): Promise<TalkMessage[]> {
    return this.sql<{ entry: string }>(
      'SELECT entry FROM session_talk WHERE session_id = ? ORDER BY seq',
    )
      .all(sessionID)
      .map((r) => JSON.parse(r.entry) as TalkMessage);
  }

  appendChat(matchID: string, message: ChatRecord, cap: number): Promise<void> {
    return this.writer.write({ kind: 'appendChat', matchID, entry: JSON.stringify(message), cap });
  }

  async listChat(matchID: string): Promise<ChatRecord[]> {
    return this.sql<{ entry: string }>(
      'SELECT entry FROM match_chat WHERE match_id = ? ORDER BY seq',
    )
      .all(matchID)
      .map((r) => JSON.parse(r.entry) as ChatRecord);
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
