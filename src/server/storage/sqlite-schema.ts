import type { BetterSqlite3 } from 'better-sqlite3';

/**
 * Schema for the SQLite store. A match's row holds what rarely changes; the live state has a
 * table of its own, so that a move rewrites only the state (not the initial state and metadata
 * beside it), and the log is an append-only table (one row per entry).
 */
export const SCHEMA_VERSION = 5;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game_name TEXT NOT NULL,
  visibility TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  finished INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  metadata TEXT NOT NULL,
  initial_state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS match_state (
  match_id TEXT PRIMARY KEY,
  state_id INTEGER NOT NULL,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS match_log (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS matches_list ON matches (game_name, visibility, finished);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  ended INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS session_talk (
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS match_chat (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
) WITHOUT ROWID;
`;

/**
 * Creates the schema, or brings a database written by an earlier version up to this one in a
 * single transaction (version 1 kept the live state in the matches row; version 2 did not
 * record when the last move was made, which expiry needs: it starts from the creation time;
 * version 3 had no sessions, whose two tables the schema's CREATE ... IF NOT EXISTS adds, and
 * version 4 kept no match chat, whose table it adds the same way).
 */
export function prepareSchema(db: BetterSqlite3.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION)
    throw new Error(`database schema ${version} is newer than this server (${SCHEMA_VERSION})`);
  db.transaction(() => {
    const old = (db.prepare('PRAGMA table_info(matches)').all() as { name: string }[]).some(
      (c) => c.name === 'state',
    );
    db.exec(SCHEMA);
    if (old) {
      db.exec(`
        INSERT INTO match_state (match_id, state_id, state) SELECT id, state_id, state FROM matches;
        ALTER TABLE matches DROP COLUMN state;
        ALTER TABLE matches DROP COLUMN state_id;`);
    }
    const stamped = (db.prepare('PRAGMA table_info(match_state)').all() as { name: string }[]).some(
      (c) => c.name === 'updated_at',
    );
    if (!stamped)
      db.exec('ALTER TABLE match_state ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0');
    db.exec(`
      UPDATE match_state SET updated_at =
        (SELECT created_at FROM matches WHERE matches.id = match_state.match_id)
      WHERE updated_at = 0;
      CREATE INDEX IF NOT EXISTS match_state_idle ON match_state (updated_at);`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
