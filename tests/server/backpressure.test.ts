/**
 * Issue #11, item 1: one client must not take the server down. A real server process (so its
 * RSS can be read) on the fixture game with its default limits; 40 sockets that never read
 * spam syncs of a bloated match for 60 s while a 4-seat match plays on. The server stays up,
 * its RSS stays under 512 MB, and the match's move latency p99 stays under 200 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileSocket, rssMB } from '../../bench/server/hostile';
import { api, Client, createMatch, join, sleep } from './helpers';
import { kill9, spawnFixtureServer, type ServerProcess } from './proc';

const ATTACK_MS = Number(process.env.BACKPRESSURE_MS ?? 60_000);

describe('backpressure: never-reading sockets and sync spam', () => {
  let server: ServerProcess;
  const dir = mkdtempSync(joinPath(tmpdir(), 'chokepoint-backpressure-'));
  beforeAll(async () => {
    server = await spawnFixtureServer(dir, { FIXTURE_TARGET: '1000000' });
  });
  afterAll(async () => {
    await kill9(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'stays up, under 512 MB, with a concurrent match p99 under 200 ms',
    { timeout: ATTACK_MS + 60_000 },
    async () => {
      const url = server.url;
      // The attacker's own match, bloated with the longest notes the game allows.
      const bloat = await createMatch(url);
      const creds = await Promise.all(['0', '1', '2'].map((s) => join(url, bloat.matchID, s)));
      const writers = ['0', '1', '2'].map(() => new Client(url));
      for (const [i, w] of writers.entries()) await w.sync(bloat.matchID, String(i), creds[i]);
      for (let i = 0; i < 240; i++) {
        const seat = i % 3;
        const w = writers[seat]!;
        await w.waitFor(() => w.state?._stateID === i);
        const r = await w.move(bloat.matchID, String(seat), 'stash', ['n'.repeat(64)], i);
        expect(r).toMatchObject({ ok: true });
        await sleep(20); // within the default 20 frames/s per socket
      }
      writers.forEach((w) => w.close());

      // The probe: a 4-seat match (three firms and the facilitator) played throughout.
      const probe = await createMatch(url);
      const seats = ['0', '1', '2', '3'];
      const pc = await Promise.all(
        seats.map((s) => join(url, probe.matchID, s, `P${s}`, undefined, probe.creatorToken)),
      );
      const players = seats.map(() => new Client(url));
      for (const [i, p] of players.entries()) await p.sync(probe.matchID, seats[i]!, pc[i]);

      const rss0 = await rssMB(server.child.pid);
      const hostile = Array.from(
        { length: 40 },
        (_, i) =>
          new HostileSocket({
            url,
            sync:
              i % 4 === 3
                ? [probe.matchID, null, undefined] // a spectator of the live match
                : [bloat.matchID, String(i % 3), creds[i % 3]],
            junkBytes: i % 5 === 0 ? 12_000 : undefined,
          }),
      );
      const latencies: number[] = [];
      let peak = rss0;
      const end = Date.now() + ATTACK_MS;
      let nextRss = 0;
      while (Date.now() < end) {
        const state = players[0]!.state!;
        const mover = state.ctx.currentPlayer;
        const client = players[Number(mover)]!;
        const target = state._stateID + 1;
        const t0 = performance.now();
        const r = await client.move(probe.matchID, mover, 'advance', [1], state._stateID);
        expect(r).toMatchObject({ ok: true });
        await Promise.all(players.map((p) => p.waitFor(() => p.state?._stateID === target)));
        latencies.push(performance.now() - t0);
        if (Date.now() > nextRss) {
          peak = Math.max(peak, await rssMB(server.child.pid));
          nextRss = Date.now() + 1000;
        }
        await sleep(20);
      }
      const drops = hostile.reduce((n, h) => n + h.drops, 0);
      const sent = hostile.reduce((n, h) => n + h.sent, 0);
      hostile.forEach((h) => h.stop());
      const rss1 = await rssMB(server.child.pid);
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? Infinity;
      console.log(
        `backpressure: ${latencies.length} probe moves, p50 ${latencies[latencies.length >> 1]?.toFixed(1)} ms, ` +
          `p99 ${p99.toFixed(1)} ms; RSS ${rss0.toFixed(0)} -> peak ${peak.toFixed(0)} -> ${rss1.toFixed(0)} MB; ` +
          `${sent} hostile frames, ${drops} hostile sockets dropped`,
      );
      expect(server.child.exitCode).toBeNull();
      expect((await api(url, 'GET', '/api/scenarios')).status).toBe(200);
      expect(peak).toBeLessThan(512);
      expect(p99).toBeLessThan(200);
      expect(latencies.length).toBeGreaterThan(ATTACK_MS / 200);
      // Nothing the junk moves carried was stored: the bloated match only holds its own notes.
      const info = await api(url, 'GET', `/api/matches/${bloat.matchID}`);
      expect(info.status).toBe(200);
      players.forEach((p) => p.close());
    },
  );
});
