import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import { Redis } from 'ioredis';
import { TestCluster } from './cluster-harness';
import { api, Client, createMatch, join, waitUntil } from './helpers';
import type { FixtureG } from './fixtures/game';

type Entry = {
  action: { type: string; payload: { type: string; args: unknown[] } };
  _stateID: number;
};
/** The moves in a stored log (each move's turn also logs an event entry). */
const moves = (log: unknown[]): Entry[] =>
  (log as Entry[]).filter((e) => e.action.type === 'MAKE_MOVE');

const notes = (c: Client, seat: string): string[] =>
  (c.state?.G as FixtureG | undefined)?.firms[seat]?.secrets.notes ?? [];

describe('three processes on one PostgreSQL and one Redis', () => {
  let cluster: TestCluster;
  const clients: Client[] = [];
  beforeAll(async () => {
    cluster = await TestCluster.start({ processes: 3, nginx: false });
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  /** Every announcement on the cluster's writes channel from now on, by match, until closed. */
  async function listenToWrites() {
    const heard: string[] = [];
    const sub = new Redis(cluster.redisUrl);
    await sub.subscribe(`${cluster.prefix}writes`);
    sub.on('message', (_c: string, raw: string) => heard.push(raw));
    return {
      ofMatch: (matchID: string) => heard.filter((r) => r.split(' ')[1] === matchID),
      close: () => sub.disconnect(),
    };
  }

  it('a match made on one process is listed, joined and played on the others; every seat sees every move', async () => {
    const [a, b, c] = [0, 1, 2].map((i) => cluster.processUrl(i)) as [string, string, string];
    const m = await createMatch(a, { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) });
    const listed = await api(c, 'GET', '/api/matches');
    expect(JSON.stringify(listed.json)).toContain(m.matchID);
    const creds = [
      await join(b, m.matchID, '0'),
      await join(c, m.matchID, '1'),
      await join(a, m.matchID, '2'),
    ];
    const seats = [a, b, c].map((url) => new Client(url));
    clients.push(...seats);
    for (const [i, s] of seats.entries()) {
      const r = await s.sync(m.matchID, String(i), creds[i]);
      expect(r.ok).toBe(true);
    }
    // Nine moves in turn, each seat on its own process; each is acknowledged once durable.
    for (let k = 0; k < 9; k++) {
      const seat = k % 3;
      const s = seats[seat]!;
      await s.waitFor(() => s.state?.ctx.currentPlayer === String(seat), 10_000);
      const reply = await s.move(m.matchID, String(seat), 'stash', [`note-${k}`]);
      expect(reply, `move ${k}`).toMatchObject({ ok: true });
    }
    for (const s of seats) await s.waitFor(() => s.state?._stateID === 9, 10_000);
    for (const [i, s] of seats.entries())
      expect(notes(s, String(i))).toEqual([0, 1, 2].map((r) => `note-${r * 3 + i}`));
    const stored = await cluster.stored(m.matchID);
    expect((stored.state as State)._stateID).toBe(9);
    expect(moves(stored.log).map((e) => e.action.payload.args[0])).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => `note-${k}`),
    );
  }, 60_000);

  it('a write no other process reads goes out without its state; a process that then reads it gets every state', async () => {
    const [a, b] = [0, 1].map((i) => cluster.processUrl(i)) as [string, string];
    const writes = await listenToWrites();
    try {
      const m = await createMatch(a, { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) });
      // b shows the match in its lobby (a copy in its memory) but does not play it.
      expect((await api(b, 'GET', `/api/matches/${m.matchID}`)).status).toBe(200);
      const cred = await join(a, m.matchID, '0', 'Ana');
      const body = (raw: string) => raw.slice(raw.indexOf('\n') + 1);
      const ofMatch = () => writes.ofMatch(m.matchID);
      await waitUntil(() => ofMatch().length === 1, 5000, 'the join announced');
      expect(body(ofMatch()[0]!)).toBe('');
      // b dropped its copy rather than keep a stale one: its lobby shows the join.
      // (Within moments: well before reconciliation would reload a stale copy, after 1-2 s.)
      let shown = '';
      const until = Date.now() + 800;
      while (!shown.includes('Ana') && Date.now() < until)
        shown = JSON.stringify((await api(b, 'GET', `/api/matches/${m.matchID}`)).json);
      expect(shown).toContain('Ana');
      // A spectator on b makes b a reader: a's next move reaches it, in full.
      const player = new Client(a);
      const spectator = new Client(b);
      clients.push(player, spectator);
      await player.sync(m.matchID, '0', cred);
      await spectator.sync(m.matchID, null);
      expect(await player.move(m.matchID, '0', 'stash', ['seen'])).toMatchObject({ ok: true });
      await spectator.waitFor(() => spectator.state?._stateID === 1, 10_000);
      expect(JSON.parse(body(ofMatch().at(-1)!))).toHaveProperty('state');
    } finally {
      writes.close();
    }
  }, 30_000);

  it('a seat joined through another process does not make it a reader: the move goes out without its state', async () => {
    const [a, b] = [0, 1].map((i) => cluster.processUrl(i)) as [string, string];
    const writes = await listenToWrites();
    try {
      const m = await createMatch(a, { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) });
      // The join holds the match on b (a lobby edit), and leaves b a copy of it.
      const cred = await join(b, m.matchID, '0', 'Bea');
      const player = new Client(a);
      clients.push(player);
      await player.sync(m.matchID, '0', cred);
      expect(await player.move(m.matchID, '0', 'stash', ['n'])).toMatchObject({ ok: true });
      const ofMatch = () => writes.ofMatch(m.matchID);
      await waitUntil(() => ofMatch().length === 2, 5000, 'the join and the move announced');
      for (const raw of ofMatch()) expect(raw.slice(raw.indexOf('\n') + 1)).toBe('');
      // b dropped its copy: a spectator there sees the move.
      const spectator = new Client(b);
      clients.push(spectator);
      await spectator.sync(m.matchID, null);
      expect(spectator.state?._stateID).toBe(1);
    } finally {
      writes.close();
    }
  }, 30_000);

  it('a move made on an old state is refused on any process (compare-and-set), never applied twice', async () => {
    const [a, b] = [0, 1].map((i) => cluster.processUrl(i)) as [string, string];
    const m = await createMatch(a, { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) });
    const cred = await join(a, m.matchID, '0');
    const one = new Client(a);
    const two = new Client(b);
    clients.push(one, two);
    await one.sync(m.matchID, '0', cred);
    await two.sync(m.matchID, '0', cred);
    const replies = await Promise.all([
      one.move(m.matchID, '0', 'stash', ['x'], 0),
      two.move(m.matchID, '0', 'stash', ['y'], 0),
    ]);
    expect(replies.filter((r) => r.ok === true)).toHaveLength(1);
    const stored = await cluster.stored(m.matchID);
    expect(moves(stored.log)).toHaveLength(1);
    expect((stored.state as State)._stateID).toBe(1);
  }, 30_000);

  it('bot seats are played across processes, each move once', async () => {
    const url = cluster.processUrl(2);
    const m = await createMatch(url, {
      seats: [{ kind: 'bot' }, { kind: 'bot' }, { kind: 'bot' }, { kind: 'person' }],
    });
    const watcher = new Client(cluster.processUrl(0));
    clients.push(watcher);
    await watcher.sync(m.matchID, null);
    await waitUntil(() => (watcher.state?._stateID ?? 0) >= 12, 30_000, 'twelve bot moves');
    const stored = await cluster.stored(m.matchID);
    const made = moves(stored.log);
    expect(made.length).toBeGreaterThanOrEqual(12);
    // One move per stateID: no bot seat moved twice on the same state.
    expect(new Set(made.map((e) => e._stateID)).size).toBe(made.length);
    expect(made.map((e) => e._stateID)).toEqual(made.map((_, i) => i));
  }, 60_000);
});
