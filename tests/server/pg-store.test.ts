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
