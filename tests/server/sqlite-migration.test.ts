import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { State } from 'boardgame.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/server/storage/sqlite';
import { SCHEMA_VERSION } from '../../src/server/storage/sqlite-schema';

/** The schema as version 1 of the server wrote it (the live state inside the matches row). */
const VERSION_1 = `
CREATE TABLE matches (
  id TEXT PRIMARY KEY, game_name TEXT NOT NULL, visibility TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE, finished INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
  metadata TEXT NOT NULL, state TEXT NOT NULL, state_id INTEGER NOT NULL, initial_state TEXT NOT NULL
);
CREATE TABLE match_log (
  match_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (match_id, seq)
) WITHOUT ROWID;
CREATE INDEX matches_list ON matches (game_name, visibility, finished);
`;

const state = (id: number) => ({ G: { n: id }, ctx: { turn: id }, plugins: {}, _stateID: id });
const metadata = {
  gameName: 'g',
  scenario: 's',
  setupData: null,
  visibility: 'public',
  joinCode: 'OLD001',
  creator: { salt: 'a', hash: 'b' },
  paused: false,
  createdAt: 1,
  updatedAt: 1,
  seats: [],
};

describe('SQLite schema upgrade', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chokepoint-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every match of a version 1 database, which then plays on', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(VERSION_1);
    old
      .prepare('INSERT INTO matches VALUES (?, ?, ?, ?, 0, 1, ?, ?, 7, ?)')
      .run(
        'm1',
        'g',
        'public',
        'OLD001',
        JSON.stringify(metadata),
        JSON.stringify(state(7)),
        JSON.stringify(state(0)),
      );
    old.prepare('INSERT INTO match_log VALUES (?, 0, ?)').run('m1', '{"_stateID":6}');
    old.close();

    const store = new SqliteStore(file);
    try {
      const got = await store.fetch('m1', {
        state: true,
        initialState: true,
        metadata: true,
        log: true,
      });
      expect(got.state?._stateID).toBe(7);
      expect(got.initialState?._stateID).toBe(0);
      expect(got.metadata?.joinCode).toBe('OLD001');
      expect(got.log).toHaveLength(1);
      await store.commitMove('m1', { state: state(8) as unknown as State, deltalog: [] });
      expect((await store.fetch('m1', { state: true })).state?._stateID).toBe(8);
      await expect(
        store.commitMove('m1', { state: state(8) as unknown as State, deltalog: [] }),
      ).rejects.toMatchObject({ code: 'stale-state' });
    } finally {
      await store.close();
    }
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("upgrades a version 2 database: idle time starts from each match's creation", async () => {
    const file = join(dir, 'v2.sqlite');
    const v2 = new Database(file);
    v2.exec(`
      CREATE TABLE matches (id TEXT PRIMARY KEY, game_name TEXT NOT NULL, visibility TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE, finished INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL, metadata TEXT NOT NULL, initial_state TEXT NOT NULL);
      CREATE TABLE match_state (match_id TEXT PRIMARY KEY, state_id INTEGER NOT NULL, state TEXT NOT NULL);
      CREATE TABLE match_log (match_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL,
        PRIMARY KEY (match_id, seq)) WITHOUT ROWID;
      PRAGMA user_version = 2;`);
    v2.prepare('INSERT INTO matches VALUES (?, ?, ?, ?, 0, ?, ?, ?)').run(
      'm2',
      'g',
      'public',
      'OLD002',
      500,
      JSON.stringify(metadata),
      JSON.stringify(state(0)),
    );
    v2.prepare('INSERT INTO match_state VALUES (?, 3, ?)').run('m2', JSON.stringify(state(3)));
    v2.close();
    const store = new SqliteStore(file);
    try {
      expect(await store.listIdle(400, { finished: false, limit: 5 })).toEqual([]);
      expect(await store.listIdle(600, { finished: false, limit: 5 })).toEqual(['m2']);
      await store.commitMove('m2', { state: state(4) as unknown as State, deltalog: [] });
      expect(await store.listIdle(600, { finished: false, limit: 5 })).toEqual([]);
      // Version 4 adds sessions beside the matches.
      expect(await store.listOpenSessions()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('upgrades a version 4 database: its matches gain a chat, their state untouched', async () => {
    const file = join(dir, 'v4.sqlite');
    // Version 4 is this schema without the chat table.
    const made = new SqliteStore(file);
    await made.createMatch('m4', {
      initialState: state(0) as unknown as State,
      metadata: { ...metadata, joinCode: 'OLD004' } as never,
    });
    await made.commitMove('m4', { state: state(2) as unknown as State, deltalog: [] });
    await made.close();
    const v4 = new Database(file);
    v4.exec('DROP TABLE match_chat; PRAGMA user_version = 4;');
    v4.close();
    const store = new SqliteStore(file);
    try {
      expect((await store.fetch('m4', { state: true })).state?._stateID).toBe(2);
      expect(await store.listChat('m4')).toEqual([]);
      const said = { id: 'c1', round: 1, seat: '0', text: 'hi', at: 1 };
      await store.appendChat('m4', said, 10);
      expect(await store.listChat('m4')).toEqual([said]);
    } finally {
      await store.close();
    }
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer server, leaving it untouched', () => {
    const file = join(dir, 'new.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/newer than this server/);
  });
});
