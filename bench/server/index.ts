import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load';
import { loopbackRoundTripsMs, referenceWorkMs } from './reference';
import { OURS_CHOKEPOINT, OURS_MINIMAL, STOCK_MINIMAL, type Target } from './targets';

export interface NetworkBenchOptions {
  matches?: number;
  durationMs?: number;
  /** Total moves/s offered in the paced run (default 1000, the target); the closed-loop run finds the ceiling. */
  offered?: number;
  /** Which servers to measure; default all three. */
  only?: ('ours-chokepoint' | 'ours-minimal' | 'stock-minimal')[];
  log?: (line: string) => void;
}

export interface BenchResult extends LoadResult {
  /** CPU time the server process used per move (all threads; Linux only, else NaN). */
  serverCpuMsPerMove: number;
  /** CPU time the client harness used per move. */
  clientCpuMsPerMove: number;
}

export interface NetworkBenchReport {
  /** Per server: the closed-loop run (offered 0) and the paced run. */
  results: BenchResult[];
  /** ms for fixed pieces of work (reference.ts), before and after the runs: computing, and loopback round trips. */
  referenceMs: { before: MachineSpeed; after: MachineSpeed };
  targets: { movesPerSecond: number; p99ms: number };
  pass: boolean;
}

const TARGETS: Record<string, Target> = {
  'ours-chokepoint': OURS_CHOKEPOINT,
  'ours-minimal': OURS_MINIMAL,
  'stock-minimal': STOCK_MINIMAL,
};
/** utime + stime of a process in ms, from /proc (NaN where unavailable). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface MachineSpeed {
  computeMs: number;
  loopbackMs: number;
}

async function machineSpeed(log: (line: string) => void): Promise<MachineSpeed> {
  const speed = { computeMs: referenceWorkMs(), loopbackMs: await loopbackRoundTripsMs() };
  log(
    `machine speed: reference compute ${speed.computeMs.toFixed(0)} ms, 5,000 loopback round trips ${speed.loopbackMs.toFixed(0)} ms`,
  );
  return speed;
}

const ENTRY = fileURLToPath(new URL('./server-entry.ts', import.meta.url));

export function spawnServer(
  kind: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Every server gets the young generation `npm start` gives ours: most per-move garbage then
  // dies before a second scavenge, instead of being promoted and marked.
  const node = ['--max-semi-space-size=64'];
  const child = spawn(
    process.execPath,
    [...node, ...extra, '--import', 'tsx', ENTRY, kind, dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m?.[1]) ok({ child, url: m[1] });
    });
    child.once('exit', (code) => fail(new Error(`${kind} server exited ${code}: ${err}`)));
  });
}

/**
 * Load benchmark over loopback: for each server (ours on Chokepoint, ours on a
 * minimal game, stock boardgame.io on the same minimal game), `matches`
 * concurrent matches driven by scripted socket clients for `durationMs`, once
 * closed-loop (the ceiling) and once paced at `offered` moves/s (the target
 * load). Reports moves/s and p50/p99 send-to-every-seat latency. The server
 * runs in its own process, the clients in this one.
 */
export async function runNetworkBench(opts: NetworkBenchOptions = {}): Promise<NetworkBenchReport> {
  const matches = opts.matches ?? 100;
  const durationMs = opts.durationMs ?? 10_000;
  const offered = opts.offered ?? 1000;
  const log = opts.log ?? ((line: string) => console.log(line));
  const kinds = opts.only ?? ['ours-chokepoint', 'ours-minimal', 'stock-minimal'];
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  const results: BenchResult[] = [];
  const before = await machineSpeed(log);
  try {
    for (const kind of kinds) {
      const target = TARGETS[kind];
      if (!target) throw new Error(`unknown bench target ${kind}`);
      const { child, url } = await spawnServer(kind, dir);
      try {
        for (const rate of [0, offered]) {
          log(
            `${target.label}: ${matches} matches, ${rate ? `${rate} moves/s offered` : 'closed loop'}, ${durationMs / 1000}s...`,
          );
          // CPU is read over the counted window only, like the moves.
          let [server0, client0, server1, client1] = [NaN, NaN, NaN, NaN];
          const load = await runLoad(url, target, matches, durationMs, rate, {
            onStart: () => ([server0, client0] = [cpuMs(child.pid), ownCpuMs()]),
            onEnd: () => ([server1, client1] = [cpuMs(child.pid), ownCpuMs()]),
          });
          const perMove = (ms: number) => ms / Math.max(1, load.moves);
          const r = {
            ...load,
            serverCpuMsPerMove: perMove(server1 - server0),
            clientCpuMsPerMove: perMove(client1 - client0),
          };
          results.push(r);
          log(
            `  ${r.movesPerSecond.toFixed(0)} moves/s, p50 ${r.p50ms.toFixed(1)} ms, p99 ${r.p99ms.toFixed(1)} ms (${r.moves} moves, ${r.rejected} rejected, ${r.resyncs} resyncs; ` +
              `CPU per move: server ${r.serverCpuMsPerMove.toFixed(2)} ms, clients ${r.clientCpuMsPerMove.toFixed(2)} ms)`,
          );
        }
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = results.find((r) => r.label === OURS_CHOKEPOINT.label && r.offered === offered);
  const targets = { movesPerSecond: 1000, p99ms: 100 };
  const pass =
    !!ours && ours.movesPerSecond >= 0.98 * targets.movesPerSecond && ours.p99ms < targets.p99ms;
  const after = await machineSpeed(log);
  return { results, targets, pass, referenceMs: { before, after } };
}
