/**
 * Class sessions across three server processes on one PostgreSQL and one Redis
 * (sessions/cluster-sessions.ts): a session made on one process is joined, watched, talked in
 * and steered through the others; its round timer fires once and applies the defaults; and
 * when the process it was made and steered on is SIGKILLed, its timer still fires on the
 * others. With Redis down, changes are refused with a clear error and change nothing, and a
 * timer that ran out meanwhile fires once it is back. Needs PostgreSQL and Redis: run with TEST_CLUSTER=1 (.ci/run does).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { GameState } from '../../game/state';
import type { ConsoleSnapshot, StudentSnapshot, TalkMessage } from '../../src/protocol';
import { TestCluster } from './cluster-harness';
import { api } from './helpers';
import { ThrowawayRedis } from './throwaway';
import {
  auth,
  command,
  consoleOf,
  createSession,
  inject,
  joinAll,
  me,
  until,
} from './session-helpers';
import { WORKSHOP_CARD } from '../replay/fixtures';

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

function watch(base: string, sessionID: string, token: string) {
  const socket: Socket = connect(`${base}/session`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const talk: TalkMessage[] = [];
  const consoles: ConsoleSnapshot[] = [];
  const students: StudentSnapshot[] = [];
  socket.on('session:talk', (ms: TalkMessage[]) => talk.push(...ms));
  socket.on('session:console', (c: ConsoleSnapshot) => consoles.push(c));
  socket.on('session:student', (s: StudentSnapshot) => students.push(s));
  const ready = new Promise<void>((ok, fail) =>
    socket.emit('session:watch', { sessionID, token }, (r: { ok: boolean; error?: string }) =>
      r.ok ? ok() : fail(new Error(r.error)),
    ),
  );
  const say = (body: unknown) =>
    new Promise<{ ok: boolean; error?: string }>((ok) => socket.emit('session:say', body, ok));
  return { socket, talk, consoles, students, ready, say };
}

describe.runIf(process.env.TEST_CLUSTER === '1')('class sessions on three processes', () => {
  let cluster: TestCluster;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    cluster = await TestCluster.start({ processes: 3, nginx: false, entry: MAIN });
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.stop();
  });

  it("shows a team who wrote its draft when the members' sockets are on different processes", async () => {
    const [a, b, c] = [0, 1, 2].map((i) => cluster.processUrl(i)) as [string, string, string];
    try {
      const s = await createSession(a, { tables: 1, policy: { teamSize: 2, observers: true } });
      const st = await joinAll(b, s.code, ['Ana', 'Ben', 'Cy', 'Di', 'Ed']);
      await command(c, s, { kind: 'autoAssign' });
      expect((await command(a, s, { kind: 'start' })).status).toBe(200);
      const places = await Promise.all(st.map((x) => me(c, s, x.token)));
      const seatOf = (i: number) => places[i]!.play?.playerID;
      const i = places.findIndex((_, k) =>
        places.some((__, j) => j !== k && seatOf(j) === seatOf(k)),
      );
      const j = places.findIndex((_, k) => k !== i && seatOf(k) === seatOf(i));
      expect(i).toBeGreaterThanOrEqual(0);
      const seat = seatOf(i)!;
      const matchID = places[i]!.play!.matchID;
      // One team member's socket on B, the other's on C.
      const x = watch(b, s.sessionID, st[i]!.token);
      const y = watch(c, s.sessionID, st[j]!.token);
      sockets.push(x.socket, y.socket);
      await Promise.all([x.ready, y.ready]);
      const g = ((await cluster.stored(matchID)).state as { G: GameState }).G;
      const hand = g.plans[seat]!.hand;
      expect(hand.length).toBeGreaterThan(0);
      const r = await x.socket
        .timeout(5000)
        .emitWithAck('session:draft', { move: 'card', args: [{ card: hand[0]!, use: 'action' }] });
      expect(r).toEqual({ ok: true });
      const want = { round: g.round, orders: [], card: st[i]!.name };
      await until(
        () =>
          JSON.stringify(y.students.at(-1)?.teamDraft) === JSON.stringify(want) &&
          JSON.stringify(x.students.at(-1)?.teamDraft) === JSON.stringify(want),
        10_000,
      );
    } catch (e) {
      console.error(cluster.log.slice(-60).join('\n'));
      throw e;
    }
  }, 60_000);

  it('is made on one process, joined, watched and timed through the others, and outlives a SIGKILL of it', async () => {
    const [a, b, c] = [0, 1, 2].map((i) => cluster.processUrl(i)) as [string, string, string];
    try {
      // Made on A, joined through B (each student's first read lands on C).
      const s = await createSession(a, { tables: 1, defaults: 'hold' });
      const students = await joinAll(b, s.code, ['Ana', 'Ben', 'Chloé', 'Dev']);
      for (const st of students) expect((await me(c, s, st.token)).name).toBe(st.name);
      expect((await consoleOf(c, s)).roster.map((r) => r.name)).toEqual([
        'Ana',
        'Ben',
        'Chloé',
        'Dev',
      ]);

      // The console on A; Ana's socket on B: A's console shows her online.
      const fac = watch(a, s.sessionID, s.facilitatorToken);
      const ana = watch(b, s.sessionID, students[0]!.token);
      sockets.push(fac.socket, ana.socket);
      await Promise.all([fac.ready, ana.ready]);
      await until(() => fac.consoles.at(-1)?.roster.find((r) => r.name === 'Ana')?.online === true);
      expect((await consoleOf(c, s)).roster.find((r) => r.name === 'Ana')!.online).toBe(true);

      // Started on A: Ana's socket on B hears her seat.
      expect((await command(a, s, { kind: 'start' })).status).toBe(200);
      await until(() => ana.students.at(-1)?.assignment?.seat != null);
      const matchID = (await consoleOf(b, s)).tables[0]!.matchID!;

      // Talk said through B reaches the console's socket on A, once.
      expect(await ana.say({ text: 'hello from B' })).toEqual({ ok: true });
      await until(() => fac.talk.some((m) => m.text === 'hello from B'));
      // And the facilitator's broadcast from A reaches Ana on B.
      expect(await fac.say({ text: 'ten seconds', to: { kind: 'broadcast' } })).toEqual({
        ok: true,
      });
      await until(() => ana.talk.some((m) => m.text === 'ten seconds'));
      await new Promise((r) => setTimeout(r, 300));
      expect(fac.talk.filter((m) => m.text === 'hello from B')).toHaveLength(1);

      // A 10-second timer set on A runs out; the round resolves with "hold" for every seat
      // (no orders, no card), applied once whichever process fired it.
      expect((await command(a, s, { kind: 'timer', table: 0, seconds: 10 })).status).toBe(200);
      const set = await consoleOf(c, s);
      expect(set.tables[0]!.timer!.endsAt).toBeGreaterThan(Date.now() + 5_000);
      await until(async () => (await consoleOf(b, s)).tables[0]!.figures!.round === 2, 30_000);
      const g = (await cluster.stored(matchID)).state as { G: GameState };
      const opened = g.G.opened.filter((p) => p.round === 1);
      expect(opened.length).toBeGreaterThan(0);
      expect(opened.every((p) => p.card === null && (p.orders ?? []).length === 0)).toBe(true);
      // Once each: no seat's plan for the round was sealed twice.
      expect(new Set(opened.map((p) => p.seat)).size).toBe(opened.length);
      expect(g.G.seals).toHaveLength(1);
      // The console on A heard the new round from whichever process resolved it.
      await until(() => fac.consoles.at(-1)?.tables[0]?.figures?.round === 2);

      // A card injected through C while A and B hold copies of the match: every process
      // learns of it, so the round that the timer resolves next (on any of them) builds on it.
      const injected = await inject(c, s, { card: WORKSHOP_CARD });
      expect(injected.status, injected.text).toBe(200);
      const withCard = (await cluster.stored(matchID)).state as { G: GameState };
      expect(withCard.G.log.some((e) => e.text.includes('"Workshop shock"'))).toBe(true);

      // The timer restarted for round 2. SIGKILL A (where the session was made, the timer set
      // and the console watched): B or C fires it at its deadline.
      await until(async () => (await consoleOf(b, s)).tables[0]!.timer?.endsAt != null);
      const endsAt = (await consoleOf(b, s)).tables[0]!.timer!.endsAt!;
      await cluster.kill(0);
      await until(async () => (await consoleOf(c, s)).tables[0]!.figures!.round === 3, 30_000);
      expect(Date.now()).toBeGreaterThanOrEqual(endsAt);
      // Ana still has her place, read through B.
      const after = await api(
        b,
        'GET',
        `/api/sessions/${s.sessionID}/me`,
        undefined,
        auth(students[0]!.token),
      );
      expect(after.status).toBe(200);
      // A command through the survivors still goes through.
      expect((await command(c, s, { kind: 'timer', table: 0, seconds: 600 })).status).toBe(200);
      expect((await consoleOf(b, s)).tables[0]!.timer!.seconds).toBe(600);
    } catch (e) {
      console.error(cluster.log.slice(-60).join('\n'));
      throw e;
    }
  }, 180_000);
});

describe.runIf(process.env.TEST_CLUSTER === '1')('class sessions while Redis is down', () => {
  let redis: ThrowawayRedis;
  let cluster: TestCluster;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    cluster = await TestCluster.start({
      processes: 2,
      nginx: false,
      entry: MAIN,
      redisUrl: redis.url,
    });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await redis?.down();
  });

  it('refuses changes with a clear error and changes nothing; once Redis is back they go through and a timer that ran out meanwhile fires', async () => {
    const [a, b] = [cluster.processUrl(0), cluster.processUrl(1)];
    try {
      const s = await createSession(a, { tables: 1, defaults: 'hold' });
      await joinAll(b, s.code, ['Ana', 'Ben', 'Cy', 'Di']);
      expect((await command(a, s, { kind: 'start' })).status).toBe(200);
      expect((await command(b, s, { kind: 'timer', table: 0, seconds: 10 })).status).toBe(200);
      const endsAt = (await consoleOf(a, s)).tables[0]!.timer!.endsAt!;

      await redis.down();
      const join = await api(b, 'POST', '/api/sessions/join', { code: s.code, name: 'Eve' });
      expect(join.status).toBe(503);
      expect(join.json.error).toMatch(/Redis unavailable/);
      const pause = await command(a, s, { kind: 'pause', table: 0 });
      expect(pause.status).toBe(503);
      // Nothing changed: no Eve, not paused (the console is still read, from the stored copy).
      const c = await consoleOf(a, s);
      expect(c.roster.map((r) => r.name)).not.toContain('Eve');
      expect(c.tables[0]!.paused).toBe(false);
      // The deadline passes while Redis is away: nobody can hold the session to fire it.
      await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 1_000));
      expect((await consoleOf(b, s)).tables[0]!.figures!.round).toBe(1);

      await redis.up();
      await until(async () => (await consoleOf(a, s)).tables[0]!.figures!.round === 2, 30_000);
      await until(
        async () =>
          (await api(b, 'POST', '/api/sessions/join', { code: s.code, name: 'Eve' })).status ===
          200,
      );
      expect((await consoleOf(a, s)).roster.map((r) => r.name)).toContain('Eve');
    } catch (e) {
      console.error(cluster.log.slice(-60).join('\n'));
      throw e;
    }
  }, 120_000);
});
