/**
 * The soak (issue #11): our server on Chokepoint, in its own process, plays `matches` matches
 * paced at `offered` moves/s for `durationMs` while `hostile` sockets attack it: sockets that
 * never read and spam syncs as seats and as spectators, and sockets that send junk moves.
 * Reports the server's RSS at the start, its peak and at the end, and the move latency p99
 * before the attack (a baseline run) and during it.
 *   npx tsx bench/server/soak.ts [seconds] [matches] [offered] [hostile]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostileSocket, rssMB } from './hostile';
import { spawnServer } from './index';
import { runLoad, type LoadResult } from './load';
import { OURS_CHOKEPOINT } from './targets';

export interface SoakOptions {
  matches?: number;
  offered?: number;
  /** Length of the attack (default 10 minutes; SOAK_SECONDS sets it from `npm run bench`). */
  durationMs?: number;
  /** Length of the baseline run before the attack (default 20 s). */
  baselineMs?: number;
  hostile?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  baseline: LoadResult;
  during: LoadResult;
  /** Server RSS: at the start, after the baseline (before the attack), its peak, at the end. */
  rssMB: { start: number; baseline: number; peak: number; end: number };
  hostile: { sockets: number; frames: number; drops: number };
  serverUp: boolean;
}

function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          try {
            ok(JSON.parse(text) as Record<string, unknown>);
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** The attackers' own matches (anyone may create one and take its seats). */
async function attackerMatch(url: string): Promise<{ matchID: string; creds: string[] }> {
  const m = await post(`${url}/api/matches`, { scenario: 'classroom' });
  const matchID = m.matchID as string;
  const creds: string[] = [];
  for (const seat of ['0', '1', '2']) {
    const j = await post(`${url}/api/matches/${matchID}/join`, { seat, name: `x${seat}` });
    creds.push(j.credentials as string);
  }
  return { matchID, creds };
}

export async function runSoak(opts: SoakOptions = {}): Promise<SoakReport> {
  const matches = opts.matches ?? 100;
  const offered = opts.offered ?? 500;
  const durationMs = opts.durationMs ?? 600_000;
  const baselineMs = opts.baselineMs ?? 20_000;
  const count = opts.hostile ?? 50;
  const log = opts.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-soak-'));
  const { child, url } = await spawnServer('ours-chokepoint', dir);
  const hostile: HostileSocket[] = [];
  try {
    const start = await rssMB(child.pid);
    log(`soak: baseline, ${matches} matches at ${offered} moves/s for ${baselineMs / 1000}s...`);
    const baseline = await runLoad(url, OURS_CHOKEPOINT, matches, baselineMs, offered);
    const afterBaseline = await rssMB(child.pid);
    log(
      `  p99 ${baseline.p99ms.toFixed(1)} ms, ${baseline.movesPerSecond.toFixed(0)} moves/s; RSS ${start.toFixed(0)} -> ${afterBaseline.toFixed(0)} MB`,
    );
    const targets = await Promise.all([0, 1, 2, 3, 4].map(() => attackerMatch(url)));
    for (let i = 0; i < count; i++) {
      const t = targets[i % targets.length]!;
      const seat = i % 3;
      const kind = i % 5;
      hostile.push(
        new HostileSocket({
          url,
          // Never-reading sync spam as a seat (the largest view) or as a spectator; every
          // fifth socket mixes in junk moves (12 KB of arguments).
          sync:
            kind === 1 ? [t.matchID, null, undefined] : [t.matchID, String(seat), t.creds[seat]],
          ...(kind === 4 ? { junkBytes: 12_000 } : {}),
        }),
      );
    }
    let peak = afterBaseline;
    const sampler = setInterval(() => {
      void rssMB(child.pid).then((mb) => (peak = Math.max(peak, mb)));
    }, 2000);
    log(`soak: ${count} hostile sockets and the same load for ${durationMs / 1000}s...`);
    let during: LoadResult;
    try {
      during = await runLoad(url, OURS_CHOKEPOINT, matches, durationMs, offered);
    } finally {
      clearInterval(sampler);
    }
    const end = await rssMB(child.pid);
    peak = Math.max(peak, end);
    const report: SoakReport = {
      baseline,
      during,
      rssMB: { start, baseline: afterBaseline, peak, end },
      hostile: {
        sockets: count,
        frames: hostile.reduce((n, h) => n + h.sent, 0),
        drops: hostile.reduce((n, h) => n + h.drops, 0),
      },
      serverUp: child.exitCode === null && child.signalCode === null,
    };
    log(
      `  p99 ${during.p99ms.toFixed(1)} ms, ${during.movesPerSecond.toFixed(0)} moves/s; ` +
        `RSS ${start.toFixed(0)} -> peak ${peak.toFixed(0)} -> ${end.toFixed(0)} MB; ` +
        `${report.hostile.frames} hostile frames, ${report.hostile.drops} hostile sockets dropped`,
    );
    return report;
  } finally {
    hostile.forEach((h) => h.stop());
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [seconds = '600', matches = '100', offered = '500', count = '50'] = process.argv.slice(2);
  await runSoak({
    durationMs: Number(seconds) * 1000,
    matches: Number(matches),
    offered: Number(offered),
    hostile: Number(count),
  });
  process.exit(0);
}
