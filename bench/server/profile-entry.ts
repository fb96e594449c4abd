/**
 * A server process that profiles itself on demand (bench/server/profile-cluster.ts): on SIGUSR2
 * it starts Node's inspector profiler, and PROFILE_MS later (default 8 s) writes the profile to
 * PROFILE_DIR/<NODE_NAME or pid>.cpuprofile (Chrome's DevTools open it). Otherwise it is the
 * server's own entry, src/server/main.ts, with the same arguments.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const session = new Session();
session.connect();
const ms = Number(process.env.PROFILE_MS ?? 8000);
process.on('SIGUSR2', () => {
  void (async () => {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, ms));
    const { profile } = await session.post('Profiler.stop');
    const name = process.env.NODE_NAME ?? String(process.pid);
    writeFileSync(
      join(process.env.PROFILE_DIR ?? '.', `${name}.cpuprofile`),
      JSON.stringify(profile),
    );
  })();
});
await import('../../src/server/main');
