/**
 * Leak test: whole networked Chokepoint games played by scripted socket clients, every seat
 * planning at once (each decides its round with the engine's bot from only what its socket
 * received, and sends its card, orders and submission one by one), with a spectator watching.
 * Every frame every socket receives is recorded and checked, every field of it: only known
 * events with known keys, ctx as the authority holds it, no action echoed to anyone but the seat
 * that acted; no seat ever holds another seat's plan (orders, hand, card, salt), a firm's
 * secrets or sealed orders, the true market or the regulator's intel; nobody holds the match
 * secret, plugin data, another seat's unrevealed move names or any credential.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry, State } from 'boardgame.io';
import { MOVE_NAMES } from '../../game/moves';
import type { GameState } from '../../game/state';
import type { RunningServer } from '../../src/server/app';
import type { BotMove } from '../../src/server/served/served-game';
import { chokepointServed, planChokepointBot } from '../../src/server/served/chokepoint';
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
function checkShape(
  f: Frame,
  viewer: string | null,
  roles: string[],
  full: Map<number, State>,
): void {
  const state = (s: State): void => {
    expect(keys(s)).toEqual(['G', '_redo', '_stateID', '_undo', 'ctx', 'plugins']);
    expect(s._redo).toEqual([]);
    // Plugins carry no data (random's seed and state above all); log and events keep an empty {}.
    for (const plugin of Object.values(s.plugins as Record<string, { data?: unknown }>))
      expect([undefined, '{}']).toContain(plugin.data && JSON.stringify(plugin.data));
    const truth = full.get(s._stateID);
    // ctx is the authority's, nothing added, except that each seat's count of planning actions is
    // the viewer's own: another seat's reads 0 (it would tell how many orders that seat gave).
    if (truth) {
      const counts = truth.ctx._activePlayersNumMoves;
      const shown = counts
        ? Object.fromEntries(Object.keys(counts).map((k) => [k, k === viewer ? counts[k] : 0]))
        : counts;
      expect(s.ctx).toEqual({ ...truth.ctx, _activePlayersNumMoves: shown });
      for (const [seat, n] of Object.entries(s.ctx._activePlayersNumMoves ?? {}))
        if (seat !== viewer) expect(n).toBe(0);
    }
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
    case 'chokepoint:error':
      // Seats plan at once, so a move may be sent on a state another seat's move just replaced.
      expect(f.args[0]).toEqual({ event: 'update', error: 'stale stateID' });
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
  // Move names may appear only where the viewer may read them: its own plan, the plans revealed
  // after resolution (game/views.ts decides whose), the scenario's switched-off moves.
  const mayName = new RegExp(
    `/G/(plans/${viewer ?? '-'}|opened|disabledMoves)(/|#|$)|^/args/3/\\d+/value`,
  );
  // At the end, and to the facilitator, every plan is revealed.
  const seesAll =
    (viewer !== null && roles[Number(viewer)] === 'facilitator') ||
    statesIn(f).some((s) => (s.G as GameState).over);
  if (seesAll) return;
  const named = strings(rest, '', []).filter(([path, s]) => MOVES.has(s) && !mayName.test(path));
  expect(named).toEqual([]);
  if (f.event === 'patch')
    for (const op of f.args[3] as { path: string; value?: unknown }[])
      if (!new RegExp(`^/G/(plans/${viewer ?? '-'}|opened|disabledMoves)(/|$)`).test(op.path))
        expect(
          strings(op.value, op.path, []).filter(([, s]) => MOVES.has(s)),
          `a move name in a patch to ${viewer}`,
        ).toEqual([]);
}

/** Every string anywhere in a value (keys included), to search a frame field by field. */
function stringSet(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringSet(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      stringSet(v, out);
    }
  return out;
}

/**
 * What a viewer must never receive at this stateID: other seats' salts (a firm's, of every round
 * so far: its desk's salt in every state up to this one) and the ids of another firm's hidden
 * things.
 */
function forbiddenAt(
  full: Map<number, State>,
  stateID: number,
  viewer: string | null,
  roles: string[],
): string[] {
  const truth = full.get(stateID);
  if (!truth) return [];
  const G = truth.G as GameState;
  if (G.over || (viewer !== null && roles[Number(viewer)] === 'facilitator')) return [];
  const out: string[] = [];
  for (const [seat, plan] of Object.entries(G.plans))
    if (seat !== viewer && plan.salt) out.push(plan.salt);
  for (const [id, earlier] of full) {
    if (id > stateID) continue;
    for (const [seat, plan] of Object.entries((earlier.G as GameState).plans))
      if (seat !== viewer && roles[Number(seat)] === 'firm' && plan.salt) out.push(plan.salt);
  }
  for (const [seat, firm] of Object.entries(G.firms)) {
    if (seat === viewer) continue;
    const f = firm.secrets;
    out.push(
      ...f.entities.filter((e) => !e.exposed).map((e) => e.id),
      ...f.leases.filter((l) => !l.exposed).map((l) => l.id),
      ...f.couriers.map((c) => c.id),
      ...f.trainings.filter((t) => !t.exposed).map((t) => t.id),
      ...f.models.map((m) => m.id),
    );
  }
  // Thing ids are numbered per firm: the viewer's own firm may hold the same ids.
  const own = viewer !== null && G.firms[viewer] ? stringSet(G.firms[viewer]) : new Set<string>();
  return out.filter((x) => !own.has(x));
}

function checkFrame(
  f: Frame,
  viewer: string | null,
  roles: string[],
  tokens: string[],
  full: Map<number, State>,
): void {
  const fields = stringSet(f.args);
  for (const t of tokens) expect(fields.has(t), 'a credential or token').toBe(false);
  // Every field of the frame itself (a patch's ops included), not only the state it leads to.
  const frameStateID =
    f.event === 'update'
      ? (f.args[1] as State)._stateID
      : f.event === 'patch'
        ? (f.args[2] as number)
        : f.event === 'sync'
          ? (f.args[1] as { state: State }).state._stateID
          : undefined;
  if (frameStateID !== undefined)
    for (const secret of forbiddenAt(full, frameStateID, viewer, roles))
      expect(fields.has(secret), `secret "${secret}" in a ${f.event} frame to ${viewer}`).toBe(
        false,
      );
  const text = JSON.stringify(f);
  for (const t of tokens) expect(text).not.toContain(t);
  checkShape(f, viewer, roles, full);
  for (const s of statesIn(f)) {
    const G = s.G as GameState;
    expect(G.secret).toBeNull();
    expect((s.plugins as Record<string, { data?: unknown }>).random?.data).toBeUndefined();
    expect(s._undo).toEqual([]);
    const seesAll = G.over || (viewer !== null && roles[Number(viewer)] === 'facilitator');
    for (const secret of forbiddenAt(full, s._stateID, viewer, roles))
      expect(stringSet(s).has(secret), `secret "${secret}" to ${viewer}`).toBe(false);
    if (!seesAll) {
      expect(G.market, 'the true market').toBeNull();
      if (viewer === null || roles[Number(viewer)] !== 'regulator')
        expect(G.regulator.intel, "the regulator's intel").toEqual([]);
      for (const [seat, plan] of Object.entries(G.plans)) {
        if (seat === viewer) continue;
        expect(plan.orders, `seat ${seat}'s orders`).toEqual([]);
        expect(plan.hand, `seat ${seat}'s hand`).toEqual([]);
        expect(plan.card, `seat ${seat}'s card`).toBeNull();
        expect(plan.salt, `seat ${seat}'s salt`).toBe('');
      }
      for (const opened of G.opened) {
        if (opened.seat === viewer || roles[Number(opened.seat)] !== 'firm') continue;
        expect(opened.orders, "a firm's sealed orders").toBeNull();
        expect(opened.salt).toBeNull();
      }
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
    if (e.action.type === 'MAKE_MOVE' && by !== viewer)
      expect(e.action.payload.args, `${e.action.payload.type} by ${by}`).toBeNull();
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
      const stale: string[] = [];
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
        const level = i % 2 ? 'random' : 'heuristic';
        let round = -1;
        let queue: BotMove[] = [];
        let busy = false;
        // One planning action at a time: the next of this round's plan, on the state it holds.
        // Other seats move meanwhile, so a move may find its stateID stale: it is sent again
        // on the newer state.
        const act = (): void => {
          const s = client.state;
          if (!s || busy || s.ctx.gameover !== undefined) return;
          const G = s.G as GameState;
          const desk = G.plans[seat];
          if (!desk || desk.submitted) return;
          if (G.round !== round) {
            round = G.round;
            queue = planChokepointBot(s, seat, level, `${seat}:${round}`);
          }
          const next = queue[0];
          if (!next) return;
          busy = true;
          void client.move(m.matchID, seat, next.move, next.args, s._stateID).then((reply) => {
            busy = false;
            if (reply.ok) queue.shift();
            else stale.push(String(reply.error));
            setImmediate(act);
          });
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
        expect(client.errors.filter((e) => e !== 'stale stateID')).toEqual([]);
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
        // The checks are not vacuous: each seat's socket did receive its own salt, and a firm's
        // its unredacted secrets.
        if (viewer !== null && roles[Number(viewer)] !== 'facilitator')
          expect(
            client.frames
              .flatMap(statesIn)
              .some((s) => ((s.G as GameState).plans[viewer]?.salt ?? '') !== ''),
          ).toBe(true);
        if (viewer !== null && roles[Number(viewer)] === 'firm') {
          const own = client.frames
            .flatMap(statesIn)
            .map((s) => (s.G as GameState).firms[viewer]?.secrets);
          expect(own.some((sec) => sec && sec.redacted === undefined && sec.cash > 0)).toBe(true);
        }
        client.close();
      }
      expect(frames).toBeGreaterThan(50);
      expect(
        stale.filter((e) => e !== 'stale stateID'),
        'refused planning actions',
      ).toEqual([]);
      expect([...full.values()].every((s) => (s.G as GameState).secret !== null)).toBe(true);
    },
  );
});
