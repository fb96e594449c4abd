/**
 * Three server processes behind nginx (the shipped deploy/nginx.conf), 20 scripted matches,
 * 20 SIGKILLs of random processes while they play (each restarted): no acknowledged move is
 * lost, none is applied twice, and every seat ends on the stored state.
 */
import type { State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCluster } from './cluster-harness';
import { SeatPlayer } from './cluster-player';
import type { FixtureG } from './fixtures/game';
import { createMatch, join, sleep } from './helpers';

const MATCHES = Number(process.env.CLUSTER_MATCHES ?? 20);
const KILLS = Number(process.env.CLUSTER_KILLS ?? 20);
/** Each seat makes at least this many moves, and goes on until the last kill is done. */
const QUOTA = 4;

type Entry = { action: { type: string; payload: { args: unknown[] } }; _stateID: number };

/**
 * Minutes of CPU on every core: it runs on its own (CLUSTER_KILL_TEST=1, as .ci/run does after
 * the main suite), so that it does not starve the timing checks of the suites beside it.
 */
describe.runIf(process.env.CLUSTER_KILL_TEST === '1')(
  'three processes behind nginx, killed and restarted mid-match',
  () => {
    let cluster: TestCluster;
    const players: SeatPlayer[] = [];
    beforeAll(async () => {
      cluster = await TestCluster.start({ processes: 3, nginx: true });
    }, 120_000);
    afterAll(async () => {
      for (const p of players) p.close();
      await cluster?.stop();
    });

    it('loses no acknowledged move and applies none twice through 20 SIGKILLs', async () => {
      const deadline = Date.now() + 500_000;
      const url = cluster.url;
      const matches: string[] = [];
      for (let m = 0; m < MATCHES; m++) {
        // Every fourth match (m % 4 === 3) has a bot in seat 2: its bots must pass to a live process too.
        const bot = m % 4 === 3;
        const seats = [0, 1, 2, 3].map((s) => ({ kind: s === 2 && bot ? 'bot' : 'person' }));
        const { matchID } = await createMatch(url, { seats });
        matches.push(matchID);
        for (const seat of bot ? ['0', '1'] : ['0', '1', '2']) {
          const cred = await join(url, matchID, seat);
          players.push(new SeatPlayer(url, matchID, seat, cred));
        }
      }
      let kills = 0;
      let done = false;
      const killer = (async () => {
        // Wait until play is under way; then every second or so SIGKILL a random live process
        // and restart it in the background (at least one process stays up between kills).
        while (players.filter((p) => p.acked.length > 0).length < players.length / 2) {
          if (Date.now() > deadline) throw new Error('play never got under way');
          await sleep(50);
        }
        const restarting = new Set<number>();
        const restarts: Promise<void>[] = [];
        while (kills < KILLS) {
          await sleep(600 + Math.random() * 800);
          if (Date.now() > deadline) throw new Error(`only ${kills} kills in time`);
          const alive = [0, 1, 2].filter((i) => !restarting.has(i));
          if (alive.length < 2) continue; // one process stays up between kills
          const i = alive[Math.floor(Math.random() * alive.length)]!;
          restarting.add(i);
          await cluster.kill(i);
          kills++;
          restarts.push(
            sleep(100 + Math.random() * 300)
              .then(() => cluster.startProcess(i))
              .finally(() => restarting.delete(i)),
          );
        }
        await Promise.all(restarts);
        done = true;
      })();
      // On a slow run, say how far it got rather than only timing out.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stuck = new Promise<never>((_, fail) => {
        timer = setTimeout(
          () => {
            const behind = players.filter((p) => p.acked.length < QUOTA).map((p) => p.note(0));
            fail(
              new Error(`stuck after ${kills} kills; seats short of quota: ${behind.join(' ')}`),
            );
          },
          deadline - Date.now() + 30_000,
        );
      });
      await Promise.race([
        stuck,
        Promise.all([killer, ...players.map((p) => p.play(QUOTA, () => done, deadline))]),
      ]).finally(() => clearTimeout(timer));
      expect(kills).toBe(KILLS);

      let acked = 0;
      let reconnects = 0;
      for (const [m, matchID] of matches.entries()) {
        // A bot seat may still be making its move (its process may have just been killed): wait
        // until the match waits for a person, so the stored state is the final one.
        let stored = await cluster.stored(matchID);
        while (m % 4 === 3 && (stored.state as State).ctx.currentPlayer === '2') {
          if (Date.now() > deadline) throw new Error(`bot seat of ${matchID} never moved`);
          await sleep(100);
          stored = await cluster.stored(matchID);
        }
        const state = stored.state as State;
        const G = state.G as FixtureG;
        const made = (stored.log as Entry[]).filter((e) => e.action.type === 'MAKE_MOVE');
        // One move per stateID, in order: nothing applied twice, nothing out of order.
        expect(made.map((e) => e._stateID)).toEqual(made.map((_, i) => i));
        expect(state._stateID).toBe(made.length);
        for (const p of players.filter((q) => q.matchID === matchID)) {
          if (!p.client?.socket.connected) await p.connect(deadline);
          const notes = G.firms[p.seat]!.secrets.notes;
          // No note twice; every acknowledged note there; nothing there that was never sent.
          expect(new Set(notes).size, `duplicates in ${notes.join(',')}`).toBe(notes.length);
          for (const n of p.acked) expect(notes, `acknowledged ${n} lost`).toContain(n);
          for (const n of notes) expect([...p.acked, ...p.unsure], `${n} never sent`).toContain(n);
          // This seat's own view ends on the stored state.
          await p.client!.waitFor(() => p.state?._stateID === state._stateID, 15_000);
          const view = p.state!.G as FixtureG;
          expect(view.firms[p.seat]).toEqual(G.firms[p.seat]);
          expect(view.round).toBe(G.round);
          acked += p.acked.length;
          reconnects += p.reconnects;
        }
      }
      expect(acked).toBeGreaterThanOrEqual(players.length * QUOTA);
      const why = new Map<string, number>();
      for (const p of players)
        for (const e of p.errors) {
          const k = e.slice(0, 60);
          why.set(k, (why.get(k) ?? 0) + 1);
        }
      console.log([...why].sort((a, b) => b[1] - a[1]).slice(0, 8));
      console.log(
        `${MATCHES} matches, ${KILLS} kills: ${acked} acknowledged moves, ${reconnects} reconnects`,
      );
    }, 700_000);
  },
);
