import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry, State } from 'boardgame.io';
import { MemoryStore } from '../../src/server/storage/memory';
import { PgStore } from '../../src/server/storage/pg';
import { SqliteStore } from '../../src/server/storage/sqlite';
import {
  StorageError,
  type MatchMetadata,
  type MatchStore,
  type SessionRecord,
} from '../../src/server/storage/types';

interface Backend {
  name: string;
  open: (dir: string) => MatchStore | Promise<MatchStore>;
  persistent: boolean;
  /** Removes what `open` made outside `dir`. */
  cleanup?: (dir: string) => Promise<void>;
}

/**
 * PostgreSQL: the machine's server (DATABASE_URL, else 127.0.0.1:5432/test as CI runs it), one
 * schema of its own per test, named after the test's temp dir and dropped afterwards.
 */
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchema = (dir: string) =>
  `store_${basename(dir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;

/** Every MatchStore implementation must pass this suite. */
const BACKENDS: Backend[] = [
  { name: 'memory', open: () => new MemoryStore(), persistent: false },
  { name: 'sqlite', open: (dir) => new SqliteStore(join(dir, 'db.sqlite')), persistent: true },
  {
    name: 'postgres',
    open: (dir) => PgStore.open({ url: PG_URL, schema: pgSchema(dir) }),
    persistent: true,
    cleanup: async (dir) => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${pgSchema(dir)} CASCADE`);
      await admin.end();
    },
  },
];

const state = (id: number, extra: Record<string, unknown> = {}): State =>
  ({
    G: { n: id, ...extra },
    ctx: { turn: id },
    plugins: {},
    _undo: [],
    _redo: [],
    _stateID: id,
  }) as unknown as State;

const entry = (id: number): LogEntry =>
  ({
    action: { type: 'MAKE_MOVE', payload: { type: 'm', args: [id], playerID: '0' } },
    _stateID: id,
    turn: 1,
    phase: '',
  }) as unknown as LogEntry;

const meta = (over: Partial<MatchMetadata> = {}): MatchMetadata => ({
  gameName: 'g',
  scenario: 's',
  setupData: { seed: 'x' },
  visibility: 'public',
  joinCode: 'CODE01',
  creator: { salt: 'a', hash: 'b' },
  paused: false,
  createdAt: 1,
  updatedAt: 1,
  seats: [{ id: '0', role: 'r', label: 'R', kind: 'open' }],
  ...over,
});

const session = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  code: `CODE${id}`,
  facilitator: { salt: 'a', hash: 'b' },
  scenario: 'classroom',
  tableCount: 2,
  policy: { teamSize: 2, observers: true, botLevel: 'heuristic' },
  defaults: 'hold',
  roundSeconds: 120,
  status: 'lobby',
  students: [{ id: 'st1', name: 'Ana', token: { salt: 'c', hash: 'd' }, assignment: null }],
  tables: [{ matchID: null, seatCredentials: {}, timer: null }],
  createdAt: 10,
  updatedAt: 10,
  ...over,
});

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof StorageError ? e.code : String(e);
  }
};

describe.each(BACKENDS)('MatchStore contract: $name', (backend) => {
  let dir: string;
  let store: MatchStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    store = await backend.open(dir);
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup?.(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists idle matches (by last move, else creation), finished apart; wipe bounds storage', async () => {
    const realNow = Date.now;
    let now = 1_000_000;
    Date.now = () => now;
    try {
      const made = (id: string, at: number) =>
        store.createMatch(id, {
          initialState: state(0),
          metadata: meta({ joinCode: `C${id}`, createdAt: at, updatedAt: at }),
        });
      await made('old', 100);
      await made('moved', 100);
      await made('new', 5000);
      await made('done', 100);
      now = 6000;
      await store.commitMove('moved', { state: state(1), deltalog: [entry(0)] });
      await store.commitMove('done', {
        state: state(1),
        deltalog: [],
        metadata: meta({ joinCode: 'Cdone', createdAt: 100, gameover: { winner: '0' } }),
      });
      expect(await store.count()).toBe(4);
      expect(await store.listIdle(5500, { finished: false, limit: 10 })).toEqual(['old', 'new']);
      expect(await store.listIdle(5500, { finished: false, limit: 1 })).toEqual(['old']);
      expect(await store.listIdle(7000, { finished: false, limit: 10 })).toEqual([
        'old',
        'new',
        'moved',
      ]);
      expect(await store.listIdle(5500, { finished: true, limit: 10 })).toEqual([]);
      expect(await store.listIdle(7000, { finished: true, limit: 10 })).toEqual(['done']);
      await store.wipe('old');
      expect(await store.count()).toBe(3);
      expect(await store.fetch('old', { state: true, metadata: true, log: true })).toEqual({});
      expect(await store.findByJoinCode('Cold')).toBeUndefined();
    } finally {
      Date.now = realNow;
    }
  });

  it('creates and fetches a match; unknown matches fetch empty', async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    const r = await store.fetch('m1', {
      state: true,
      initialState: true,
      metadata: true,
      log: true,
    });
    expect(r.state?._stateID).toBe(0);
    expect(r.initialState).toEqual(state(0));
    expect(r.metadata).toEqual(meta());
    expect(r.log).toEqual([]);
    expect(await store.fetch('nope', { state: true, metadata: true })).toEqual({});
  });

  it('refuses duplicate match IDs and duplicate join codes', async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    expect(
      await code(
        store.createMatch('m1', { initialState: state(0), metadata: meta({ joinCode: 'OTHER' }) }),
      ),
    ).toBe('exists');
    expect(await code(store.createMatch('m2', { initialState: state(0), metadata: meta() }))).toBe(
      'join-code-taken',
    );
    expect(await store.findByJoinCode('CODE01')).toBe('m1');
    expect(await store.findByJoinCode('NOPE')).toBeUndefined();
  });

  it('appends the log move by move and only moves the state forward', async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    await store.commitMove('m1', { state: state(1), deltalog: [entry(0)] });
    await store.commitMove('m1', {
      state: state(2),
      deltalog: [entry(1)],
      metadata: meta({ paused: true }),
    });
    expect(
      await code(store.commitMove('m1', { state: state(2, { evil: true }), deltalog: [entry(9)] })),
    ).toBe('stale-state');
    expect(await code(store.commitMove('m1', { state: state(1), deltalog: [entry(9)] }))).toBe(
      'stale-state',
    );
    expect(await code(store.commitMove('zz', { state: state(5), deltalog: [] }))).toBe('not-found');
    const r = await store.fetch('m1', {
      state: true,
      log: true,
      metadata: true,
      initialState: true,
    });
    expect(r.state).toEqual(state(2));
    expect(r.initialState).toEqual(state(0));
    expect(r.log).toEqual([entry(0), entry(1)]);
    expect(r.metadata?.paused).toBe(true);
  });

  it('a failed commit in a concurrent batch does not affect the others', async () => {
    await store.createMatch('a', { initialState: state(0), metadata: meta({ joinCode: 'A' }) });
    await store.createMatch('b', { initialState: state(0), metadata: meta({ joinCode: 'B' }) });
    const results = await Promise.all([
      code(store.commitMove('a', { state: state(1), deltalog: [entry(0)] })),
      code(store.commitMove('b', { state: state(0), deltalog: [entry(0)] })),
      code(store.commitMove('a', { state: state(2), deltalog: [entry(1)] })),
    ]);
    expect(results).toEqual(['ok', 'stale-state', 'ok']);
    expect((await store.fetch('a', { log: true })).log).toHaveLength(2);
    expect((await store.fetch('b', { log: true, state: true })).log).toHaveLength(0);
  });

  it('returns copies, not live references', async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    const r = await store.fetch('m1', { state: true, metadata: true });
    (r.state!.G as { n: number }).n = 99;
    r.metadata!.paused = true;
    const again = await store.fetch('m1', { state: true, metadata: true });
    expect((again.state!.G as { n: number }).n).toBe(0);
    expect(again.metadata!.paused).toBe(false);
  });

  it('sets metadata, lists with filters, wipes', async () => {
    await store.createMatch('m1', {
      initialState: state(0),
      metadata: meta({ joinCode: 'A', createdAt: 1 }),
    });
    await store.createMatch('m2', {
      initialState: state(0),
      metadata: meta({ joinCode: 'B', createdAt: 2, visibility: 'private' }),
    });
    await store.createMatch('m3', {
      initialState: state(0),
      metadata: meta({ joinCode: 'C', createdAt: 3, gameName: 'h' }),
    });
    await store.setMetadata('m1', meta({ joinCode: 'A', gameover: { winner: '0' } }));
    expect(await code(store.setMetadata('m1', meta({ joinCode: 'B' })))).toBe('join-code-taken');
    expect(await code(store.setMetadata('zz', meta({ joinCode: 'Z' })))).toBe('not-found');
    const ids = async (f: Parameters<MatchStore['listMatches']>[0]) =>
      (await store.listMatches(f)).map((m) => m.matchID);
    expect(await ids({})).toEqual(['m1', 'm2', 'm3']);
    expect(await ids({ visibility: 'public' })).toEqual(['m1', 'm3']);
    expect(await ids({ gameName: 'g', finished: false })).toEqual(['m2']);
    expect(await ids({ finished: true })).toEqual(['m1']);
    await store.wipe('m2');
    expect(await ids({})).toEqual(['m1', 'm3']);
    expect(await store.findByJoinCode('B')).toBeUndefined();
  });

  it('saves, finds and lists sessions; codes are unique; talk is kept in order', async () => {
    await store.saveSession(session('s1', { createdAt: 2 }));
    await store.saveSession(session('s2', { createdAt: 1 }));
    expect(await code(store.saveSession(session('s3', { code: 'CODEs1' })))).toBe(
      'join-code-taken',
    );
    const timer = { seconds: 60, endsAt: null, leftMs: 4200, round: 3 };
    const running = session('s1', {
      createdAt: 2,
      status: 'running',
      tables: [{ matchID: 'm1', seatCredentials: { '0': 'tok' }, timer }],
    });
    await store.saveSession(running);
    expect(await store.loadSession('s1')).toEqual(running);
    expect(await store.loadSession('nope')).toBeUndefined();
    expect(await store.findSessionByCode('CODEs2')).toBe('s2');
    expect(await store.findSessionByCode('CODEs3')).toBeUndefined();
    expect((await store.listOpenSessions()).map((s) => s.id)).toEqual(['s2', 's1']);
    await store.saveSession(session('s2', { createdAt: 1, status: 'ended' }));
    expect((await store.listOpenSessions()).map((s) => s.id)).toEqual(['s1']);
    const msg = (id: number) => ({
      id,
      at: id,
      from: { kind: 'facilitator' as const },
      to: { kind: 'broadcast' as const },
      text: `m${id}`,
    });
    await Promise.all([store.appendTalk('s1', msg(1)), store.appendTalk('s1', msg(2))]);
    expect(await code(store.appendTalk('nope', msg(3)))).toBe('not-found');
    expect(await store.listTalk('s1')).toEqual([msg(1), msg(2)]);
    expect(await store.listTalk('s2')).toEqual([]);
  });

  it('lists ended sessions by their last change and deletes one with its talk', async () => {
    await store.saveSession(session('s1', { status: 'ended', updatedAt: 30 }));
    await store.saveSession(session('s2', { status: 'ended', updatedAt: 20 }));
    await store.saveSession(session('s3', { status: 'running', updatedAt: 5 }));
    await store.saveSession(session('s4', { status: 'ended', updatedAt: 50 }));
    expect(await store.listEndedSessions(40, 10)).toEqual(['s2', 's1']);
    expect(await store.listEndedSessions(40, 1)).toEqual(['s2']);
    expect(await store.listEndedSessions(20, 10)).toEqual([]);
    await store.appendTalk('s2', {
      id: 1,
      at: 1,
      from: { kind: 'facilitator' },
      to: { kind: 'broadcast' },
      text: 'bye',
    });
    await store.wipeSession('s2');
    expect(await store.loadSession('s2')).toBeUndefined();
    expect(await store.findSessionByCode('CODEs2')).toBeUndefined();
    expect(await store.listTalk('s2')).toEqual([]);
    expect(await store.listEndedSessions(40, 10)).toEqual(['s1']);
    expect((await store.loadSession('s3'))?.status).toBe('running');
    await store.wipeSession('nope'); // nothing to delete: no error
  });

  it("keeps a match's chat in order, up to its cap, and deletes it with the match", async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    await store.createMatch('m2', { initialState: state(0), metadata: meta({ joinCode: 'B' }) });
    const said = (n: number, round = 1) => ({
      id: `c${n}`,
      round,
      seat: String(n % 2),
      text: `hello ${n}`,
      at: 1000 + n,
    });
    // Two messages at once (two sockets, or two processes) both land, in the order sent.
    await Promise.all([store.appendChat('m1', said(1), 3), store.appendChat('m1', said(2), 3)]);
    await store.appendChat('m1', said(3, 2), 3);
    // Full: the newest is refused and the three kept are untouched.
    expect(await code(store.appendChat('m1', said(4, 2), 3))).toBe('full');
    expect(await store.listChat('m1')).toEqual([said(1), said(2), said(3, 2)]);
    // The cap is per match.
    await store.appendChat('m2', said(5), 3);
    expect(await store.listChat('m2')).toEqual([said(5)]);
    expect(await code(store.appendChat('nope', said(6), 3))).toBe('not-found');
    expect(await store.listChat('nope')).toEqual([]);
    await store.wipe('m1');
    expect(await store.listChat('m1')).toEqual([]);
    // A new match under the same id starts with an empty chat.
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    expect(await store.listChat('m1')).toEqual([]);
    await store.appendChat('m1', said(7), 3);
    expect(await store.listChat('m1')).toEqual([said(7)]);
  });

  it.runIf(backend.persistent)('survives close and reopen', async () => {
    await store.createMatch('m1', { initialState: state(0), metadata: meta() });
    await store.commitMove('m1', { state: state(1), deltalog: [entry(0)] });
    await store.close();
    store = await backend.open(dir);
    const r = await store.fetch('m1', { state: true, log: true });
    expect(r.state?._stateID).toBe(1);
    expect(r.log).toEqual([entry(0)]);
    await store.saveSession(session('s1'));
    const said = { id: 'c1', round: 1, seat: '0', text: 'still here', at: 5 };
    await store.appendChat('m1', said, 10);
    await store.close();
    store = await backend.open(dir);
    expect((await store.loadSession('s1'))?.students[0]?.name).toBe('Ana');
    expect(await store.listChat('m1')).toEqual([said]);
  });
});
