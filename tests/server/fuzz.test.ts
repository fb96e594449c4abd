/**
 * Fuzz: thousands of malformed and hostile socket frames and lobby requests
 * against a live server. Each is answered with an error, the server stays up,
 * and the match's state, log and metadata are unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { api, Client, createMatch, join, startTestServer, type Created } from './helpers';

const N = Number(process.env.FUZZ_FRAMES ?? 3000);
const SEED = 20240317;

describe('fuzz', () => {
  let server: RunningServer;
  let m: Created;
  let attacker: Client;
  let snapshot: string;
  const take = async () =>
    JSON.stringify([
      await server.authority.store.fetch(m.matchID, { state: true, log: true, metadata: true }),
      (await server.authority.store.listMatches()).length,
    ]);

  beforeAll(async () => {
    server = await startTestServer();
    m = await createMatch(server.url, { seed: 'fuzz', fixedSeed: true });
    const cred = await join(server.url, m.matchID, '0');
    attacker = new Client(server.url);
    await attacker.sync(m.matchID, '0', cred);
    snapshot = await take();
  });
  afterAll(async () => {
    attacker.close();
    await server.close();
  });

  const junk = fc.jsonValue({ maxDepth: 4 });
  const actionType = fc.constantFrom(
    'MAKE_MOVE',
    'GAME_EVENT',
    'UPDATE',
    'RESET',
    'PATCH',
    'SYNC',
    'UNDO',
    'REDO',
    'PLUGIN',
    '__proto__',
  );
  const name = fc.oneof(
    fc.constantFrom(
      'advance',
      'stash',
      'endGame',
      'endTurn',
      'constructor',
      '__proto__',
      'toString',
      '',
    ),
    fc.string(),
  );
  const badArgs = fc.oneof(
    fc.constant([99]),
    fc.constant([0]),
    fc.constant(['x'.repeat(70)]),
    junk,
    fc.array(junk, { maxLength: 4 }),
  );
  const hostileAction = fc.record({
    type: actionType,
    payload: fc.record({
      type: name,
      args: badArgs,
      playerID: fc.oneof(junk, fc.constantFrom('0', '1')),
    }),
    state: junk,
  });
  const badStateID = fc.oneof(
    fc.integer().filter((n) => n !== 0),
    junk.filter((v) => v !== 0),
  );
  const frame = fc.oneof(
    fc.tuple(
      fc.constant('update'),
      hostileAction,
      badStateID,
      fc.oneof(fc.constant(m0()), junk),
      fc.oneof(fc.constant('0'), junk),
    ),
    fc.tuple(fc.constant('update'), junk, junk, junk, junk),
    fc.tuple(
      fc.constant('sync'),
      fc.oneof(junk, fc.string()),
      fc
        .oneof(fc.constantFrom('0', '1', '2', '3', '99'), junk)
        .filter((p) => p !== null && p !== undefined),
      junk,
    ),
    fc.tuple(
      fc.constant('chat'),
      fc.oneof(fc.constant(m0()), junk),
      fc.oneof(
        junk.filter((j) => typeof j !== 'object' || j === null),
        fc.record({
          id: junk,
          payload: fc.oneof(fc.integer(), fc.string({ minLength: 501, maxLength: 600 })),
        }),
      ),
    ),
    fc.tuple(
      fc.oneof(
        fc.string(),
        fc.constantFrom('connect', 'disconnecting', 'matchData', 'patch', 'chokepoint:error'),
      ),
      junk,
    ),
  );
  function m0(): string {
    return m?.matchID ?? 'x';
  }

  it(
    `answers ${N} hostile socket frames with errors and changes nothing`,
    { timeout: 120_000 },
    async () => {
      const frames = fc.sample(frame, { numRuns: N, seed: SEED });
      let answered = 0;
      for (const [event, ...args] of frames) {
        if (
          [
            'connect',
            'disconnect',
            'disconnecting',
            'connect_error',
            'newListener',
            'removeListener',
          ].includes(event as string)
        )
          continue; // reserved client-side
        const reply = await attacker.call(event as string, ...args);
        expect(reply.ok, JSON.stringify([event, ...args]).slice(0, 300)).toBe(false);
        expect(typeof reply.error).toBe('string');
        answered++;
      }
      expect(answered).toBeGreaterThan(N * 0.9);
      expect(attacker.socket.connected).toBe(true);
      expect(await take()).toBe(snapshot);
    },
  );

  it(
    'survives raw garbage on the socket.io wire (bad packets close that connection only)',
    { timeout: 60_000 },
    async () => {
      const raw = fc.sample(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '42["update",',
            '42/chokepoint,["update"',
            '4',
            '451-["x",{"_placeholder":true,"num":9}]',
            '2probe',
            '40/nope,',
          ),
          fc.jsonValue().map((v) => '42/chokepoint,' + JSON.stringify(v)),
        ),
        { numRuns: 300, seed: SEED },
      );
      const port = server.port;
      for (let i = 0; i < raw.length; i += 30) {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
        await new Promise<void>((ok) => {
          ws.once('open', () => {
            ws.send('40/chokepoint,');
            for (const msg of raw.slice(i, i + 30)) ws.send(msg);
            setTimeout(() => (ws.close(), ok()), 20);
          });
          ws.once('error', () => ok());
        });
      }
      expect((await attacker.move(m.matchID, '0', 'advance', [9], 0)).ok).toBe(false); // the seated socket still works
      expect(await take()).toBe(snapshot);
    },
  );

  /** Hostile lobby requests: paths under /api with dot segments, codes, junk; junk bodies. */
  const hostileRequests = (numRuns: number, seed: number) => {
    const seg = fc.oneof(
      fc.constantFrom(
        m0(),
        m.joinCode,
        '..',
        '%2e%2e',
        'pause',
        'resume',
        'join',
        'leave',
        'seat',
        '0',
        '3',
        '__proto__',
      ),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const path = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(
            '/api/matches/',
            '/api/codes/',
            '/api/',
            '/api/matches/' + m0() + '/',
            '/api/matches/' + m0() + '/seat/',
          ),
          seg,
        )
        .map(([a, b]) => a + b),
      fc.array(seg, { maxLength: 4 }).map((s) => '/api/' + s.join('/')),
    );
    const body = fc.oneof(
      junk.map((j) => JSON.stringify(j)),
      fc.string(),
      fc.constant('{"scenario":"nope"}'),
      fc.constant('{"scenario":"quick","seats":7}'),
      fc.constant('{"seat":"0","name":""}'),
      fc.constant('x'.repeat(20_000)),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      path,
      body,
      ctype: fc.constantFrom('application/json', 'text/plain', ''),
      auth: fc.oneof(
        fc.constant(''),
        fc.string().map((s) => `Bearer ${s}`),
      ),
    });
    return fc.sample(request, { numRuns, seed }).map((r) => {
      const headers: Record<string, string> = {};
      if (r.ctype) headers['content-type'] = r.ctype;
      if (r.auth && /^[\x20-\x7e]*$/.test(r.auth)) headers.authorization = r.auth;
      return { method: r.method, path: r.path, headers, body: r.method === 'GET' ? '' : r.body };
    });
  };
  const okGets = () =>
    new Set([
      '/api/matches',
      '/api/scenarios',
      `/api/matches/${m.matchID}`,
      `/api/codes/${m.joinCode}`,
    ]);
  /** A refusal a player can read: 4xx, an error if JSON, never a stack trace or a secret. */
  const expectClearRefusal = (what: string, status: number, type: string | null, text: string) => {
    expect(status, `${what} -> ${text.slice(0, 100)}`).toBeGreaterThanOrEqual(400);
    expect(status, `${what} -> ${text.slice(0, 100)}`).toBeLessThan(500);
    if (type?.startsWith('application/json')) expect(JSON.parse(text)).toHaveProperty('error');
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain(m.creatorToken);
  };

  it(
    `answers ${N} hostile lobby requests with errors and changes nothing`,
    { timeout: 120_000 },
    async () => {
      const ok = okGets();
      for (const r of hostileRequests(N, SEED)) {
        // fetch resolves dot segments first (as a browser does): what it sends is `sent`.
        const sent = new URL(server.url + r.path).pathname;
        const res = await fetch(server.url + r.path, {
          method: r.method,
          headers: r.headers,
          ...(r.method === 'GET' ? {} : { body: r.body }),
        });
        const text = await res.text();
        if (r.method === 'GET' && ok.has(sent)) continue;
        expectClearRefusal(
          `${r.method} ${r.path}`,
          res.status,
          res.headers.get('content-type'),
          text,
        );
      }
      expect(await take()).toBe(snapshot);
      expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    },
  );

  it(
    `answers ${N / 3} hostile lobby requests sent as written (dot segments unresolved) with errors`,
    { timeout: 120_000 },
    async () => {
      // A hostile client sends `/api/resume/../%2e%2e` as it is. Every /api path is the lobby's
      // to answer, whatever it resolves to. Behind nginx (TEST_CLUSTER=1), nginx resolves dot
      // segments only to choose where to send a request, passes the path on as written, and
      // refuses one that climbs above the root itself (400).
      const ok = okGets();
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (const r of hostileRequests(N / 3, SEED + 1)) {
          const res = await raw(server.url, r.method, r.path, r.headers, r.body, agent);
          if (r.method === 'GET' && ok.has(r.path)) continue;
          expectClearRefusal(`${r.method} ${r.path}`, res.status, res.type, res.text);
        }
      } finally {
        agent.destroy();
      }
      expect(await take()).toBe(snapshot);
    },
  );
});

describe('API paths beside the built app', () => {
  let server: RunningServer;
  let appDir: string;
  const PAGE = '<!doctype html><title>the app</title>';
  beforeAll(async () => {
    appDir = mkdtempSync(joinPath(tmpdir(), 'chokepoint-app-'));
    writeFileSync(joinPath(appDir, 'index.html'), PAGE);
    server = await startTestServer({ staticDir: appDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(appDir, { recursive: true, force: true });
  });

  it("an /api path sent as written is the lobby's: never the app page, whatever it resolves to", async () => {
    const agent = new Agent({ keepAlive: false });
    try {
      for (const path of [
        '/api/resume/../%2e%2e',
        '/api/%2e%2e/',
        '/api/matches/../../index.html',
        '/api/nope',
        '/api/../x/../..',
      ]) {
        const r = await raw(server.url, 'GET', path, {}, '', agent);
        expect(r.status, path).toBeGreaterThanOrEqual(400);
        expect(r.status, path).toBeLessThan(500);
        expect(r.text, path).not.toContain(PAGE);
      }
    } finally {
      agent.destroy();
    }
    // A client that resolves the dot segments itself (fetch, a browser) asks for `/`, the page.
    const page = await fetch(server.url + '/api/resume/../%2e%2e');
    expect(new URL(page.url).pathname).toBe('/');
    expect(await page.text()).toBe(PAGE);
  });
});

/** One HTTP request with its path sent exactly as given (fetch would resolve dot segments). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  agent: Agent,
): Promise<{ status: number; type: string | null; text: string }> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, method, path, headers, agent }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? null, text }),
      );
    });
    req.on('error', fail);
    req.end(body || undefined);
  });
}
