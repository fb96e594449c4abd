/** Patch frames: only to sockets that ask, only from the view they hold, whole state when unsure. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { Client, createMatch, join, startTestServer } from './helpers';

describe('patch frames', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    clients.forEach((c) => c.close());
    await server.close();
  });
  const client = (patches: boolean) => {
    const c = new Client(server.url, {}, { patches });
    clients.push(c);
    return c;
  };
  const events = (c: Client) => c.frames.map((f) => f.event).filter((e) => /update|patch/.test(e));

  it('patches readers from their own view, sends others the whole state, and resends it after a non-move action', async () => {
    const m = await createMatch(server.url);
    const c0 = await join(server.url, m.matchID, '0');
    const c1 = await join(server.url, m.matchID, '1');
    const [a, b, plain, s] = [client(true), client(true), client(false), client(true)];
    await a.sync(m.matchID, '0', c0);
    await b.sync(m.matchID, '1', c1);
    await plain.sync(m.matchID, '1', c1);
    await s.sync(m.matchID, null);
    expect(await a.move(m.matchID, '0', 'advance', [2])).toMatchObject({ ok: true, stateID: 1 });
    for (const c of [a, b, plain, s]) await c.waitFor(() => c.state?._stateID === 1);
    expect(events(a)).toEqual(['patch']);
    expect(events(s)).toEqual(['patch']);
    expect(events(plain)).toEqual(['update']);
    // b's next state equals what the plain socket of the same seat got in full.
    expect(b.state).toEqual(plain.state);

    // A reset (refused) may have changed b's own copy: b gets the whole state next.
    const reset = await b.call('update', { type: 'RESET', payload: {} }, 1, m.matchID, '1');
    expect(reset).toMatchObject({ ok: false });
    expect(await b.move(m.matchID, '1', 'advance', [1])).toMatchObject({ ok: true });
    for (const c of [a, b, plain]) await c.waitFor(() => c.state?._stateID === 2);
    expect(events(b)[1]).toBe('update');
    expect(events(a)[1]).toBe('patch');
    expect(b.state).toEqual(plain.state);
    for (const c of [a, b, s]) expect(c.patchFailures).toBe(0);
  });

  it("sends every socket of a seat, and every spectator, the same frame from that viewer's own view", async () => {
    const m = await createMatch(server.url);
    const c0 = await join(server.url, m.matchID, '0');
    const c1 = await join(server.url, m.matchID, '1');
    const mine = [true, true, false, true, true, false].map(client);
    const [a1, a2, aPlain, s1, s2, sPlain] = mine;
    for (const c of [a1!, a2!, aPlain!]) await c.sync(m.matchID, '0', c0);
    for (const c of [s1!, s2!, sPlain!]) await c.sync(m.matchID, null);
    const other = client(true);
    await other.sync(m.matchID, '1', c1);
    // Two moves: the second one's frames are patches from the view each socket holds.
    expect(await a1!.move(m.matchID, '0', 'advance', [1])).toMatchObject({ ok: true });
    for (const c of mine) await c.waitFor(() => c.state?._stateID === 1);
    expect(await other.move(m.matchID, '1', 'advance', [1])).toMatchObject({ ok: true });
    for (const c of mine) await c.waitFor(() => c.state?._stateID === 2);
    const last = (c: Client) => c.frames.filter((f) => /update|patch/.test(f.event)).at(-1)!;
    for (const [x, y, plain] of [
      [a1!, a2!, aPlain!],
      [s1!, s2!, sPlain!],
    ] as const) {
      expect(last(x).event).toBe('patch');
      expect(last(y).args).toEqual(last(x).args);
      expect(last(plain).event).toBe('update');
      expect(x.state).toEqual(plain.state);
      expect(y.state).toEqual(plain.state);
    }
    // The seat's frames carry its own view; the spectators' the public one.
    expect(a1!.state).not.toEqual(s1!.state);
    for (const c of mine) expect(c.patchFailures).toBe(0);
  });
});
