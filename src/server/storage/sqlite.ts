import Database from 'better-sqlite3';
import type { BetterSqlite3 } from 'better-sqlite3';
import type { LogEntry, State } from 'boardgame.io';
import { SCHEMA } from './sqlite-schema';
import { GroupCommit } from './group-commit';
import {
  StorageError,
  type FetchOpts,
  type FetchResult,
  type ListFilter,
  type MatchMetadata,
  type MatchStore,
  type MatchSummary,
  type MoveCommit,
} from './types';

interface MatchRow {
  metadata: string;
  state: string;
  initial_state: string;
  state_id: number;
}

const finished = (m: MatchMetadata): number => (m.gameover !== undefined && m.gameover !== null ? 1 : 0);

/**
 * SQLite MatchStore (better-sqlite3, WAL, synchronous=FULL). Writes from the
 * same event-loop turn are committed in one transaction (group commit), each
 * inside its own savepoint so one failing write does not sink the others; a
 * write's promise resolves only after its transaction has committed.
 */
export class SqliteStore implements MatchStore {
  private readonly db: BetterSqlite3.Database;
  private readonly writes: GroupCommit;
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown>>();

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.writes = new GroupCommit((batch) => this.db.transaction(batch)());
  }

  /** Prepared statements are compiled once and reused. */
  private sql<Row>(text: string): BetterSqlite3.Statement<Row> {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st as BetterSqlite3.Statement<Row>;
  }

  createMatch(matchID: string, init: { initialState: State; metadata: MatchMetadata }): Promise<void> {
    return this.writes.run(() => {
      const m = init.metadata;
      if (this.sql('SELECT 1 FROM matches WHERE id = ?').get(matchID)) {
        throw new StorageError('exists', `match ${matchID} exists`);
      }
      if (this.sql('SELECT 1 FROM matches WHERE join_code = ?').get(m.joinCode)) {
        throw new StorageError('join-code-taken', 'join code taken');
      }
      const state = JSON.stringify(init.initialState);
      this.sql(
          `INSERT INTO matches (id, game_name, visibility, join_code, finished, created_at, metadata, state, state_id, initial_state)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(matchID, m.gameName, m.visibility, m.joinCode, finished(m), m.createdAt, JSON.stringify(m), state,
          init.initialState._stateID, state);
    });
  }

  async fetch(matchID: string, opts: FetchOpts): Promise<FetchResult> {
    const row = this.sql<MatchRow>('SELECT metadata, state, initial_state, state_id FROM matches WHERE id = ?')
      .get(matchID);
    if (!row) return {};
    const out: FetchResult = {};
    if (opts.state) out.state = JSON.parse(row.state) as State;
    if (opts.initialState) out.initialState = JSON.parse(row.initial_state) as State;
    if (opts.metadata) out.metadata = JSON.parse(row.metadata) as MatchMetadata;
    if (opts.log) {
      const rows = this.sql<{ entry: string }>('SELECT entry FROM match_log WHERE match_id = ? ORDER BY seq')
        .all(matchID);
      out.log = rows.map((r) => JSON.parse(r.entry) as LogEntry);
    }
    return out;
  }

  commitMove(matchID: string, commit: MoveCommit): Promise<void> {
    return this.writes.run(() => {
      const row = this.sql<{ state_id: number }>('SELECT state_id FROM matches WHERE id = ?').get(matchID);
      if (!row) throw new StorageError('not-found', `match ${matchID} not found`);
      if (!(commit.state._stateID > row.state_id)) {
        throw new StorageError('stale-state', `stateID ${commit.state._stateID} <= ${row.state_id}`);
      }
      this.sql('UPDATE matches SET state = ?, state_id = ? WHERE id = ?')
        .run(JSON.stringify(commit.state), commit.state._stateID, matchID);
      const next = this.sql<{ n: number }>('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM match_log WHERE match_id = ?')
        .get(matchID);
      const insert = this.sql('INSERT INTO match_log (match_id, seq, entry) VALUES (?, ?, ?)');
      let seq = next ? next.n : 0;
      for (const entry of commit.deltalog) insert.run(matchID, seq++, JSON.stringify(entry));
      if (commit.metadata) this.writeMetadata(matchID, commit.metadata);
    });
  }

  setMetadata(matchID: string, metadata: MatchMetadata): Promise<void> {
    return this.writes.run(() => {
      if (!this.sql('SELECT 1 FROM matches WHERE id = ?').get(matchID)) {
        throw new StorageError('not-found', `match ${matchID} not found`);
      }
      this.writeMetadata(matchID, metadata);
    });
  }

  private writeMetadata(matchID: string, m: MatchMetadata): void {
    const owner = this.sql<{ id: string }>('SELECT id FROM matches WHERE join_code = ?').get(m.joinCode);
    if (owner && owner.id !== matchID) throw new StorageError('join-code-taken', 'join code taken');
    this.sql('UPDATE matches SET metadata = ?, visibility = ?, join_code = ?, finished = ?, game_name = ? WHERE id = ?')
      .run(JSON.stringify(m), m.visibility, m.joinCode, finished(m), m.gameName, matchID);
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
    const sql = `SELECT id, metadata FROM matches ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY created_at, id`;
    return this.sql<{ id: string; metadata: string }>(sql)
      .all(...params)
      .map((r) => ({ matchID: r.id, metadata: JSON.parse(r.metadata) as MatchMetadata }));
  }

  wipe(matchID: string): Promise<void> {
    return this.writes.run(() => {
      this.sql('DELETE FROM match_log WHERE match_id = ?').run(matchID);
      this.sql('DELETE FROM matches WHERE id = ?').run(matchID);
    });
  }

  async close(): Promise<void> {
    await this.writes.drain();
    if (this.db.open) this.db.close();
  }
}
