/**
 * What several processes share besides the matches: who is connected, each match's chat, the
 * lobby's list, and the lobby's per-address budgets. Three processes on one PostgreSQL and one Redis, each reached
 * directly, so each assertion names the process it talks to.
 *
 * Each part of the budget test comes from its own loopback address (127.0.0.x: Linux delivers
 * the whole 127/8 to lo), so the parts do not spend each other's budgets.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster } from './cluster-harness';
import { api, Client, createMatch, join, waitUntil } from './helpers';

/** A lobby call from a chosen loopback address. */
function from(
  address: string,
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      base + path,
      {
        method,
        localAddress: address,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

type Seat = { id: number; isConnected?: boolean };
/** The seat list of the last matchData frame a client got. */
const seatsSeen = (c: Client): Seat[] | undefined =>
  c.frames.filter((f) => f.event === 'matchData').at(-1)?.args[1] as Seat[] | undefined;
const connected = (c: Client, seat: number): boolean | undefined =>
  seatsSeen(c)?.find((s) => s.id === seat)?.isConnected;

describe('three processes share presence, chat, the lobby list and the lobby budgets', () => {
  let cluster: TestCluster;
  const clients: Client[] = [];
  const url = (i: number) => cluster.processUrl(i);
  beforeAll(async () => {
    cluster = await TestCluster.start({
      processes: 3,
      nginx: false,
      env: {
        // Small budgets (the crowd's limits are raised for everything else).
        OPEN_MATCHES_PER_ADDRESS: '4',
        WRITES_PER_SECOND: '0.001',
        WRITE_BURST: '12',
        CODE_MISSES_PER_MINUTE: '0.001',
        CODE_MISS_BURST: '3',
      },
    });
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  it('a seat connected to one process shows as connected to a seat on another, and as gone once it leaves', async () => {
    const m = await createMatch(url(0), {
      seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })),
    });
    const cred0 = await join(url(0), m.matchID, '0');
    const cred1 = await join(url(1), m.matchID, '1');
    const ana = new Client(url(0));
    const bo = new Client(url(1));
    clients.push(ana, bo);
    await bo.sync(m.matchID, '1', cred1);
    await bo.waitFor(() => connected(bo, 1) === true);
    expect(connected(bo, 0)).toBe(false);
    await ana.sync(m.matchID, '0', cred0);
    // Ana's socket is on process 0; Bo, on process 1, is told she is here, and she sees Bo.
    await waitUntil(() => connected(bo, 0) === true, 5000, 'Bo to see Ana connected');
    await waitUntil(() => connected(ana, 1) === true, 5000, 'Ana to see Bo connected');
    // A spectator on the third process sees both.
    const eve = new Client(url(2));
    clients.push(eve);
    await eve.sync(m.matchID, null);
    await waitUntil(
      () => connected(eve, 0) === true && connected(eve, 1) === true && connected(eve, 2) === false,
      5000,
      'the spectator to see both seats connected',
    );
    ana.close();
    await waitUntil(() => connected(bo, 0) === false, 5000, 'Bo to see Ana leave');
    await waitUntil(() => connected(eve, 0) === false, 5000, 'the spectator to see Ana leave');
    expect(connected(bo, 1)).toBe(true);
  }, 60_000);

  it('a chat message said through one process reaches the seats on the others, and a seat that reloads gets the chat so far', async () => {
    const m = await createMatch(url(0), {
      seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })),
    });
    const creds = await Promise.all(['0', '1', '2'].map((s, i) => join(url(i), m.matchID, s)));
    const seats = [0, 1, 2].map((i) => new Client(url(i)));
    clients.push(...seats);
    for (const [i, c] of seats.entries())
      expect(await c.sync(m.matchID, String(i), creds[i])).toMatchObject({ ok: true });
    const said = (c: Client) =>
      c.frames
        .filter((f) => f.event === 'chat')
        .map((f) => f.args[1] as { sender: string; payload: string });
    // Said through process 0: heard by the seats on processes 1 and 2 (and its own).
    expect(await seats[0]!.call('chat', m.matchID, { id: 'a', payload: 'hello from A' })).toEqual({
      ok: true,
    });
    await waitUntil(
      () => seats.every((c) => said(c).length === 1),
      5000,
      'every seat to hear the message said on process 0',
    );
    for (const c of seats)
      expect(said(c)[0]).toMatchObject({ sender: '0', payload: 'hello from A' });
    // And through process 2, heard on 0 and 1.
    expect(await seats[2]!.call('chat', m.matchID, { id: 'b', payload: 'and from C' })).toEqual({
      ok: true,
    });
    await waitUntil(
      () => seats.every((c) => said(c).length === 2),
      5000,
      'every seat to hear the message said on process 2',
    );
    // Seat 1 reloads and lands on process 2 this time: it gets both, in order, once.
    const late = new Client(url(2));
    clients.push(late);
    await late.sync(m.matchID, '1', creds[1]);
    await waitUntil(() => said(late).length === 2, 5000, 'the late seat to get the chat so far');
    expect(said(late).map((x) => x.payload)).toEqual(['hello from A', 'and from C']);
    expect(said(late)).toEqual(said(seats[0]!));
  }, 60_000);

  it('the lobby list is the same from every process', async () => {
    const made = [
      await createMatch(url(1), { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) }),
      await createMatch(url(2), { seats: [{}, {}, {}, {}].map(() => ({ kind: 'person' })) }),
    ];
    await join(url(0), made[0]!.matchID, '2', 'Cy');
    const lists = await Promise.all(
      [0, 1, 2].map(async (i) => (await api(url(i), 'GET', '/api/matches')).json),
    );
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    const listed = lists[0] as unknown as { matchID: string; seats: { name?: string }[] }[];
    for (const m of made) expect(listed.map((x) => x.matchID)).toContain(m.matchID);
    // A seat taken through one process shows as taken in the list from each.
    expect(listed.find((x) => x.matchID === made[0]!.matchID)?.seats[2]?.name).toBe('Cy');
  }, 30_000);

  it('an address gets one budget of unfinished matches across all processes, not one per process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await from('127.0.0.2', url(i % 3), 'POST', '/api/matches', { scenario: 'quick' })).status,
      );
    // OPEN_MATCHES_PER_ADDRESS=4: four matches in all, wherever they were made.
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429]);
    // Another address has its own.
    expect(
      (await from('127.0.0.3', url(2), 'POST', '/api/matches', { scenario: 'quick' })).status,
    ).toBe(201);
  }, 30_000);

  it('an address gets one budget of lobby writes across all processes', async () => {
    // WRITE_BURST=12 (hardly refilled): twelve writes in all, spread over the three processes.
    const statuses: number[] = [];
    for (let i = 0; i < 18; i++)
      statuses.push(
        (
          await from('127.0.0.4', url(i % 3), 'POST', '/api/matches/nosuchmatch/join', {
            seat: '0',
            name: 'x',
          })
        ).status,
      );
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect(statuses.slice(12).every((s) => s === 429)).toBe(true);
  }, 30_000);

  it('wrong join codes are counted once across all processes', async () => {
    // CODE_MISS_BURST=3: three misses in all, not three per process.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await from('127.0.0.5', url(i % 3), 'GET', `/api/codes/ZZZZ${i}${i}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429, 429, 429, 429, 429]);
  }, 30_000);
});
