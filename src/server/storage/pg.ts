import pg from 'pg';
import type { LogEntry, State } from 'boardgame.io';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-schema';
import {
  StorageError,
  type FetchOpts,
  type FetchResult,
  type IdleFilter,
  type ListFilter,
  type MatchMetadata,
  type MatchStore,
  type MatchSummary,
  type MoveCommit,
  type SessionRecord,
  type ChatRecord,
} from './types';
import type { TalkMessage } from '../../protocol';

export interface PgStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** A schema of its own (created if missing); default: the connection's search_path. */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Errors that mean "the database cannot be reached now", not "this request is wrong". */
function unreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^(08|57P0)/.test(code)) return true; // connection exception, admin/crash shutdown
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
      return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connect ECONNREFUSED/i.test(
    e.message,
  );
}

/** A row of `matches`, as the metadata columns are written. */
const metaColumns = (m: MatchMetadata) => [
  JSON.stringify(m),
  m.gameName,
  m.visibility,
  m.joinCode,
  m.gameover !== undefined && m.gameover !== null,
];

/** At most this many moves (of as many matches) go in one statement. */
const MOVE_BATCH = 32;
/** A move not yet sent to the database this long after it was handed over is refused. */
const MOVE_WAIT_MS = 3_000;

interface PendingMove {
  matchID: string;
  commit: MoveCommit;
  /** When it was handed over (ms since the epoch). */
  since: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** A batch's answer for its move `k`: the log length before it, or the stateID stored. */
interface MoveRow {
  k: number;
  base: number | null;
  stored: number | null;
}

/** The statement writing `n` moves (see PgStore.runMoves); $1 is the time of the write. */
function movesSql(n: number): string {
  const rows = Array.from({ length: n }, (_, k) => {
    const p = (j: number) => `$${2 + k * 10 + j}`;
    return `(${p(0)}::int, ${p(1)}::text, ${p(2)}::text, ${p(3)}::int, ${p(4)}::text[], ${p(5)}::text, ${p(6)}::text, ${p(7)}::text, ${p(8)}::text, ${p(9)}::boolean)`;
  });
  return `WITH mv (k, match_id, state, state_id, entries, metadata, game_name, visibility, join_code, finished) AS (
       VALUES ${rows.join(', ')}),
     s AS (
       UPDATE match_state SET state = mv.state, state_id = mv.state_id, updated_at = $1,
              log_length = log_length + cardinality(mv.entries)
       FROM mv WHERE match_state.match_id = mv.match_id AND match_state.state_id < mv.state_id
       RETURNING mv.k, log_length - cardinality(mv.entries) AS base),
     l AS (
       INSERT INTO match_log (match_id, seq, entry)
       SELECT mv.match_id, s.base + t.ord - 1, t.entry
       FROM mv JOIN s ON s.k = mv.k, unnest(mv.entries) WITH ORDINALITY AS t(entry, ord)),
     m AS (
       UPDATE matches SET metadata = mv.metadata, game_name = mv.game_name,
              visibility = mv.visibility, join_code = mv.join_code, finished = mv.finished
       FROM mv JOIN s ON s.k = mv.k WHERE matches.id = mv.match_id AND mv.metadata IS NOT NULL)
     SELECT mv.k, s.base, stored.state_id AS stored
     FROM mv LEFT JOIN s ON s.k = mv.k LEFT JOIN match_state stored ON stored.match_id = mv.match_id`;
}

/**
 * PostgreSQL MatchStore (`DATABASE_URL=postgres://…`). The same three tables as SQLite: a
 * match's rarely-changing row, its live state, and its append-only log. Each write is one SQL
 * statement (data-modifying CTEs), so it is atomic without an explicit transaction and costs one
 * round trip; PostgreSQL's synchronous commit makes it durable before the promise resolves.
 * A move's state is written only if its stateID exceeds the stored one, which is also what
 * keeps several server processes from applying two moves on the same state (compare-and-set).
 *
 * Moves are written one batch at a time: the moves of different matches that arrive while a
 * batch is being written go together in the next statement, each with its own compare-and-set
 * and its own answer, and each promise resolves only once that statement has committed. A
 * match has at most one write under way (`inOrder`), so its moves stay in order. One writer
 * per process, rather than a move per pooled connection, took a quarter to two fifths off
 * PostgreSQL's CPU per move under load (fewer backends contending, fewer commits to flush).
 *
 * When the database cannot be reached, every call fails with StorageError 'unavailable' (the
 * pool reconnects by itself when it is back).
 */
export class PgStore implements MatchStore {
  readonly pool: pg.Pool;
  /** Migrations done (or refused); every call waits for it. */
  readonly ready: Promise<void>;
  private readonly schema: string | undefined;
  /** Per match, the last write issued: writes to one match reach the database in call order. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Moves waiting for the next batch (commitMove). */
  private moves: PendingMove[] = [];
  /** A batch of moves is being written: the next waits for it. */
  private writingMoves = false;
  private flushScheduled = false;
  /** Called once no move is waiting or being written (close). */
  private readonly drained: (() => void)[] = [];

  constructor(opts: PgStoreOptions) {
    if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema))
      throw new Error(`bad schema name ${JSON.stringify(opts.schema)}: use [a-z0-9_]`);
    this.schema = opts.schema;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // Well inside a cluster lease (cluster/cluster.ts): a write either ends or fails first.
      connectionTimeoutMillis: 3_000,
      query_timeout: 4_000,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle connection the server dropped (restart): the pool replaces it; nothing to do.
    this.pool.on('error', () => undefined);
    this.ready = this.migrate();
    this.ready.catch(() => undefined);
  }

  /** Opens the store and waits for its migrations (rejects if the schema is newer). */
  static async open(opts: PgStoreOptions): Promise<PgStore> {
    const store = new PgStore(opts);
    try {
      await store.ready;
    } catch (e) {
      await store.pool.end().catch(() => undefined);
      throw e;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (this.schema) {
        // Two servers creating the same schema at once would race; the lock orders them.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `chokepoint-schema:${this.schema}`,
        ]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      }
      await client.query(
        "SELECT pg_advisory_xact_lock(hashtext('chokepoint-migrate:' || current_schema()))",
      );
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_version',
      );
      const version = rows[0]?.version ?? 0;
      if (version > PG_SCHEMA_VERSION) {
        throw new Error(
          `database schema ${version} is newer than this server (${PG_SCHEMA_VERSION}): ` +
            'upgrade the server, or point DATABASE_URL at another database',
        );
      }
      for (const m of PG_MIGRATIONS) if (m.version > version) await client.query(m.sql);
      if (rows.length === 0)
        await client.query('INSERT INTO schema_version VALUES ($1)', [PG_SCHEMA_VERSION]);
      else await client.query('UPDATE schema_version SET version = $1', [PG_SCHEMA_VERSION]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * One query, after the migrations; unreachable-database errors become 'unavailable'. A query
   * given a `name` is a prepared statement: each connection parses and plans it once and then
   * only binds values to it (a move's statement spent a quarter of PostgreSQL's CPU being
   * parsed and planned again each time). A name stands for one text only.
   */
  private async q<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
    name?: string,
  ): Promise<pg.QueryResult<R>> {
    try {
      await this.ready;
      if (name !== undefined) return await this.pool.query<R>({ name, text, values });
      return await this.pool.query<R>(text, values);
    } catch (e) {
      if (e instanceof StorageError) throw e;
      if (unreachable(e))
        throw new StorageError('unavailable', `database unavailable: ${(e as Error).message}`);
      const err = e as { code?: string; constraint?: string };
      if (err.code === '23505' && err.constraint === 'matches_join_code_key')
        throw new StorageError('join-code-taken', 'join code taken');
      if (err.code === '23505' && err.constraint === 'matches_pkey')
        throw new StorageError('exists', 'match exists');
      if (err.code === '23505' && err.constraint === 'sessions_code_key')
        throw new StorageError('join-code-taken', 'session code taken');
      if (err.code === '23503' && err.constraint === 'session_talk_session_id_fkey')
        throw new StorageError('not-found', 'session not found');
      if (err.code === '23503' && err.constraint === 'match_chat_match_id_fkey')
        throw new StorageError('not-found', 'match not found');
      throw e;
    }
  }

  /** Runs `write` after every earlier write to the same match has settled. */
  private inOrder<T>(matchID: string, write: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(matchID) ?? Promise.resolve()).then(write, write);
    const tail = next.catch(() => undefined);
    this.tails.set(matchID, tail);
    void tail.then(() => {
      if (this.tails.get(matchID) === tail) this.tails.delete(matchID);
    });
    return next;
  }

  async createMatch(
    matchID: string,
    init: { initialState: State; metadata: MatchMetadata },
  ): Promise<void> {
    const { metadata, initialState } = init;
    const json = JSON.stringify(initialState);
    await this.q(
      `WITH m AS (
         INSERT INTO matches (id, metadata, game_name, visibility, join_code, finished, created_at, initial_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
       INSERT INTO match_state (match_id, state_id, state, updated_at)
       SELECT id, $9, $8, $7 FROM m`,
      [matchID, ...metaColumns(metadata), metadata.createdAt, json, initialState._stateID],
      'create-match',
    );
  }

  async fetch(matchID: string, opts: FetchOpts): Promise<FetchResult> {
    const cols = ['m.id'];
    if (opts.metadata) cols.push('m.metadata');
    if (opts.initialState) cols.push('m.initial_state');
    if (opts.state) cols.push('s.state');
    const { rows } = await this.q<{ metadata?: string; initial_state?: string; state?: string }>(
      `SELECT ${cols.join(', ')} FROM matches m JOIN match_state s ON s.match_id = m.id WHERE m.id = $1`,
      [matchID],
      `fetch:${cols.join(',')}`,
    );
    const row = rows[0];
    if (!row) return {};
    const out: FetchResult = {};
    if (row.state !== undefined) out.state = JSON.parse(row.state) as State;
    if (row.initial_state !== undefined) out.initialState = JSON.parse(row.initial_state) as State;
    if (row.metadata !== undefined) out.metadata = JSON.parse(row.metadata) as MatchMetadata;
    if (opts.log) {
      const log = await this.q<{ entry: string }>(
        'SELECT entry FROM match_log WHERE match_id = $1 ORDER BY seq',
        [matchID],
        'fetch-log',
      );
      out.log = log.rows.map((r) => JSON.parse(r.entry) as LogEntry);
    }
    return out;
  }

  commitMove(matchID: string, commit: MoveCommit): Promise<void> {
    return this.inOrder(
      matchID,
      () =>
        new Promise<void>((resolve, reject) => {
          this.moves.push({ matchID, commit, resolve, reject, since: Date.now() });
          if (!this.writingMoves && !this.flushScheduled) {
            this.flushScheduled = true;
            // After this turn of the event loop: moves decided in the same turn go together.
            setImmediate(() => {
              this.flushScheduled = false;
              this.writeMoves();
            });
          }
        }),
    );
  }

  /**
   * Writes the waiting moves, at most MOVE_BATCH of them (one per match: a match's next move
   * waits for its last in `inOrder`), in one statement, then the ones that came meanwhile.
   */
  private writeMoves(): void {
    if (this.writingMoves) return;
    const batch: PendingMove[] = [];
    const rest: PendingMove[] = [];
    const taken = new Set<string>();
    const late = Date.now() - MOVE_WAIT_MS;
    for (const m of this.moves) {
      // Not written at all rather than late: a move is written well inside its lease
      // (cluster/cluster.ts), as a pooled connection's wait and query are bounded.
      if (m.since < late)
        m.reject(new StorageError('unavailable', 'database busy: the move waited too long'));
      else if (batch.length < MOVE_BATCH && !taken.has(m.matchID)) {
        batch.push(m);
        taken.add(m.matchID);
      } else rest.push(m);
    }
    this.moves = rest;
    if (batch.length === 0) {
      for (const fn of this.drained.splice(0)) fn();
      return;
    }
    this.writingMoves = true;
    void this.commitBatch(batch).finally(() => {
      this.writingMoves = false;
      this.writeMoves();
    });
  }

  /** Settles each move of `batch`: written, or refused on its own. */
  private async commitBatch(batch: PendingMove[]): Promise<void> {
    let rows: MoveRow[];
    try {
      rows = await this.runMoves(batch);
    } catch (e) {
      // The database is unreachable: none was written (or none is known to be). Any other
      // error: each move again alone, so that one move's error is not the others'.
      if (batch.length === 1 || (e instanceof StorageError && e.code === 'unavailable')) {
        for (const m of batch) m.reject(e);
        return;
      }
      await Promise.all(batch.map((m) => this.commitBatch([m])));
      return;
    }
    for (const [i, m] of batch.entries()) {
      const row = rows.find((r) => r.k === i);
      if (row?.base !== null && row?.base !== undefined) m.resolve();
      else if (row?.stored === null || row?.stored === undefined)
        m.reject(new StorageError('not-found', `match ${m.matchID} not found`));
      else
        m.reject(
          new StorageError('stale-state', `stateID ${m.commit.state._stateID} <= ${row.stored}`),
        );
    }
  }

  /**
   * One statement for the whole batch, so atomic without an explicit transaction and durable
   * (synchronous commit) when it returns: for each match, move the state forward only if its
   * stateID grows, append the log after the entries already there, and write the metadata, or
   * change nothing for that match. Each row says whether its match moved (`base`) and, if not,
   * the stateID stored (none: no such match).
   */
  private async runMoves(batch: PendingMove[]): Promise<MoveRow[]> {
    const values: unknown[] = [Date.now()];
    for (const [i, { matchID, commit }] of batch.entries()) {
      const { state, deltalog, metadata } = commit;
      values.push(
        i,
        matchID,
        JSON.stringify(state),
        state._stateID,
        deltalog.map((e) => JSON.stringify(e)),
        ...(metadata ? metaColumns(metadata) : [null, null, null, null, null]),
      );
    }
    const { rows } = await this.q<MoveRow>(
      movesSql(batch.length),
      values,
      `commit-moves-${batch.length}`,
    );
    return rows;
  }

  setMetadata(matchID: string, metadata: MatchMetadata): Promise<void> {
    return this.inOrder(matchID, () => this.setMetadataNow(matchID, metadata));
  }

  private async setMetadataNow(matchID: string, metadata: MatchMetadata): Promise<void> {
    const { rowCount } = await this.q(
      `UPDATE matches SET metadata = $2, game_name = $3, visibility = $4, join_code = $5,
              finished = $6 WHERE id = $1`,
      [matchID, ...metaColumns(metadata)],
      'set-metadata',
    );
    if (rowCount === 0) throw new StorageError('not-found', `match ${matchID} not found`);
  }

  async findByJoinCode(joinCode: string): Promise<string | undefined> {
    const { rows } = await this.q<{ id: string }>('SELECT id FROM matches WHERE join_code = $1', [
      joinCode,
    ]);
    return rows[0]?.id;
  }

  async listMatches(filter: ListFilter = {}): Promise<MatchSummary[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (column: string, value: unknown): void => {
      values.push(value);
      where.push(`${column} = $${values.length}`);
    };
    if (filter.gameName !== undefined) add('game_name', filter.gameName);
    if (filter.visibility !== undefined) add('visibility', filter.visibility);
    if (filter.finished !== undefined) add('finished', filter.finished);
    const { rows } = await this.q<{ id: string; metadata: string }>(
      `SELECT id, metadata FROM matches ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY created_at, id COLLATE "C"`,
      values,
    );
    return rows.map((r) => ({ matchID: r.id, metadata: JSON.parse(r.metadata) as MatchMetadata }));
  }

  async listIdle(before: number, filter: IdleFilter): Promise<string[]> {
    const { rows } = await this.q<{ id: string }>(
      `SELECT m.id FROM match_state s JOIN matches m ON m.id = s.match_id
       WHERE s.updated_at < $1 AND m.finished = $2 ORDER BY s.updated_at, m.id LIMIT $3`,
      [before, filter.finished, filter.limit],
    );
    return rows.map((r) => r.id);
  }

  async count(): Promise<number> {
    const { rows } = await this.q<{ n: string }>('SELECT COUNT(*) AS n FROM matches');
    return Number(rows[0]?.n ?? 0);
  }

  async wipe(matchID: string): Promise<void> {
    await this.inOrder(matchID, () => this.q('DELETE FROM matches WHERE id = $1', [matchID]));
  }

  async saveSession(session: SessionRecord): Promise<void> {
    await this.inOrder(`session:${session.id}`, () =>
      this.q(
        `INSERT INTO sessions (id, code, ended, created_at, doc) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET code = $2, ended = $3, doc = $5`,
        [
          session.id,
          session.code,
          session.status === 'ended',
          session.createdAt,
          JSON.stringify(session),
        ],
      ),
    );
  }

  async loadSession(sessionID: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.q<{ doc: string }>('SELECT doc FROM sessions WHERE id = $1', [
      sessionID,
    ]);
    return rows[0] ? (JSON.parse(rows[0].doc) as SessionRecord) : undefined;
  }

  async findSessionByCode(code: string): Promise<string | undefined> {
    const { rows } = await this.q<{ id: string }>('SELECT id FROM sessions WHERE code = $1', [
      code,
    ]);
    return rows[0]?.id;
  }

  async listOpenSessions(): Promise<SessionRecord[]> {
    const { rows } = await this.q<{ doc: string }>(
      'SELECT doc FROM sessions WHERE NOT ended ORDER BY created_at, id COLLATE "C"',
    );
    return rows.map((r) => JSON.parse(r.doc) as SessionRecord);
  }

  async listEndedSessions(before: number, limit: number): Promise<string[]> {
    const { rows } = await this.q<{ id: string }>(
      `SELECT id FROM sessions WHERE ended AND (doc::jsonb ->> 'updatedAt')::bigint < $1
       ORDER BY (doc::jsonb ->> 'updatedAt')::bigint, id COLLATE "C" LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  async wipeSession(sessionID: string): Promise<void> {
    // Its talk goes with it (ON DELETE CASCADE).
    await this.inOrder(`session:${sessionID}`, () =>
      this.q('DELETE FROM sessions WHERE id = $1', [sessionID]),
    );
  }

  async appendTalk(sessionID: string, message: TalkMessage): Promise<void> {
    // One statement: the next seq of this session's talk, so appends from two processes
    // cannot take the same one (the primary key refuses the loser, which retries).
    for (let attempt = 0; ; attempt++) {
      try {
        await this.inOrder(`session:${sessionID}`, () =>
          this.q(
            `INSERT INTO session_talk (session_id, seq, entry)
             SELECT $1, COALESCE(MAX(seq) + 1, 0), $2 FROM session_talk WHERE session_id = $1`,
            [sessionID, JSON.stringify(message)],
          ),
        );
        return;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== '23505' || attempt >= 5) throw e;
      }
    }
  }

  async listTalk(sessionID: string): Promise<TalkMessage[]> {
    const { rows } = await this.q<{ entry: string }>(
      'SELECT entry FROM session_talk WHERE session_id = $1 ORDER BY seq',
      [sessionID],
    );
    return rows.map((r) => JSON.parse(r.entry) as TalkMessage);
  }

  async appendChat(matchID: string, message: ChatRecord, cap: number): Promise<void> {
    // One statement: the next seq, written only while the chat has room. Two processes taking
    // the same seq: the primary key refuses the loser, which counts again and retries.
    for (let attempt = 0; ; attempt++) {
      try {
        const { rowCount } = await this.inOrder(`chat:${matchID}`, () =>
          this.q(
            `INSERT INTO match_chat (match_id, seq, entry)
             SELECT $1, COALESCE(MAX(seq) + 1, 0), $2 FROM match_chat WHERE match_id = $1
             HAVING COUNT(*) < $3`,
            [matchID, JSON.stringify(message), cap],
          ),
        );
        if (rowCount === 0) throw new StorageError('full', `the chat of ${matchID} is full`);
        return;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== '23505' || attempt >= 5) throw e;
      }
    }
  }

  async listChat(matchID: string): Promise<ChatRecord[]> {
    const { rows } = await this.q<{ entry: string }>(
      'SELECT entry FROM match_chat WHERE match_id = $1 ORDER BY seq',
      [matchID],
      'list-chat',
    );
    return rows.map((r) => JSON.parse(r.entry) as ChatRecord);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    // Moves already handed over are written (or refused) first.
    if (this.writingMoves || this.moves.length > 0 || this.flushScheduled)
      await new Promise<void>((ok) => this.drained.push(ok));
    await this.pool.end();
  }
}
