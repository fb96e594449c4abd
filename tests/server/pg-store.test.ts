import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/server/storage/pg';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../src/server/storage/pg-schema';
import type { MatchMetadata } from '../../src/server/storage/types';

/** The shared PostgreSQL CI starts; every schema here has a random suffix and is dropped. */
const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];
const fresh = (): string => {
  const name = `pgstore_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
};

const state = (id: number) =>
  ({ G: { n: id }, ctx: {}, plugins: {}, _stateID: id }) as unknown as State;
const meta: MatchMetadata = {
  gameName: 'g',
  scenario: 's',
  setupData: null,
  visibility: 'public',
  joinCode: 'PG0001',
  creator: { salt: 'a', hash: 'b' },
  paused: false,
  createdAt: 1,
  updatedAt: 1,
  seats: [],
};

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: URL });
  await admin.connect();
});
afterAll(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

describe('PostgreSQL store: migrations', () => {
  it('servers starting together migrate once and all serve the same data', async () => {
    const schema = fresh();
    const stores = await Promise.all(
      [1, 2, 3].map(() => PgStore.open({ url: URL, schema, poolSize: 2 })),
    );
    try {
      const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_version`);
      expect(rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
      await stores[0]!.createMatch('m1', { initialState: state(0), metadata: meta });
      await stores[1]!.commitMove('m1', { state: state(1), deltalog: [] });
      // The third server's move was made on the state the second already moved: refused.
      await expect(
        stores[2]!.commitMove('m1', { state: state(1), deltalog: [] }),
      ).rejects.toMatchObject({ code: 'stale-state' });
      expect((await stores[2]!.fetch('m1', { state: true })).state?._stateID).toBe(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('brings a version 2 database up to date: its matches gain a chat', async () => {
    const schema = fresh();
    await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
    try {
      for (const m of PG_MIGRATIONS.filter((x) => x.version <= 2)) await admin.query(m.sql);
      await admin.query('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      await admin.query('INSERT INTO schema_version VALUES (2)');
    } finally {
      await admin.query('SET search_path TO DEFAULT');
    }
    const store = await PgStore.open({ url: URL, schema });
    try {
      await store.createMatch('m1', { initialState: state(0), metadata: meta });
      const said = { id: 'c1', round: 1, seat: '0', text: 'hi', at: 1 };
      await store.appendChat('m1', said, 5);
      expect(await store.listChat('m1')).toEqual([said]);
      const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_version`);
      expect(rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
    } finally {
      await store.close();
    }
  });

  it('brings a version 3 database up to date: a match saved before goes on, its next states lz4', async () => {
    const schema = fresh();
    await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
    // A state big enough to be compressed (PostgreSQL compresses values over about 2 KB).
    const big = (id: number) =>
      ({ ...state(id), G: { n: id, board: 'chokepoint '.repeat(600) } }) as unknown as State;
    try {
      for (const m of PG_MIGRATIONS.filter((x) => x.version <= 3)) await admin.query(m.sql);
      await admin.query('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      await admin.query('INSERT INTO schema_version VALUES (3)');
      await admin.query(
        `INSERT INTO matches (id, metadata, game_name, visibility, join_code, created_at, initial_state)
         VALUES ('m1', $1, 'g', 'public', 'PG0001', 1, $2)`,
        [JSON.stringify(meta), JSON.stringify(big(0))],
      );
      await admin.query(
        `INSERT INTO match_state (match_id, state_id, state, updated_at) VALUES ('m1', 5, $1, 1)`,
        [JSON.stringify(big(5))],
      );
    } finally {
      await admin.query('SET search_path TO DEFAULT');
    }
    const store = await PgStore.open({ url: URL, schema });
    try {
      expect((await store.fetch('m1', { state: true })).state).toEqual(big(5));
      await store.commitMove('m1', { state: big(6), deltalog: [] });
      expect((await store.fetch('m1', { state: true })).state).toEqual(big(6));
      const { rows: lz4 } = await admin.query<{ yes: boolean }>(
        `SELECT 'lz4' = ANY (enumvals) AS yes FROM pg_settings WHERE name = 'default_toast_compression'`,
      );
      const { rows } = await admin.query<{ how: string | null }>(
        `SELECT pg_column_compression(state) AS how FROM ${schema}.match_state`,
      );
      expect(rows).toEqual([{ how: lz4[0]?.yes ? 'lz4' : 'pglz' }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a database written by a newer server, leaving it untouched', async () => {
    const schema = fresh();
    await (await PgStore.open({ url: URL, schema })).close();
    await admin.query(`UPDATE ${schema}.schema_version SET version = $1`, [PG_SCHEMA_VERSION + 1]);
    await expect(PgStore.open({ url: URL, schema })).rejects.toThrow(
      /database schema \d+ is newer than this server/,
    );
    const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_version`);
    expect(rows).toEqual([{ version: PG_SCHEMA_VERSION + 1 }]);
  });

  it('says the database is unavailable, rather than failing vaguely, when it cannot connect', async () => {
    // A port nothing listens on (the test picks one and closes it).
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const store = new PgStore({ url: `postgres://postgres@127.0.0.1:${port}/test` });
    await expect(store.fetch('m1', { state: true })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/database unavailable/),
    });
    await store.pool.end();
  });
});

describe('PostgreSQL store: prepared statements', () => {
  it('keeps compare-and-set and the log in order once a connection reuses its plan', async () => {
    // One connection, so every move runs the same prepared statement on it: past its fifth
    // run PostgreSQL may switch to a generic plan, which must refuse and append exactly alike.
    const store = await PgStore.open({ url: URL, schema: fresh(), poolSize: 1 });
    try {
      await store.createMatch('m1', { initialState: state(0), metadata: meta });
      const entry = (n: number) =>
        ({
          action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [n] } },
          _stateID: n,
        }) as never;
      for (let n = 1; n <= 12; n++) {
        await store.commitMove('m1', { state: state(n), deltalog: [entry(n)] });
        // The same move again, as a second process holding an old copy would send it.
        await expect(
          store.commitMove('m1', { state: state(n), deltalog: [entry(n)] }),
        ).rejects.toMatchObject({ code: 'stale-state' });
      }
      const ended = { ...meta, gameover: { winner: '0' } };
      await store.commitMove('m1', { state: state(13), deltalog: [], metadata: ended });
      const got = await store.fetch('m1', { state: true, metadata: true, log: true });
      expect(got.state?._stateID).toBe(13);
      expect(got.metadata?.gameover).toEqual({ winner: '0' });
      expect(got.log?.map((e) => e._stateID)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(await store.listMatches({ finished: true })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store: moves of several matches written together', () => {
  it('gives each move its own answer, and each is stored once it is acknowledged', async () => {
    const schema = fresh();
    const store = await PgStore.open({ url: URL, schema });
    try {
      const ids = ['a', 'b', 'c', 'd', 'e'];
      for (const [i, id] of ids.entries())
        await store.createMatch(id, {
          initialState: state(0),
          metadata: { ...meta, joinCode: `PGB00${i}` },
        });
      await store.commitMove('c', { state: state(3), deltalog: [] });
      // Issued in the same moment, so they share a statement: a good move, a stale one, one
      // for a match that does not exist, one that also ends its match, and another good one.
      const ended = { ...meta, joinCode: 'PGB003', gameover: { winner: '1' } };
      const results = await Promise.allSettled([
        store.commitMove('a', { state: state(1), deltalog: [] }),
        store.commitMove('c', { state: state(2), deltalog: [] }),
        store.commitMove('nope', { state: state(1), deltalog: [] }),
        store.commitMove('d', { state: state(1), deltalog: [], metadata: ended }),
        store.commitMove('e', { state: state(1), deltalog: [] }),
      ]);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason.code))).toEqual([
        'ok',
        'stale-state',
        'not-found',
        'ok',
        'ok',
      ]);
      // Acknowledged means committed: another connection reads each of them.
      const { rows } = await admin.query<{ match_id: string; state_id: number }>(
        `SELECT match_id, state_id FROM ${schema}.match_state ORDER BY match_id`,
      );
      expect(rows).toEqual([
        { match_id: 'a', state_id: 1 },
        { match_id: 'b', state_id: 0 },
        { match_id: 'c', state_id: 3 },
        { match_id: 'd', state_id: 1 },
        { match_id: 'e', state_id: 1 },
      ]);
      expect((await store.listMatches({ finished: true })).map((m) => m.matchID)).toEqual(['d']);
    } finally {
      await store.close();
    }
  });

  it('refuses one move for its own fault and still writes the others beside it', async () => {
    const schema = fresh();
    const store = await PgStore.open({ url: URL, schema });
    try {
      for (const id of ['a', 'b', 'c'])
        await store.createMatch(id, {
          initialState: state(0),
          metadata: { ...meta, joinCode: `PGC${id}` },
        });
      // b's metadata takes a's join code: the database refuses that statement as a whole.
      const results = await Promise.allSettled([
        store.commitMove('a', { state: state(1), deltalog: [] }),
        store.commitMove('b', {
          state: state(1),
          deltalog: [],
          metadata: { ...meta, joinCode: 'PGCa' },
        }),
        store.commitMove('c', { state: state(1), deltalog: [] }),
      ]);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason.code))).toEqual([
        'ok',
        'join-code-taken',
        'ok',
      ]);
      expect((await store.fetch('b', { state: true })).state?._stateID).toBe(0);
      expect((await store.fetch('c', { state: true })).state?._stateID).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('keeps each match in order under many moves at once, and writes them in few statements', async () => {
    const schema = fresh();
    const store = await PgStore.open({ url: URL, schema });
    const statements = { n: 0 };
    const query = store.pool.query.bind(store.pool);
    store.pool.query = ((...args: Parameters<typeof query>) => {
      const q = args[0] as { name?: string } | string;
      if (typeof q === 'object' && q.name?.startsWith('commit-moves-')) statements.n++;
      return query(...args);
    }) as typeof query;
    try {
      const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
      for (const [i, id] of ids.entries())
        await store.createMatch(id, {
          initialState: state(0),
          metadata: { ...meta, joinCode: `PGD${i}` },
        });
      const entry = (n: number) =>
        ({
          action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [n] } },
          _stateID: n,
        }) as never;
      // Every match's ten moves issued at once, without waiting: each match's must land in
      // order (its log 1..10), whatever batch each goes in.
      await Promise.all(
        ids.flatMap((id) =>
          Array.from({ length: 10 }, (_, k) =>
            store.commitMove(id, { state: state(k + 1), deltalog: [entry(k + 1)] }),
          ),
        ),
      );
      for (const id of ids) {
        const got = await store.fetch(id, { state: true, log: true });
        expect(got.state?._stateID).toBe(10);
        expect(got.log?.map((e) => e._stateID)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }
      // A statement per move would be 200; each match's ten go one after another, so at
      // least 10, and up to 32 matches share one.
      expect(statements.n).toBeGreaterThanOrEqual(10);
      expect(statements.n).toBeLessThanOrEqual(30);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store: a move that cannot be written in time', () => {
  it('is refused as unavailable, and not written later, when the one before it holds the writer', async () => {
    const schema = fresh();
    const store = await PgStore.open({ url: URL, schema });
    const query = store.pool.query.bind(store.pool);
    let stall = true;
    // The first move's statement takes 3.5 s to reach the database (a stalled connection).
    store.pool.query = (async (...args: Parameters<typeof query>) => {
      const q = args[0] as { name?: string } | string;
      if (stall && typeof q === 'object' && q.name?.startsWith('commit-moves-')) {
        stall = false;
        await new Promise((r) => setTimeout(r, 3_500));
      }
      return query(...args);
    }) as typeof query;
    try {
      for (const id of ['a', 'b'])
        await store.createMatch(id, {
          initialState: state(0),
          metadata: { ...meta, joinCode: `PGE${id}` },
        });
      const first = store.commitMove('a', { state: state(1), deltalog: [] });
      await new Promise((r) => setTimeout(r, 50));
      // Waits behind the first for longer than a write may take inside a cluster lease.
      const second = store.commitMove('b', { state: state(1), deltalog: [] });
      await expect(first).resolves.toBeUndefined();
      await expect(second).rejects.toMatchObject({ code: 'unavailable' });
      await store.commitMove('a', { state: state(2), deltalog: [] });
      expect((await store.fetch('b', { state: true })).state?._stateID).toBe(0);
    } finally {
      await store.close();
    }
  });
});
