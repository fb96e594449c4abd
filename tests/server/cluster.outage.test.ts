/**
 * PostgreSQL, then Redis, stopped and restarted mid-match under two server processes (both the
 * test's own throwaway servers): while either is down every move is refused with an error that
 * says so, none is acknowledged and then lost, and play resumes by itself once it is back.
 */
import type { State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster } from './cluster-harness';
import type { FixtureG } from './fixtures/game';
import { Client, createMatch, join, sleep } from './helpers';
import { ThrowawayPostgres, ThrowawayRedis } from './throwaway';

type Entry = { action: { type: string; payload: { args: unknown[] } } };

describe('PostgreSQL or Redis down mid-match', () => {
  let pg: ThrowawayPostgres;
  let redis: ThrowawayRedis;
  let cluster: TestCluster;
  const clients: Client[] = [];
  beforeAll(async () => {
    pg = await ThrowawayPostgres.start();
    redis = await ThrowawayRedis.start();
    cluster = await TestCluster.start({
      processes: 2,
      nginx: false,
      pgUrl: pg.url,
      redisUrl: redis.url,
    });
  }, 180_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
    await redis?.down();
    pg?.stop();
  });

  it('refuses moves with a clear error while a service is down, and loses none it acknowledged', async () => {
    const [a, b] = [cluster.processUrl(0), cluster.processUrl(1)];
    const m = await createMatch(a, {});
    const seats = await Promise.all(
      ['0', '1', '2'].map(async (seat, i) => {
        const url = i === 1 ? b : a;
        const cred = await join(url, m.matchID, seat);
        const c = new Client(url);
        clients.push(c);
        await c.sync(m.matchID, seat, cred);
        return { seat, c, cred, url };
      }),
    );
    const acked: string[] = [];
    let k = 0;
    /** The seat whose turn it is tries its next move once; resolves with the reply. */
    const attempt = async () => {
      const s = seats[k % 3]!;
      await s.c.waitFor(() => s.c.state?.ctx.currentPlayer === s.seat, 10_000);
      const note = `n${k}`;
      const reply = await s.c.move(m.matchID, s.seat, 'stash', [note]);
      if (reply.ok === true) {
        acked.push(note);
        k++;
      } else {
        // Its copy may be gone: sync again before the next try.
        await s.c.sync(m.matchID, s.seat, s.cred);
      }
      return reply;
    };
    const play = async (n: number) => {
      for (let i = 0; i < n; i++) expect(await attempt()).toMatchObject({ ok: true });
    };
    /** Tries until a move goes in (the service is back); every refusal before says why. */
    const resume = async (why: RegExp) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const reply = await attempt().catch((e: unknown) => ({ ok: false, error: String(e) }));
        if (reply.ok === true) return;
        expect(String(reply.error)).toMatch(why);
        if (Date.now() > deadline) throw new Error('service did not resume');
        await sleep(200);
      }
    };

    await play(4);

    pg.down();
    for (let i = 0; i < 3; i++) {
      const reply = await attempt();
      expect(reply.ok).toBe(false);
      expect(String(reply.error)).toMatch(/move not saved, try again: database unavailable/);
    }
    pg.up();
    await resume(/database unavailable|not saved|stale/);
    await play(3);

    await redis.down();
    for (let i = 0; i < 3; i++) {
      const reply = await attempt().catch((e: unknown) => ({ ok: false, error: String(e) }));
      expect(reply.ok).toBe(false);
      expect(String(reply.error)).toMatch(/Redis unavailable|server error/);
    }
    await redis.up();
    await resume(/Redis unavailable|server error|not saved|stale/);
    await play(3);

    const stored = await cluster.stored(m.matchID);
    const made = (stored.log as Entry[])
      .filter((e) => e.action.type === 'MAKE_MOVE')
      .map((e) => e.action.payload.args[0]);
    // Exactly the acknowledged moves, in order: none lost, none extra, none twice.
    expect(made).toEqual(acked);
    const G = (stored.state as State).G as FixtureG;
    for (const s of seats) {
      await s.c.waitFor(() => s.c.state?._stateID === (stored.state as State)._stateID, 15_000);
      expect((s.c.state!.G as FixtureG).firms[s.seat]).toEqual(G.firms[s.seat]);
    }
  }, 240_000);
});
