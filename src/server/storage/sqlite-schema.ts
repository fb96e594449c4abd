/** Schema for the SQLite store. The log is a separate append-only table (one row per entry). */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game_name TEXT NOT NULL,
  visibility TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  finished INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  metadata TEXT NOT NULL,
  state TEXT NOT NULL,
  state_id INTEGER NOT NULL,
  initial_state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS match_log (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS matches_list ON matches (game_name, visibility, finished);
`;
