import { io as connect, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import { applyPatch, type Operation } from 'rfc6902';
import type { AddressInfo } from 'node:net';
import { matchHintQuery, PATCHES_QUERY } from '../../src/protocol';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import { DirectStep } from '../../src/server/authority/direct-step';
import { MemoryStore } from '../../src/server/storage/memory';
import { fixtureServed } from './fixtures/game';

export type Json = Record<string, unknown>;

/** Limits high enough for a test's crowd of clients from one address. */
const TEST_LIMITS = {
  lobby: {
    writesPerSecond: 10_000,
    writeBurst: 10_000,
    codeMissBurst: 10_000,
    openMatchesPerAddress: 10_000,
  },
  limits: {
    perSecond: 10_000,
    burst: 10_000,
    syncBurst: 10_000,
    matchSyncBurst: 10_000,
    addressSyncBurst: 10_000,
  },
};

/**
 * How many server processes startTestServer runs: TEST_CLUSTER=1 runs three behind nginx. A
 * limit that guards one process's own resources (its sockets) is per process, so a suite that
 * fills it fills it on each.
 */
export const TEST_PROCESSES = process.env.TEST_CLUSTER === '1' ? 3 : 1;

/**
 * A server on the fixture game (unless `over.served` says otherwise). The fixture must take the
 * direct step, the path Chokepoint's moves take in production: this refuses to start otherwise.
 */
export async function startTestServer(over: Partial<ServerOptions> = {}): Promise<RunningServer> {
  // TEST_CLUSTER=1: the same suites against three processes behind nginx on PostgreSQL and
  // Redis (cluster-server.ts); this process runs one of them, so its authority hears every move.
  if (process.env.TEST_CLUSTER === '1' && !over.store) {
    const { startClusterTestServer } = await import('./cluster-server');
    return startClusterTestServer(over, TEST_LIMITS);
  }
  const server = await startServer({
    served: fixtureServed(),
    store: new MemoryStore(),
    ...TEST_LIMITS,
    ...over,
  });
  if (!over.served && server.authority.direct === null) {
    await server.close();
    throw new Error(
      `the fixture game left the direct path: ${DirectStep.unmodelled(server.authority.game).join(', ')}`,
    );
  }
  return server;
}

/**
 * The address of the process this test runs itself, past any load balancer: with
 * TEST_CLUSTER=1, the one of the three whose authority and clock (Date.now) the test holds.
 * On one process, simply its address.
 */
export function ownProcessUrl(server: RunningServer): string {
  return `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
}

export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json, text, headers: res.headers };
}

export interface Created {
  matchID: string;
  joinCode: string;
  creatorToken: string;
}

export async function createMatch(base: string, body: Json = {}): Promise<Created> {
  const r = await api(base, 'POST', '/api/matches', { scenario: 'quick', ...body });
  if (r.status !== 201) throw new Error(`create failed ${r.status} ${r.text}`);
  return r.json as unknown as Created;
}

export async function join(
  base: string,
  matchID: string,
  seat: string,
  name = `P${seat}`,
  code?: string,
  creatorToken?: string,
): Promise<string> {
  const headers: Record<string, string> = creatorToken
    ? { authorization: `Bearer ${creatorToken}` }
    : {};
  const r = await api(
    base,
    'POST',
    `/api/matches/${matchID}/join`,
    { seat, name, ...(code ? { code } : {}) },
    headers,
  );
  if (r.status !== 200) throw new Error(`join failed ${r.status} ${r.text}`);
  return r.json.credentials as string;
}

/**
 * A raw socket client that records every frame it receives. With `patches` it asks for
 * boardgame.io `patch` frames and applies them the way boardgame.io's client does (to a JSON
 * copy of the state it holds, only if that is the patch's base); `state` on a patch frame is
 * the state it rebuilt (undefined if the patch did not apply).
 */
export class Client {
  readonly socket: Socket;
  readonly frames: { event: string; args: unknown[]; state?: State }[] = [];
  state: State | undefined;
  errors: string[] = [];
  patchFailures = 0;

  constructor(
    base: string,
    extraHeaders: Record<string, string> = {},
    /** `matchID`: name the match in the handshake, as the app does (a load balancer's hint). */
    opts: { patches?: boolean; matchID?: string } = {},
  ) {
    const query = {
      ...(opts.patches ? PATCHES_QUERY : {}),
      ...(opts.matchID ? matchHintQuery(opts.matchID) : {}),
    };
    this.socket = connect(base + '/chokepoint', {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders,
      ...(Object.keys(query).length > 0 ? { query } : {}),
    });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      if (event === 'patch') {
        const [, prevStateID, stateID, ops] = args as [string, number, number, Operation[]];
        const next =
          this.state && this.state._stateID === prevStateID
            ? (JSON.parse(JSON.stringify(this.state)) as State)
            : undefined;
        const ok =
          !!next && applyPatch(next, ops).every((e) => e === null) && next._stateID === stateID;
        if (ok) this.state = next;
        else this.patchFailures++;
        this.frames.push({ event, args, ...(ok ? { state: next } : {}) });
        return;
      }
      this.frames.push({ event, args });
      if (event === 'sync') this.state = (args[1] as { state: State }).state;
      if (event === 'update') this.state = args[1] as State;
      if (event === 'chokepoint:error') this.errors.push((args[0] as { error: string }).error);
    });
  }

  connected(): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.socket.connected) return ok();
      this.socket.once('connect', () => ok());
      this.socket.once('connect_error', (e) => fail(e));
    });
  }

  /** Emits with an ack and resolves with the server's reply. */
  call(event: string, ...args: unknown[]): Promise<Json> {
    return this.socket.timeout(5000).emitWithAck(event, ...args) as Promise<Json>;
  }

  async sync(matchID: string, playerID: string | null, credentials?: string): Promise<Json> {
    await this.connected();
    return this.call('sync', matchID, playerID, credentials, 4);
  }

  move(
    matchID: string,
    playerID: string,
    move: string,
    args: unknown[],
    stateID = this.state?._stateID,
  ): Promise<Json> {
    return this.call(
      'update',
      { type: 'MAKE_MOVE', payload: { type: move, args, playerID } },
      stateID,
      matchID,
      playerID,
    );
  }

  waitFor(pred: () => boolean, ms = 5000): Promise<void> {
    return waitUntil(pred, ms);
  }

  close(): void {
    this.socket.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves as soon as `pred` holds (checked every few ms), fails after `ms`. Tests wait on the
 * event they expect with this, never for a fixed time: a slow machine only makes them slower.
 */
export function waitUntil(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  return new Promise((ok, fail) => {
    const tick = () =>
      pred()
        ? ok()
        : Date.now() - start > ms
          ? fail(new Error(`timeout waiting for ${what}`))
          : setTimeout(tick, 5);
    tick();
  });
}

/**
 * Proves the server has finished with every frame `c` sent before: a refused move from `c`'s
 * seat goes through the same socket and the same per-match queue, so once its reply arrives
 * every earlier frame was processed, and anything the server sent `c` because of them arrived
 * first (socket.io keeps one connection's order). Absence checks run after this, not a sleep.
 */
export async function settled(c: Client, matchID: string, seat: string): Promise<void> {
  const reply = await c.call(
    'update',
    { type: 'MAKE_MOVE', payload: { type: '__sentinel__', args: [] } },
    -1,
    matchID,
    seat,
  );
  if (reply.ok !== false) throw new Error(`sentinel was not refused: ${JSON.stringify(reply)}`);
}
