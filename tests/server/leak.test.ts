/**
 * Leak test: whole networked Chokepoint games played by scripted socket
 * clients (each deciding with the engine's bot from only what its socket
 * received), with a spectator watching. Every frame every socket receives is
 * recorded and checked: no seat ever holds another seat's secrets, nobody holds
 * the match secret, plugin data or credentials; and every field of every frame is
 * accounted for: only known events with known keys, ctx as the authority holds it, no
 * action echoed to anyone but the seat that acted (no other seat's move names or args).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry, State } from 'boardgame.io';
import { chooseBotMove } from '../../game/bots';
import { seatId } from '../../game/ids';
import { MOVE_NAMES } from '../../game/moves/types';
import type { GameState } from '../../game/state';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { api, Client, createMatch, join, startTestServer } from './helpers';

type Frame = { event: string; args: unknown[]; state?: State };

/** States (and initial states) carried by a frame (for a patch: the state the client rebuilt). */
function statesIn(f: Frame): State[] {
  if (f.event === 'update') return [f.args[1] as State];
  if (f.event === 'patch') return f.state ? [f.state] : [];
  if (f.event === 'sync') {
    const info = f.args[1] as { state: State; initialState: State };
    return [info.state, info.initialState];
  }
  return [];
}
function logsIn(f: Frame): LogEntry[] {
  if (f.event === 'update') return (f.args[2] as LogEntry[]) ?? [];
  if (f.event === 'patch') return (f.args[4] as LogEntry[]) ?? [];
  if (f.event === 'sync') return (f.args[1] as { log: LogEntry[] }).log ?? [];
  return [];
}

const MOVES = new Set<string>([...MOVE_NAMES, 'pass']);

/** Every string in a value (keys included), with the path it was found at. */
function strings(v: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof v === 'string') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}/${i}`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push([`${path}/${k}#key`, k]);
      strings(x, `${path}/${k}`, out);
    }
  return out;
}

const keys = (v: unknown): string[] => Object.keys(v as object).sort();

/** The shape of every frame: known events only, each with exactly the fields we mean to send. */
function checkShape(f: Frame, viewer: string | null, full: Map<number, State>): void {
  const state = (s: State): void => {
    expect(keys(s)).toEqual(['G', '_redo', '_stateID', '_undo', 'ctx', 'plugins']);
    expect(s._redo).toEqual([]);
    // Plugins carry no data (random's seed and state above all); log and events keep an empty {}.
    for (const plugin of Object.values(s.plugins as Record<string, { data?: unknown }>))
      expect([undefined, '{}']).toContain(plugin.data && JSON.stringify(plugin.data));
    const truth = full.get(s._stateID);
    // ctx (whose turn, counters) is public: exactly the authority's, nothing added.
    if (truth) expect(s.ctx).toEqual(truth.ctx);
  };
  switch (f.event) {
    case 'sync': {
      const info = f.args[1] as Record<string, unknown>;
      expect(keys(info)).toEqual(['filteredMetadata', 'initialState', 'log', 'state']);
      expect(info.log).toEqual([]);
      state(info.state as State);
      break;
    }
    case 'update':
      expect(f.args).toHaveLength(3);
      state(f.args[1] as State);
      break;
    case 'patch':
      expect(f.args).toHaveLength(5);
      if (f.state) state(f.state);
      break;
    case 'matchData':
      for (const seat of f.args[1] as Record<string, unknown>[]) {
        expect(keys(seat).every((k) => ['data', 'id', 'isConnected', 'name'].includes(k))).toBe(
          true,
        );
        expect(
          keys(seat.data).every((k) => ['botLevel', 'kind', 'label', 'role'].includes(k)),
        ).toBe(true);
      }
      break;
    case 'chokepoint:status':
      expect(keys(f.args[0])).toEqual(['fixedSeed', 'gameover', 'matchID', 'paused']);
      break;
    default:
      throw new Error(`unexpected ${f.event} frame to ${viewer}`);
  }
  // Action echoes: a viewer's log holds only its own actions, so no frame names another
  // seat's move (nor carries its args); spectators get no actions at all.
  for (const e of logsIn(f)) {
    expect(viewer).not.toBeNull();
    expect(e.action.payload.playerID).toBe(viewer);
  }
  const own = new Set(logsIn(f));
  const rest = {
    ...f,
    args: f.args.map((a) => (Array.isArray(a) ? a.filter((x) => !own.has(x)) : a)),
  };
  const named = strings(rest, '', []).filter(([, s]) => MOVES.has(s));
  expect(named).toEqual([]);
}

function checkFrame(
  f: Frame,
  viewer: string | null,
  roles: string[],
  tokens: string[],
  full: Map<number, State>,
): void {
  const text = JSON.stringify(f);
  for (const t of tokens) expect(text).not.toContain(t);
  checkShape(f, viewer, full);
  for (const s of statesIn(f)) {
    const G = s.G as GameState;
    expect(G.secret).toBeNull();
    expect((s.plugins as Record<string, { data?: unknown }>).random?.data).toBeUndefined();
    expect(s._undo).toEqual([]);
    const seesAll = G.over || (viewer !== null && roles[Number(viewer)] === 'facilitator');
    if (!seesAll) {
      for (const [seat, firm] of Object.entries(G.firms)) {
        if (seat === viewer) continue;
        expect(firm.secrets.redacted).toBe(true);
        expect(firm.secrets.couriers).toEqual([]);
        expect(firm.secrets.history).toEqual([]);
        expect(firm.secrets.cash).toBe(0);
      }
      for (const e of G.log) expect(e.to === 'public' || e.to === viewer).toBe(true);
    }
    const truth = full.get(s._stateID);
    if (truth && (f.event === 'update' || f.event === 'patch')) {
      expect(G).toEqual(
        chokepointServed.game.playerView!({
          G: truth.G,
          ctx: truth.ctx,
          playerID: viewer,
        } as never),
      );
    }
  }
  for (const e of logsIn(f)) {
    const by = e.action.payload.playerID;
    if (
      e.action.type === 'MAKE_MOVE' &&
      by !== viewer &&
      roles[Number(by)] === 'firm' &&
      e.action.payload.type !== 'pass'
    ) {
      expect(e.action.payload.args).toBeNull();
    }
  }
}

describe.each([
  ['classroom', false],
  ['suitcase2024', false],
  ['permit2025', false],
  ['classroom', true],
  ['permit2025', true],
])('no leaks in a networked %s game (patch frames: %s)', (scenario, patches) => {
  let server: RunningServer;
  const full = new Map<number, State>();
  beforeEach(async () => {
    server = await startTestServer({ served: chokepointServed });
    server.authority.onUpdate((_m, s) => full.set(s._stateID, s));
  });
  afterEach(async () => server.close());

  it(
    'every frame to every seat and spectator holds only what that viewer may see',
    { timeout: 120_000 },
    async () => {
      const roles = chokepointServed.scenarios[scenario]!.seats.map((s) => s.role);
      const m = await createMatch(server.url, {
        scenario,
        seed: `leak-${scenario}`,
        fixedSeed: true,
      });
      const tokens = [m.creatorToken];
      const { state: initial } = await server.authority.store.fetch(m.matchID, { state: true });
      full.set(0, initial!);
      const players: { seat: string; client: Client }[] = [];
      for (const [i, role] of roles.entries()) {
        const seat = String(i);
        const cred = await join(
          server.url,
          m.matchID,
          seat,
          `${role}-${i}`,
          undefined,
          role === 'facilitator' ? m.creatorToken : undefined,
        );
        tokens.push(cred);
        const client = new Client(server.url, {}, { patches });
        players.push({ seat, client });
        let sent = -1;
        const act = (): void => {
          const s = client.state;
          if (
            !s ||
            s.ctx.gameover !== undefined ||
            s.ctx.currentPlayer !== seat ||
            sent === s._stateID
          )
            return;
          sent = s._stateID;
          const choice = chooseBotMove(
            s.G as GameState,
            seatId(seat),
            i % 2 ? 'random' : 'heuristic',
            `${seat}:${s._stateID}`,
          );
          void client.move(m.matchID, seat, choice.move, [choice.args], s._stateID);
        };
        client.socket.on('update', () => setImmediate(act));
        client.socket.on('patch', () => setImmediate(act));
        client.socket.on('sync', () => setImmediate(act));
        await client.sync(m.matchID, seat, cred);
      }
      const spectator = new Client(server.url, {}, { patches });
      await spectator.sync(m.matchID, null);
      await spectator.waitFor(() => spectator.state?.ctx.gameover !== undefined, 100_000);
      const info = await api(server.url, 'GET', `/api/matches/${m.matchID}`);
      expect(info.json.gameover).not.toBeNull();

      const viewers = [
        ...players.map((p) => ({ viewer: p.seat as string | null, client: p.client })),
        { viewer: null, client: spectator },
      ];
      let frames = 0;
      for (const { viewer, client } of viewers) {
        expect(client.errors).toEqual([]);
        expect(client.patchFailures).toBe(0);
        // Patch readers got patches (after their first full view), and every one applied.
        if (patches)
          expect(client.frames.filter((f) => f.event === 'patch').length).toBeGreaterThan(10);
        else expect(client.frames.some((f) => f.event === 'patch')).toBe(false);
        for (const f of client.frames) {
          checkFrame(f, viewer, roles, tokens, full);
          frames++;
        }
        // A seat that plays still gets its own actions back (and only those: checkShape).
        if (viewer !== null && roles[Number(viewer)] !== 'facilitator')
          expect(client.frames.flatMap(logsIn).some((e) => e.action.type === 'MAKE_MOVE')).toBe(
            true,
          );
        else expect(client.frames.flatMap(logsIn)).toEqual([]);
        // The check is not vacuous: a firm's own socket did receive its unredacted secrets.
        if (viewer !== null && roles[Number(viewer)] === 'firm') {
          const own = client.frames
            .flatMap(statesIn)
            .map((s) => (s.G as GameState).firms[viewer]?.secrets);
          expect(own.some((sec) => sec && sec.redacted === undefined && sec.cash > 0)).toBe(true);
        }
        client.close();
      }
      expect(frames).toBeGreaterThan(50);
      expect([...full.values()].every((s) => (s.G as GameState).secret !== null)).toBe(true);
    },
  );
});
