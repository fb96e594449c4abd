/**
 * Team seats: each member's draft action goes through the session with them as its author, so
 * the team sees who wrote each order and chose the card; nobody outside the team gets names
 * of another seat's drafts; a student without a seat cannot draft.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { GameState } from '../../game/state';
import type { StudentSnapshot } from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed, planChokepointBot } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { startTestServer, waitUntil } from './helpers';
import { command, createSession, joinAll, me, stateOf } from './session-helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function watch(base: string, sessionID: string, token: string) {
  const socket = connect(base + '/session', {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const snaps: StudentSnapshot[] = [];
  const frames: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    frames.push(JSON.stringify([event, args]));
    if (event === 'session:student') snaps.push(args[0] as StudentSnapshot);
  });
  const ready = socket.timeout(5000).emitWithAck('session:watch', { sessionID, token });
  const draft = (move: string, args: unknown[]) =>
    socket.timeout(5000).emitWithAck('session:draft', { move, args }) as Promise<{
      ok: boolean;
      error?: string;
    }>;
  return { socket, snaps, frames, ready, draft, last: () => snaps.at(-1) };
}

describe('team drafts', () => {
  it('shows the team who wrote each order and chose the card, and no one else', async () => {
    const srv = (server = await startTestServer({
      served: chokepointServed,
      store: new MemoryStore(),
      bots: { delayMs: 0 },
    }));
    const s = await createSession(srv.url, {
      tables: 1,
      policy: { teamSize: 2, observers: true },
      roundSeconds: undefined,
    });
    // Five students on four seats: the fifth shares the first seat (a team of two).
    const st = await joinAll(srv.url, s.code, ['Ana', 'Ben', 'Cy', 'Di', 'Ed']);
    await command(srv.url, s, { kind: 'autoAssign' });
    const obi = (await joinAll(srv.url, s.code, ['Obi']))[0]!;
    await command(srv.url, s, { kind: 'assign', studentID: obi.studentID, table: 0, seat: null });
    expect((await command(srv.url, s, { kind: 'start' })).status).toBe(200);
    const ana = await me(srv.url, s, st[0]!.token);
    const seat = ana.play!.playerID!;
    const matchID = ana.play!.matchID;
    expect((await me(srv.url, s, st[4]!.token)).play!.playerID).toBe(seat);

    const socks = [...st, obi].map((x) => watch(srv.url, s.sessionID, x.token));
    for (const x of socks) expect(await x.ready).toEqual({ ok: true });
    const [A, , , , E, O] = socks;

    const view = srv.authority.views.update(
      matchID,
      seat,
      (await srv.authority.load(matchID))!.state,
    ).state;
    const plan = planChokepointBot(view, seat, 'heuristic', 'drafts');
    const orders = plan.filter((m) => m.move === 'order');
    // Round 1 deals each planning seat a card: the team plays it for its actions.
    const hand = (await stateOf(srv, matchID)).plans[seat]!.hand;
    expect(hand.length).toBeGreaterThan(0);
    const card = { args: [{ card: hand[0]!, use: 'action' }] };

    // Ana writes the first order, Ed the second and chooses the card.
    expect(await A!.draft('order', orders[0]!.args)).toEqual({ ok: true });
    expect(await E!.draft('order', orders[1]!.args)).toEqual({ ok: true });
    expect(await E!.draft('card', card!.args)).toEqual({ ok: true });
    expect((await stateOf(srv, matchID)).plans[seat]!.orders).toHaveLength(2);
    const round = (await stateOf(srv, matchID)).round;
    const want = { round, orders: ['Ana', 'Ed'], card: 'Ed' };
    await waitUntil(
      () =>
        JSON.stringify(A!.last()?.teamDraft) === JSON.stringify(want) &&
        JSON.stringify(E!.last()?.teamDraft) === JSON.stringify(want),
      5000,
      'both team members see the authors',
    );

    // Ed withdraws Ana's order: the author goes with it.
    expect(await E!.draft('withdraw', [{ index: 0 }])).toEqual({ ok: true });
    await waitUntil(
      () => JSON.stringify(A!.last()?.teamDraft?.orders) === JSON.stringify(['Ed']),
      5000,
      'withdrawn order loses its author',
    );
    expect((await stateOf(srv, matchID)).plans[seat]!.orders).toEqual([
      orders[1]!.args[0] as GameState['plans'][string]['orders'][number],
    ]);

    // Refusals: an observer cannot draft; a move that is not a draft action; a bad order.
    expect(await O!.draft('order', orders[0]!.args)).toEqual({
      ok: false,
      error: 'only a seated player can draft orders',
    });
    expect((await A!.draft('submit', [])).error).toMatch(/move must be order, withdraw or card/);
    const bad = await A!.draft('order', [{ move: 'noSuchMove', args: [] }]);
    expect(bad.ok).toBe(false);
    expect((await stateOf(srv, matchID)).plans[seat]!.orders).toHaveLength(1);

    // The other seats and the observer never get the team's names as draft authors.
    for (const x of socks.slice(1, 4).concat(O!)) {
      for (const frame of x.frames.filter((f) => f.includes('teamDraft')))
        expect(frame).not.toMatch(/"orders":\[[^\]]*"(Ana|Ed)"/);
      expect(x.last()?.teamDraft?.orders ?? []).not.toContain('Ana');
    }
    for (const x of socks) x.socket.close();
  }, 60_000);
});
