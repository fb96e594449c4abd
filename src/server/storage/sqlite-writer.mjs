// The SQLite writer thread (plain JS so it loads in any runtime: node, tsx, vitest).
// It owns every write: batches arrive from the main thread, and all that are
// waiting run in one transaction (one fsync, synchronous=FULL), each item in
// its own savepoint; the per-item outcomes are posted back only after the commit.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.filename);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.exec(workerData.schema);

const cache = new Map();
const sql = (text) => {
  let st = cache.get(text);
  if (!st) cache.set(text, (st = db.prepare(text)));
  return st;
};

class Refused extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function writeMeta(matchID, m) {
  const owner = sql('SELECT id FROM matches WHERE join_code = ?').get(m.joinCode);
  if (owner && owner.id !== matchID) throw new Refused('join-code-taken', 'join code taken');
  sql(
    'UPDATE matches SET metadata = ?, visibility = ?, join_code = ?, finished = ?, game_name = ? WHERE id = ?',
  ).run(m.json, m.visibility, m.joinCode, m.finished, m.gameName, matchID);
}

const OPS = {
  create(op) {
    if (sql('SELECT 1 FROM matches WHERE id = ?').get(op.matchID))
      throw new Refused('exists', `match ${op.matchID} exists`);
    if (sql('SELECT 1 FROM matches WHERE join_code = ?').get(op.meta.joinCode))
      throw new Refused('join-code-taken', 'join code taken');
    sql(`INSERT INTO matches (id, game_name, visibility, join_code, finished, created_at, metadata, initial_state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      op.matchID,
      op.meta.gameName,
      op.meta.visibility,
      op.meta.joinCode,
      op.meta.finished,
      op.createdAt,
      op.meta.json,
      op.state,
    );
    sql('INSERT INTO match_state (match_id, state_id, state, updated_at) VALUES (?, ?, ?, ?)').run(
      op.matchID,
      op.stateID,
      op.state,
      op.createdAt,
    );
  },
  commit(op) {
    const row = sql('SELECT state_id FROM match_state WHERE match_id = ?').get(op.matchID);
    if (!row) throw new Refused('not-found', `match ${op.matchID} not found`);
    if (!(op.stateID > row.state_id))
      throw new Refused('stale-state', `stateID ${op.stateID} <= ${row.state_id}`);
    sql('UPDATE match_state SET state = ?, state_id = ?, updated_at = ? WHERE match_id = ?').run(
      op.state,
      op.stateID,
      op.at,
      op.matchID,
    );
    const next = sql('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM match_log WHERE match_id = ?').get(
      op.matchID,
    );
    let seq = next.n;
    const insert = sql('INSERT INTO match_log (match_id, seq, entry) VALUES (?, ?, ?)');
    for (const entry of op.entries) insert.run(op.matchID, seq++, entry);
    if (op.meta) writeMeta(op.matchID, op.meta);
  },
  setMeta(op) {
    if (!sql('SELECT 1 FROM matches WHERE id = ?').get(op.matchID))
      throw new Refused('not-found', `match ${op.matchID} not found`);
    writeMeta(op.matchID, op.meta);
  },
  wipe(op) {
    sql('DELETE FROM match_chat WHERE match_id = ?').run(op.matchID);
    sql('DELETE FROM match_log WHERE match_id = ?').run(op.matchID);
    sql('DELETE FROM match_state WHERE match_id = ?').run(op.matchID);
    sql('DELETE FROM matches WHERE id = ?').run(op.matchID);
  },
  wipeSession(op) {
    sql('DELETE FROM session_talk WHERE session_id = ?').run(op.sessionID);
    sql('DELETE FROM sessions WHERE id = ?').run(op.sessionID);
  },
  saveSession(op) {
    const owner = sql('SELECT id FROM sessions WHERE code = ?').get(op.code);
    if (owner && owner.id !== op.id) throw new Refused('join-code-taken', 'session code taken');
    sql(`INSERT INTO sessions (id, code, ended, created_at, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, ended = excluded.ended, doc = excluded.doc`).run(
      op.id,
      op.code,
      op.ended,
      op.createdAt,
      op.doc,
    );
  },
  appendTalk(op) {
    if (!sql('SELECT 1 FROM sessions WHERE id = ?').get(op.sessionID))
      throw new Refused('not-found', `session ${op.sessionID} not found`);
    const next = sql(
      'SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM session_talk WHERE session_id = ?',
    ).get(op.sessionID);
    sql('INSERT INTO session_talk (session_id, seq, entry) VALUES (?, ?, ?)').run(
      op.sessionID,
      next.n,
      op.entry,
    );
  },
  appendChat(op) {
    if (!sql('SELECT 1 FROM matches WHERE id = ?').get(op.matchID))
      throw new Refused('not-found', `match ${op.matchID} not found`);
    const now = sql(
      'SELECT COUNT(*) AS n, COALESCE(MAX(seq) + 1, 0) AS next FROM match_chat WHERE match_id = ?',
    ).get(op.matchID);
    if (now.n >= op.cap) throw new Refused('full', `the chat of ${op.matchID} is full`);
    sql('INSERT INTO match_chat (match_id, seq, entry) VALUES (?, ?, ?)').run(
      op.matchID,
      now.next,
      op.entry,
    );
  },
};

const runBatch = db.transaction((batch) =>
  batch.map((op) => {
    try {
      db.transaction(() => OPS[op.kind](op))();
      return null;
    } catch (e) {
      return e instanceof Refused
        ? { code: e.code, message: e.message }
        : { code: 'io', message: String(e) };
    }
  }),
);

/**
 * Every batch waiting in the port joins the one just received: one transaction, one sync to
 * disk, however many batches the main thread sent meanwhile (group commit). Each batch still
 * gets its own reply, in order.
 */
function drain(first) {
  const batches = [first];
  let closing = false;
  for (let next = receiveMessageOnPort(parentPort); next; next = receiveMessageOnPort(parentPort)) {
    if (next.message.type === 'close') {
      closing = true;
      break;
    }
    batches.push(next.message);
  }
  return { batches, closing };
}

function close() {
  db.close();
  parentPort.postMessage({ type: 'closed' });
}

parentPort.on('message', (msg) => {
  if (msg.type === 'close') return close();
  const { batches, closing } = drain(msg);
  const ops = batches.flatMap((b) => b.batch);
  try {
    const results = runBatch(ops);
    let at = 0;
    for (const b of batches) {
      parentPort.postMessage({
        type: 'done',
        seq: b.seq,
        results: results.slice(at, (at += b.batch.length)),
      });
    }
  } catch (e) {
    for (const b of batches) parentPort.postMessage({ type: 'done', seq: b.seq, error: String(e) });
  }
  if (closing) close();
});
parentPort.postMessage({ type: 'ready' });
