/**
 * Issue #11: one test (or more) per item, over real sockets on loopback.
 */
import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../src/server/app';
import { HostileSocket } from '../../bench/server/hostile';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { cleanName } from '../../src/server/lobby/http';
import { addressKey, LruMap, RateLimiter } from '../../src/server/net/limits';
import { sendStats } from '../../src/server/net/send';
import { JOIN_CODE_LENGTH, newJoinCode } from '../../src/server/security/secrets';
import { hostPolicy } from '../../src/server/security/host';
import { MemoryStore } from '../../src/server/storage/memory';
import { shippedNginx } from './cluster-harness';
import { DEFAULT_HTTP } from '../../src/server/app';
import {
  api,
  Client,
  createMatch,
  join,
  ownProcessUrl,
  sleep,
  startTestServer,
  TEST_PROCESSES,
} from './helpers';

let server: RunningServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await server?.close();
  server = undefined;
});
const client = (
  url: string,
  headers: Record<string, string> = {},
  opts: { matchID?: string } = {},
): Client => {
  const c = new Client(url, headers, opts);
  clients.push(c);
  return c;
};

/** A raw HTTP request with any Host header (fetch will not forge one). */
function rawRequest(
  url: string,
  path: string,
  host: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method,
        headers: {
          host,
          ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('1. backpressure', () => {
  it(
    'drops a socket that does not read once its backlog passes the send buffer',
    { timeout: 60_000 },
    async () => {
      server = await startTestServer({
        limits: {
          perSecond: 10_000,
          burst: 10_000,
          syncsPerSecond: 10_000,
          syncBurst: 10_000,
          matchSyncBurst: 10_000,
          addressSyncBurst: 10_000,
          sendBufferBytes: 64 * 1024,
        },
      });
      const m = await createMatch(server.url);
      const creds = await Promise.all(['0', '1', '2'].map((s) => join(server!.url, m.matchID, s)));
      const cred = creds[0]!;
      // Seat 0's view grows with its notes: each sync reply is then ~10 KB.
      for (let i = 0; i < 150; i++) {
        const seat = String(i % 3);
        const r = await server.authority.submit(
          m.matchID,
          seat,
          { type: 'MAKE_MOVE', payload: { type: 'stash', args: ['n'.repeat(64)] } },
          i,
        );
        expect(r.ok).toBe(true);
      }
      // Fast spammers: with every sync allowed, only the send buffer stands between them and memory.
      const hostile = Array.from(
        { length: 4 },
        () =>
          new HostileSocket({ url: server!.url, sync: [m.matchID, '0', cred], perSecond: 2000 }),
      );
      const nsp = server.io.of('/chokepoint');
      let maxBacklog = 0;
      const start = Date.now();
      // (The kernel's socket buffers fill first: on a busy machine that takes a while.)
      const dropped0 = sendStats.dropped;
      while (Date.now() - start < 40_000 && sendStats.dropped - dropped0 < 2) {
        for (const s of nsp.sockets.values()) {
          const conn = s.conn as unknown as { writeBuffer: { data?: unknown }[] };
          const bytes = conn.writeBuffer.reduce(
            (n, p) => n + (typeof p.data === 'string' ? p.data.length : 0),
            0,
          );
          maxBacklog = Math.max(maxBacklog, bytes);
        }
        await sleep(20);
      }
      for (let i = 0; i < 250 && hostile.every((h) => h.drops === 0); i++) await sleep(20);
      hostile.forEach((h) => h.stop());
      // Dropped by the send buffer (not by a ping timeout), and the clients saw it.
      expect(sendStats.dropped - dropped0).toBeGreaterThanOrEqual(2);
      expect(hostile.reduce((n, h) => n + h.drops, 0)).toBeGreaterThanOrEqual(1);
      // Bounded: the limit plus at most one frame per send.
      expect(maxBacklog).toBeLessThan(64 * 1024 + 32 * 1024);
    },
  );

  it('limits syncs per socket, per address and per match, and spectators per match', async () => {
    server = await startTestServer({
      limits: {
        perSecond: 10_000,
        burst: 10_000,
        syncsPerSecond: 0.1,
        syncBurst: 3,
        addressSyncsPerSecond: 0.1,
        addressSyncBurst: 1000,
        matchSyncsPerSecond: 0.1,
        matchSyncBurst: 1000,
        spectatorsPerMatch: 2,
      },
    });
    const m = await createMatch(server.url);
    // The sockets name their match in the handshake, as the app's do. The spectator cap is each
    // process's own (it bounds that process's fan-out): behind nginx (TEST_CLUSTER=1) it holds
    // for a match because nginx sends all of a match's sockets to one process.
    const spectator = () => client(server!.url, {}, { matchID: m.matchID });
    const a = spectator();
    for (let i = 0; i < 3; i++) expect(await a.sync(m.matchID, null)).toMatchObject({ ok: true });
    expect(await a.sync(m.matchID, null)).toMatchObject({ ok: false, error: 'too many syncs' });
    const b = spectator();
    expect(await b.sync(m.matchID, null)).toMatchObject({ ok: true });
    const c = spectator();
    expect(await c.sync(m.matchID, null)).toMatchObject({
      ok: false,
      error: 'too many spectators for this match',
    });
    // A sync is served from memory: it holds no log at all (and so no other seat's actions).
    const sync = a.frames.find((f) => f.event === 'sync');
    expect((sync?.args[1] as { log: unknown[] }).log).toEqual([]);
  });

  it('limits syncs per match and per address', async () => {
    server = await startTestServer({
      limits: {
        perSecond: 10_000,
        burst: 10_000,
        syncBurst: 1000,
        matchSyncsPerSecond: 0.1,
        matchSyncBurst: 4,
        addressSyncsPerSecond: 0.1,
        addressSyncBurst: 6,
      },
    });
    const m1 = await createMatch(server.url);
    const m2 = await createMatch(server.url);
    const a = client(server.url);
    const replies: Record<string, unknown>[] = [];
    for (let i = 0; i < 5; i++) replies.push(await a.sync(m1.matchID, null));
    expect(replies.at(-1)).toMatchObject({ error: 'too many syncs for this match' });
    expect(await a.sync(m2.matchID, null)).toMatchObject({ ok: true });
    expect(await a.sync(m2.matchID, null)).toMatchObject({
      error: 'too many syncs from this address',
    });
  });
});

describe('2. move arguments are checked against the move', () => {
  it('refuses junk arguments with a clear error; nothing is stored or broadcast', async () => {
    server = await startTestServer();
    const m = await createMatch(server.url);
    const cred = await join(server.url, m.matchID, '0');
    const p = client(server.url);
    const watcher = client(server.url);
    await p.sync(m.matchID, '0', cred);
    await watcher.sync(m.matchID, null);
    const junk: unknown[][] = [[1, { extra: 'x'.repeat(8000) }], ['3'], [7], [1.5], [], [{ n: 1 }]];
    for (const args of junk) {
      const r = await p.move(m.matchID, '0', 'advance', args, 0);
      expect(r.ok).toBe(false);
      expect(String(r.error)).toMatch(/^bad arguments for advance: /);
    }
    const long = await p.move(m.matchID, '0', 'stash', ['y'.repeat(65)], 0);
    expect(long.error).toMatch(/bad arguments for stash/);
    const { state, log } = await server.authority.store.fetch(m.matchID, {
      state: true,
      log: true,
    });
    expect(state!._stateID).toBe(0);
    expect(log).toEqual([]);
    expect(watcher.frames.some((f) => f.event === 'update' || f.event === 'patch')).toBe(false);
    expect(await p.move(m.matchID, '0', 'advance', [2], 0)).toMatchObject({ ok: true });
  });

  it("Chokepoint: every move's arguments have a schema, and junk is refused before it runs", async () => {
    server = await startTestServer({ served: chokepointServed, store: new MemoryStore() });
    const m = await createMatch(server.url, { scenario: 'classroom' });
    const seats = chokepointServed.scenarios.classroom!.seats;
    const creds = await Promise.all(
      seats.map((s, i) =>
        join(
          server!.url,
          m.matchID,
          String(i),
          `P${i}`,
          undefined,
          s.role === 'facilitator' ? m.creatorToken : undefined,
        ),
      ),
    );
    // Every seat plans at once: seat 0 may act now. Its planning actions are checked exactly.
    const seat = '0';
    const p = client(server.url);
    await p.sync(m.matchID, seat, creds[0]);
    for (const args of [[{ junk: 'x'.repeat(12_000) }], [{}, {}], [{ hub: 'XX' }], ['pass']]) {
      const r = await p.move(m.matchID, seat, 'submit', args, 0);
      expect(r.ok).toBe(false);
      expect(String(r.error)).toMatch(/^bad arguments for submit/);
    }
    const order = { move: 'courierData', args: { hub: 'SG', tb: 1e9 } };
    const bad = await p.move(m.matchID, seat, 'order', [order], 0);
    expect(bad.error).toMatch(/bad arguments for order/);
    const { log } = await server.authority.store.fetch(m.matchID, { log: true });
    expect(log).toEqual([]);
    expect(await p.move(m.matchID, seat, 'submit', [], 0)).toMatchObject({ ok: true });
  });
});

describe('3. seeds', () => {
  it('the server draws the seed; a chosen one needs fixedSeed, which every seat is told', async () => {
    server = await startTestServer();
    const refused = await api(server.url, 'POST', '/api/matches', { scenario: 'quick', seed: 's' });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/fixedSeed/);
    const a = await createMatch(server.url);
    const b = await createMatch(server.url);
    const seedOf = async (id: string) =>
      ((await server!.authority.load(id))!.metadata.setupData as { seed: string }).seed;
    const [sa, sb] = [await seedOf(a.matchID), await seedOf(b.matchID)];
    expect(sa).not.toBe(sb);
    expect(sa.length).toBeGreaterThanOrEqual(32); // 24 random bytes
    expect((await api(server.url, 'GET', `/api/matches/${a.matchID}`)).json.fixedSeed).toBe(false);

    const rerun = await createMatch(server.url, { seed: 'rerun-1', fixedSeed: true });
    expect(await seedOf(rerun.matchID)).toBe('rerun-1');
    expect((await api(server.url, 'GET', `/api/matches/${rerun.matchID}`)).json.fixedSeed).toBe(
      true,
    );
    const cred = await join(server.url, rerun.matchID, '1');
    const p = client(server.url);
    await p.sync(rerun.matchID, '1', cred);
    await p.waitFor(() => p.frames.some((f) => f.event === 'chokepoint:status'));
    const status = p.frames.find((f) => f.event === 'chokepoint:status')!.args[0];
    expect(status).toMatchObject({ fixedSeed: true });
  });
});

describe('5. Host header, CSP and security headers', () => {
  it('refuses a forged Host on lobby routes, files and the socket handshake', async () => {
    server = await startTestServer({ lobby: { publicUrl: 'https://play.example.org' } });
    const good = await rawRequest(server.url, '/api/scenarios', `127.0.0.1:${server.port}`);
    expect(good.status).toBe(200);
    expect((await rawRequest(server.url, '/api/scenarios', 'play.example.org')).status).toBe(200);
    for (const host of ['evil.example', 'play.example.org.evil.example', 'a b', 'localhost.evil']) {
      const r = await rawRequest(server.url, '/api/scenarios', host);
      expect([400, 421]).toContain(r.status);
      const w = await rawRequest(server.url, '/api/matches', host, 'POST', '{"scenario":"quick"}');
      expect(w.status).not.toBe(201);
    }
    // The socket upgrade with a forged Host and a "same-host" Origin is refused.
    const forged = await new Promise<string>((ok) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${server!.port}/socket.io/?EIO=4&transport=websocket`,
        { headers: { host: 'evil.example', origin: 'http://evil.example' } },
      );
      ws.on('open', () => ok('open'));
      ws.on('error', () => ok('refused'));
      ws.on('unexpected-response', () => ok('refused'));
    });
    expect(forged).toBe('refused');
    const polling = await rawRequest(
      server.url,
      '/socket.io/?EIO=4&transport=polling',
      'evil.example',
    );
    expect(polling.status).toBe(403);
    // And with the right Host the socket connects.
    const ok = client(server.url);
    await ok.connected();
  });

  it('allows loopback names when listening on loopback, and IP literals when no host is named', () => {
    const loop = hostPolicy({ listenHost: '127.0.0.1' });
    expect(loop('localhost:8000')).toBe(true);
    expect(loop('[::1]:8000')).toBe(true);
    expect(loop('192.168.1.5:8000')).toBe(true);
    expect(loop('rebind.evil.example')).toBe(false);
    const named = hostPolicy({ listenHost: '0.0.0.0', publicUrl: 'https://game.school.org' });
    expect(named('game.school.org')).toBe(true);
    expect(named('GAME.school.org:443')).toBe(true);
    expect(named('localhost')).toBe(false);
    expect(named('10.0.0.1')).toBe(false);
  });

  it("sends CSP connect-src 'self', Permissions-Policy and the usual headers on every response", async () => {
    server = await startTestServer();
    for (const path of ['/api/scenarios', '/api/nope', '/anything']) {
      const r = await rawRequest(server.url, path, `127.0.0.1:${server.port}`);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/connect-src[^;]*\bws:/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(String(r.headers['permissions-policy'])).toContain('camera=()');
      expect(String(r.headers['permissions-policy'])).toContain('geolocation=()');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });
});

describe('7. rate limits', () => {
  it('groups IPv6 by /64 and keeps IPv4 (also when mapped) as is', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::99')).toBe(addressKey('2001:db8:1:2:ffff::1'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
  });

  it('does not forget a busy address however many others come (bounded LRU)', () => {
    const limiter = new RateLimiter(0.001, 5, 1000);
    for (let i = 0; i < 5; i++) expect(limiter.take('attacker')).toBe(true);
    expect(limiter.take('attacker')).toBe(false);
    // 10,050 other addresses: the table stays at 1,000 entries, and the attacker, who keeps
    // trying, stays among the most recently used and so stays limited.
    for (let i = 0; i < 10_050; i++) {
      limiter.take(`10.0.${i >> 8}.${i & 255}`);
      if (i % 100 === 0) expect(limiter.take('attacker')).toBe(false);
    }
    expect(limiter.take('attacker')).toBe(false);
    const lru = new LruMap<number>(3);
    ['a', 'b', 'c'].forEach((k, i) => lru.getOr(k, () => i));
    lru.get('a');
    lru.getOr('d', () => 3);
    expect(lru.size).toBe(3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(0);
  });

  it('join codes: 12 letters of 32, uniform; guessing spends a per-address budget, hits are free', async () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newJoinCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[A-HJ-NP-Z2-9]{${JOIN_CODE_LENGTH}}$`));
    // 32^12 codes at 24,000 guesses a minute, against 100,000 live codes, takes centuries.
    const years = 32 ** 12 / 100_000 / (24_000 * 60 * 24 * 365);
    expect(years).toBeGreaterThan(100);

    server = await startTestServer({
      lobby: { codeMissesPerMinute: 1, codeMissBurst: 5, openMatchesPerAddress: 100 },
    });
    const priv = await createMatch(server.url, { visibility: 'private' });
    // A class of 30 behind one NAT: every right code succeeds.
    for (let i = 0; i < 30; i++)
      expect((await api(server.url, 'GET', `/api/codes/${priv.joinCode}`)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await api(server.url, 'GET', `/api/codes/ZZZZZZZZZZ${i}2`)).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Private joins with a wrong code spend the same budget.
    const wrong = await api(server.url, 'POST', `/api/matches/${priv.matchID}/join`, {
      seat: '0',
      name: 'G',
      code: 'WRONGWRONG22',
    });
    expect(wrong.status).toBe(429);
  });
});

describe('8. names', () => {
  it('strips format, control, bidi and filler characters and needs a visible one', () => {
    expect(cleanName('Ann\u061C')).toBe('Ann');
    expect(cleanName('\u2060\u2061\u2062Bo')).toBe('Bo');
    expect(cleanName('a\u{E0041}\u{E0042}b')).toBe('ab');
    expect(cleanName('\u202Eevil\u202C')).toBe('evil');
    expect(cleanName('Zo\u00EB  \u00ADQ\u200B')).toBe('Zoë Q');
    expect(cleanName('x\uFE0F\u034F')).toBe('x');
    for (const blank of [
      '\u00AD',
      '\u3164',
      '\u115F\u1160',
      '\uFFA0',
      '\u2800',
      ' \u200B ',
      '\u0301',
    ])
      expect(() => cleanName(blank)).toThrow(/visible/);
    expect(() => cleanName('x'.repeat(25))).toThrow(/1-24/);
  });
});

describe('9. open matches per address and expiry', () => {
  it('caps unfinished matches per address; finished ones no longer count', async () => {
    server = await startTestServer({
      lobby: { openMatchesPerAddress: 3, writesPerSecond: 1000, writeBurst: 1000 },
    });
    const made: { matchID: string }[] = [];
    for (let i = 0; i < 3; i++) made.push(await createMatch(server.url));
    const extra = await api(server.url, 'POST', '/api/matches', { scenario: 'quick' });
    expect(extra.status).toBe(429);
    // One ends: the address may create another.
    await server.authority.mutate(made[0]!.matchID, (m) => ({ ...m, gameover: { winner: '0' } }));
    expect((await api(server.url, 'POST', '/api/matches', { scenario: 'quick' })).status).toBe(201);
  });

  it('expires matches idle past the limit, keeps the rest: storage stays bounded', async () => {
    const realNow = Date.now;
    let now = realNow();
    Date.now = () => now; // the store stamps creations and moves with this clock
    try {
      server = await startTestServer({
        sweep: { idleMs: 14 * 86_400_000, finishedMs: 90 * 86_400_000, everyMs: 0 },
      });
      const store = server.authority.store;
      // Matches are stamped by the process that creates them, with its own clock: they are made
      // on the process whose clock this test moves (behind nginx, the others keep the machine's).
      const own = ownProcessUrl(server);
      const old: { matchID: string }[] = [];
      for (let i = 0; i < 20; i++) old.push(await createMatch(own));
      // (Moves go straight to the authority: a socket client would see its pings expire
      // as this test's clock jumps by days.)
      const advance = (stateID: number) =>
        server!.authority.submit(
          old[0]!.matchID,
          '0',
          { type: 'MAKE_MOVE', payload: { type: 'advance', args: [1] } },
          stateID,
        );
      now += 10 * 86_400_000;
      expect(await server.sweeper.sweep()).toBe(0);
      const fresh = await createMatch(own, {});
      now += 5 * 86_400_000; // 15 days after the first 20, 5 after the fresh one
      // A move keeps its match alive.
      expect(await advance(0)).toMatchObject({ ok: true });
      expect(await server.sweeper.sweep()).toBe(19);
      expect(await store.count()).toBe(2);
      expect((await api(server.url, 'GET', `/api/matches/${old[1]!.matchID}`)).status).toBe(404);
      expect((await api(server.url, 'GET', `/api/matches/${old[0]!.matchID}`)).status).toBe(200);
      expect((await api(server.url, 'GET', `/api/matches/${fresh.matchID}`)).status).toBe(200);
      now += 100 * 86_400_000;
      expect(await server.sweeper.sweep()).toBe(2);
      expect(await store.count()).toBe(0);
      // A seat still playing an expired match gets "match not found", nothing else.
      expect(await advance(1)).toMatchObject({ ok: false, error: 'match not found' });
    } finally {
      Date.now = realNow;
    }
  });
});

describe('10. HTTP timeouts and connection caps', () => {
  // Behind nginx (TEST_CLUSTER=1) nginx holds the clients' connections: the suite's header
  // timeout and connections per address are set in nginx (client_header_timeout, limit_conn),
  // as docs/deploy.md says a deployment sets them, and each test asserts what a client notices.
  const behindNginx = TEST_PROCESSES > 1;
  /** A TCP connection from `from` (any 127.x address is this machine: another "client"). */
  const open = (port: number, from = '127.0.0.1'): Promise<TcpSocket> =>
    new Promise((ok, fail) => {
      const s = tcpConnect({ port, host: '127.0.0.1', localAddress: from }, () => ok(s));
      s.on('error', fail);
    });
  const closed = (s: TcpSocket, ms: number): Promise<boolean> =>
    new Promise((ok) => {
      if (s.destroyed) return ok(true);
      const t = setTimeout(() => ok(false), ms);
      s.once('close', () => {
        clearTimeout(t);
        ok(true);
      });
    });
  /** A socket.io WebSocket from `from`: 'open', or 'refused' (closed, or an HTTP error such as nginx's 429). */
  const webSocket = (port: number, from: string): Promise<{ ws: WebSocket; result: string }> =>
    new Promise((ok) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
        localAddress: from,
      });
      ws.on('open', () => ok({ ws, result: 'open' }));
      ws.on('error', () => ok({ ws, result: 'refused' }));
      ws.on('unexpected-response', () => ok({ ws, result: 'refused' }));
    });

  it('closes a connection whose headers never finish, and serves others meanwhile', async () => {
    server = await startTestServer({ http: { headersTimeoutMs: 500, requestTimeoutMs: 1000 } });
    const s = await open(server.port);
    s.write('GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // never ends the headers
    s.on('data', () => undefined);
    // A slowloris from another address: twenty such connections.
    const slow = await Promise.all(
      Array.from({ length: 20 }, () => open(server!.port, '127.0.0.2')),
    );
    for (const c of slow) {
      c.on('data', () => undefined);
      c.write('GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ');
    }
    expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    expect(await closed(s, 5000)).toBe(true);
    for (const c of slow) expect(await closed(c, 5000)).toBe(true);
  });

  it.runIf(!behindNginx)('caps connections per address and overall', async () => {
    server = await startTestServer({ http: { connectionsPerAddress: 5, maxConnections: 1000 } });
    const socks = await Promise.all(Array.from({ length: 5 }, () => open(server!.port)));
    const extra = await open(server.port);
    expect(await closed(extra, 2000)).toBe(true);
    expect(await closed(socks[0]!, 200)).toBe(false);
    socks.forEach((s) => s.destroy());
    await server.close();
    server = await startTestServer({ http: { connectionsPerAddress: 100, maxConnections: 3 } });
    const three = await Promise.all(Array.from({ length: 3 }, () => open(server!.port)));
    const fourth = await open(server.port);
    expect(await closed(fourth, 2000)).toBe(true);
    three.forEach((s) => s.destroy());
    await sleep(100);
    expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
  });

  it.runIf(behindNginx)(
    'behind nginx: idle connections stay with nginx, never fill a process, and close at its header timeout',
    async () => {
      // Each process allows 3 connections in all; nginx holds a client's idle connections
      // itself (limit_conn counts only connections with a request), so ten of them leave
      // every process free.
      server = await startTestServer({
        http: { connectionsPerAddress: 5, maxConnections: 3, headersTimeoutMs: 1000 },
      });
      const idle = await Promise.all(Array.from({ length: 10 }, () => open(server!.port)));
      expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
      for (const s of idle) expect(await closed(s, 5000)).toBe(true);
    },
  );

  it('refuses a flood of sockets from one address, keeps its first ones, and serves other addresses', async () => {
    server = await startTestServer({ http: { connectionsPerAddress: 5, maxConnections: 1000 } });
    const first = await Promise.all(
      Array.from({ length: 5 }, () => webSocket(server!.port, '127.0.0.2')),
    );
    expect(first.map((f) => f.result)).toEqual(Array(5).fill('open'));
    const extra = await webSocket(server.port, '127.0.0.2');
    expect(extra.result).toBe('refused');
    // A player at another address is served meanwhile, sockets and lobby alike.
    const other = client(server.url);
    await other.connected();
    expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    expect(first.every((f) => f.ws.readyState === WebSocket.OPEN)).toBe(true);
    for (const f of [...first, extra]) f.ws.terminate();
  });

  it('the shipped nginx file guards each client as one process does by default', () => {
    expect(shippedNginx()).toEqual({
      headerTimeoutMs: DEFAULT_HTTP.headersTimeoutMs,
      connectionsPerAddress: DEFAULT_HTTP.connectionsPerAddress,
    });
  });
});
