/**
 * `npx tsx bench/server/profile-cluster.ts [dir]`: the cluster bench's 3-process setup (a
 * closed-loop run to warm it, then paced at 500 moves/s), with each server process profiling
 * itself for 8 s from 1.5 s into the paced run (bench/server/profile-entry.ts). Writes
 * n1/n2/n3.cpuprofile into `dir` (default /tmp/chokepoint-profile).
 */
import '../../src/server/production-env';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runClusterBench } from './cluster';

const dir = process.argv[2] ?? '/tmp/chokepoint-profile';
mkdirSync(dir, { recursive: true });
const entry = fileURLToPath(new URL('./profile-entry.ts', import.meta.url));
await runClusterBench({
  matches: 100,
  durationMs: 10_000,
  offered: 500,
  only: [3],
  rates: ['closed', 'paced'],
  entry,
  env: { PROFILE_DIR: dir, PROFILE_MS: '8000' },
  onRun: ({ rate, pids }) => {
    if (!rate) return;
    setTimeout(() => {
      for (const pid of pids) if (pid) process.kill(pid, 'SIGUSR2');
    }, 1500);
  },
});
// The last profile is written 9.5 s into a 10 s run; give it time to land.
await new Promise((resolve) => setTimeout(resolve, 1000));
console.log(`profiles in ${dir}`);
process.exit(0);
