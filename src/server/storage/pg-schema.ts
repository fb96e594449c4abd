/**
 * Versioned migrations for the PostgreSQL store. Each entry brings a database from the version
 * before it to its own; they run in order, in one transaction, when a server starts, under an
 * advisory lock so that several servers starting at once migrate only once. A database written
 * by a newer server is refused untouched.
 *
 * Add a migration by appending an entry; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  /** What it changes, for the operator reading the log. */
  what: string;
  sql: string;
}

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    what: 'matches, their live state and their append-only log',
    sql: `
CREATE TABLE matches (
  id TEXT PRIMARY KEY,
  game_name TEXT NOT NULL,
  visibility TEXT NOT NULL,
  join_code TEXT NOT NULL CONSTRAINT matches_join_code_key UNIQUE,
  finished BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  metadata TEXT NOT NULL,
  initial_state TEXT NOT NULL
);
CREATE TABLE match_state (
  match_id TEXT PRIMARY KEY REFERENCES matches (id) ON DELETE CASCADE,
  state_id INTEGER NOT NULL,
  state TEXT NOT NULL,
  log_length INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE TABLE match_log (
  match_id TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
CREATE INDEX matches_list ON matches (game_name, visibility, finished);
CREATE INDEX match_state_idle ON match_state (updated_at);
`,
  },
  {
    version: 2,
    what: "facilitators' sessions (one document each) and their talk",
    sql: `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL CONSTRAINT sessions_code_key UNIQUE,
  ended BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE session_talk (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX sessions_open ON sessions (ended, created_at);
`,
  },
  {
    version: 3,
    what: "each match's chat",
    sql: `
CREATE TABLE match_chat (
  match_id TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
`,
  },
  {
    version: 4,
    what: "a match's states compressed with lz4 where the server has it (PostgreSQL 14 and later)",
    // Every move rewrites the match's whole state (5-13 KB of JSON), which PostgreSQL
    // compresses; its default, pglz, took a sixth of its CPU per move, lz4 a small part of
    // that. Values already stored stay as they are until rewritten; both read alike. A server
    // built without lz4 (or older than 14) keeps pglz.
    sql: `
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings
             WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE match_state ALTER COLUMN state SET COMPRESSION lz4;
    ALTER TABLE matches ALTER COLUMN initial_state SET COMPRESSION lz4;
  END IF;
END
$$;
`,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)!.version;
