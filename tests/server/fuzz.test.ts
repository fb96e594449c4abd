/**
 * Fuzz: thousands of malformed and hostile socket frames and lobby requests
 * against a live server. Each is answered with an error, the server stays up,
 * and the match's state, log and metadata are unchanged.
 */
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

  it(
    `answers ${N} hostile lobby requests with errors and changes nothing`,
    { timeout: 120_000 },
    async () => {
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
      const reqs = fc.sample(request, { numRuns: N, seed: SEED });
      const okGets = new Set([
        '/api/matches',
        '/api/scenarios',
        `/api/matches/${m.matchID}`,
        `/api/codes/${m.joinCode}`,
      ]);
      for (const r of reqs) {
        const headers: Record<string, string> = {};
        if (r.ctype) headers['content-type'] = r.ctype;
        if (r.auth && /^[\x20-\x7e]*$/.test(r.auth)) headers.authorization = r.auth;
        const res = await fetch(server.url + r.path, {
          method: r.method,
          headers,
          ...(r.method === 'GET' ? {} : { body: r.body }),
        });
        const text = await res.text();
        if (r.method === 'GET' && okGets.has(new URL(server.url + r.path).pathname)) continue;
        expect(res.status, `${r.method} ${r.path} -> ${text.slice(0, 100)}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(res.status).toBeLessThan(500);
        if (res.headers.get('content-type')?.startsWith('application/json'))
          expect(JSON.parse(text)).toHaveProperty('error');
      }
      expect(await take()).toBe(snapshot);
      expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    },
  );
});
