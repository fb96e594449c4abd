import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load';
import { OURS_CHOKEPOINT, OURS_MINIMAL, STOCK_MINIMAL, type Target } from './targets';

export interface NetworkBenchOptions {
  matches?: number;
  durationMs?: number;
  /** Which servers to measure; default all three. */
  only?: ('ours-chokepoint' | 'ours-minimal' | 'stock-minimal')[];
  log?: (line: string) => void;
}

export interface NetworkBenchReport {
  results: LoadResult[];
  targets: { movesPerSecond: number; p99ms: number };
  pass: boolean;
}

const TARGETS: Record<string, Target> = { 'ours-chokepoint': OURS_CHOKEPOINT, 'ours-minimal': OURS_MINIMAL, 'stock-minimal': STOCK_MINIMAL };
const ENTRY = fileURLToPath(new URL('./server-entry.ts', import.meta.url));

function spawnServer(kind: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, kind, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
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
 * concurrent matches driven by scripted socket clients for `durationMs`.
 * Reports moves/s and p50/p99 send-to-every-seat latency.
 */
export async function runNetworkBench(opts: NetworkBenchOptions = {}): Promise<NetworkBenchReport> {
  const matches = opts.matches ?? 100;
  const durationMs = opts.durationMs ?? 10_000;
  const log = opts.log ?? ((line: string) => console.log(line));
  const kinds = opts.only ?? ['ours-chokepoint', 'ours-minimal', 'stock-minimal'];
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  const results: LoadResult[] = [];
  try {
    for (const kind of kinds) {
      const target = TARGETS[kind];
      if (!target) throw new Error(`unknown bench target ${kind}`);
      const { child, url } = await spawnServer(kind, dir);
      try {
        log(`${target.label}: ${matches} matches for ${durationMs / 1000}s...`);
        const r = await runLoad(url, target, matches, durationMs);
        results.push(r);
        log(`  ${r.movesPerSecond.toFixed(0)} moves/s, p50 ${r.p50ms.toFixed(1)} ms, p99 ${r.p99ms.toFixed(1)} ms (${r.moves} moves, ${r.rejected} rejected)`);
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = results.find((r) => r.label === OURS_CHOKEPOINT.label);
  const targets = { movesPerSecond: 1000, p99ms: 100 };
  const pass = !!ours && ours.movesPerSecond >= targets.movesPerSecond && ours.p99ms < targets.p99ms;
  return { results, targets, pass };
}
