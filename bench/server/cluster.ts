/**
 * What each component of a multi-process deployment costs per move: the same 100-match load
 * (scripted Chokepoint classroom games over sockets) against one `npm start` process on SQLite,
 * then 1, 2 and 3 processes behind nginx on PostgreSQL and Redis (docs/deploy.md), in one run.
 * Each setup runs closed-loop (its ceiling) and paced at `offered` moves/s.
 *
 * The machine's PostgreSQL and Redis are used (TEST_DATABASE_URL / TEST_REDIS_URL, as the
 * tests), each run in a schema and key prefix of its own, dropped afterwards. Their CPU is read
 * from /proc for every postgres and redis-server process, including backends that start or end
 * during the run, so on a shared machine it includes whatever else uses them.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CROWD_LIMITS, TestCluster } from '../../tests/server/cluster-harness';
import { runLoad, type LoadResult } from './load';
import { OURS_CHOKEPOINT } from './targets';

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

export interface ClusterBenchResult extends LoadResult {
  setup: string;
  /** CPU ms per move: the Node server processes, nginx, PostgreSQL, Redis. */
  cpu: { node: number; nginx: number; postgres: number; redis: number };
}

/** CPU ms a process has used; with `children`, also its exited children's that it waited for. */
function cpuMs(pid: number | undefined, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = Number(fields[11]) + Number(fields[12]);
    return (children ? own + Number(fields[13]) + Number(fields[14]) : own) * 10;
  } catch {
    return 0;
  }
}

/** Pids of every process whose command name is `name` (e.g. postgres, redis-server). */
function pidsOf(name: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}
const sumCpu = (pids: number[]) => pids.reduce((s, p) => s + cpuMs(p), 0);

/** Every process named `name` now, with its CPU ms including its exited children's. */
function cpuOf(name: string): Map<number, number> {
  return new Map(pidsOf(name).map((p) => [p, cpuMs(p, true)]));
}

/**
 * CPU ms the processes named like this used between two `cpuOf` readings, counting processes
 * that started or ended in between: PostgreSQL starts a backend per new connection and ends
 * idle ones, and the postmaster counts each ended backend's CPU among its children's (so from
 * what the postmaster gained, what an ended backend had used before the first reading is
 * taken off).
 */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  for (const [pid, then] of before) if (!after.has(pid)) ms -= then;
  return ms;
}

export async function runClusterBench(
  opts: {
    matches?: number;
    durationMs?: number;
    offered?: number;
    log?: (l: string) => void;
    /** Only the setups with these process counts (0: the SQLite one); default all. */
    only?: number[];
    /** Only these runs: closed loop, paced at `offered`; default both. */
    rates?: ('closed' | 'paced')[];
    /** Another entry for the server processes (e.g. one that profiles them), and more env. */
    entry?: string;
    env?: Record<string, string>;
    /** Called as each run starts (rate 0: closed loop), with the server processes' ids. */
    onRun?: (run: { rate: number; pids: number[] }) => void;
  } = {},
): Promise<ClusterBenchResult[]> {
  const matches = opts.matches ?? 100;
  const durationMs = opts.durationMs ?? 10_000;
  const offered = opts.offered ?? 500;
  const log = opts.log ?? ((l: string) => console.log(l));
  const results: ClusterBenchResult[] = [];
  const setups: { setup: string; processes: number; pg: boolean }[] = [
    { setup: '1 process, SQLite', processes: 1, pg: false },
    { setup: '1 process + nginx, PostgreSQL + Redis', processes: 1, pg: true },
    { setup: '2 processes + nginx, PostgreSQL + Redis', processes: 2, pg: true },
    { setup: '3 processes + nginx, PostgreSQL + Redis', processes: 3, pg: true },
  ];
  const rates = (opts.rates ?? ['closed', 'paced']).map((r) => (r === 'closed' ? 0 : offered));
  for (const s of setups) {
    if (opts.only && !opts.only.includes(s.pg ? s.processes : 0)) continue;
    const cluster = new TestCluster({
      processes: s.processes,
      nginx: s.pg,
      entry: opts.entry ?? MAIN,
      // As deploy/chokepoint@.service and `npm start` run each process.
      nodeArgs: ['--max-semi-space-size=64'],
      env: {
        ...CROWD_LIMITS,
        FRAMES_PER_SECOND: '1000',
        FRAME_BURST: '1000',
        BOT_DELAY_MS: '0',
        // SQLite: unset the cluster's database and Redis (each process has a temp data dir).
        ...(s.pg ? {} : { DATABASE_URL: '', REDIS_URL: '' }),
        ...opts.env,
      },
    });
    await cluster.launch();
    try {
      for (const rate of rates) {
        log(
          `${s.setup}: ${matches} matches, ${rate ? `${rate} moves/s offered` : 'closed loop'}, ${durationMs / 1000}s...`,
        );
        const nodePids = () => cluster.procs.map((p) => p?.child.pid ?? 0);
        const empty = new Map<number, number>();
        const read = () => ({
          node: sumCpu(nodePids()),
          nginx: cluster.nginxPid ? cpuMs(cluster.nginxPid) : 0,
          postgres: s.pg ? cpuOf('postgres') : empty,
          redis: s.pg ? cpuOf('redis-server') : empty,
        });
        let before = read();
        let after = before;
        opts.onRun?.({ rate, pids: nodePids() });
        const load = await runLoad(cluster.url, OURS_CHOKEPOINT, matches, durationMs, rate, {
          onStart: () => (before = read()),
          onEnd: () => (after = read()),
        });
        const used = {
          node: after.node - before.node,
          nginx: after.nginx - before.nginx,
          postgres: cpuBetween(before.postgres, after.postgres),
          redis: cpuBetween(before.redis, after.redis),
        };
        const per = (k: keyof typeof used) => used[k] / Math.max(1, load.moves);
        const r: ClusterBenchResult = {
          ...load,
          setup: s.setup,
          cpu: {
            node: per('node'),
            nginx: per('nginx'),
            postgres: per('postgres'),
            redis: per('redis'),
          },
        };
        results.push(r);
        log(
          `  ${r.movesPerSecond.toFixed(0)} moves/s, p50 ${r.p50ms.toFixed(1)} ms, p99 ${r.p99ms.toFixed(1)} ms ` +
            `(${r.moves} moves, ${r.rejected} refused, ${r.reconnects} reconnects); CPU per move: node ${r.cpu.node.toFixed(2)} ms, ` +
            `nginx ${r.cpu.nginx.toFixed(2)}, PostgreSQL ${r.cpu.postgres.toFixed(2)}, Redis ${r.cpu.redis.toFixed(2)}`,
        );
        for (const [why, n] of Object.entries(r.refusals)) log(`    refused ${n}x: ${why}`);
      }
    } finally {
      await cluster.stop();
    }
  }
  return results;
}

/** The machine's PostgreSQL and Redis answer (else the section says so and is skipped). */
export function servicesUp(): boolean {
  try {
    execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
    execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
