/**
 * `npm start`'s server (src/server/main.ts) as a real child process for the browser tests:
 * started on a loopback port (0: any free one) with its own data folder, and stopped by a
 * signal. The promise resolves with the address the server prints once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness';

export interface ServerProc {
  child: ChildProcess;
  url: string;
}

export function startServer(
  dataDir: string,
  opts: { port?: number; botDelayMs?: number } = {},
): Promise<ServerProc> {
  const args = ['--import', 'tsx', 'src/server/main.ts', '--port', String(opts.port ?? 0)];
  args.push('--data', dataDir, '--bot-delay', String(opts.botDelayMs ?? 0));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) ok({ child, url: m[1] });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Stops the server (SIGTERM: a clean shutdown; SIGKILL: a crash) and waits for it to exit. */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill(signal);
  });
}

/** Where the browsers go, and how to stop what serves it. */
export interface Deployment {
  url: string;
  stop(): Promise<void>;
}

/**
 * The server a browser test plays against: one `npm start` process on a SQLite file, or with
 * TEST_CLUSTER=1 three of them behind nginx on PostgreSQL and Redis, as docs/deploy.md deploys
 * them (tests/server/cluster-harness.ts: a schema and key prefix of their own, dropped by stop).
 */
export async function startDeployment(
  dataDir: string,
  opts: { botDelayMs?: number } = {},
): Promise<Deployment> {
  if (process.env.TEST_CLUSTER === '1') {
    const { TestCluster } = await import('../server/cluster-harness');
    const cluster = await TestCluster.start({
      processes: 3,
      nginx: true,
      entry: join(ROOT, 'src/server/main.ts'),
      botDelayMs: opts.botDelayMs ?? 0,
      // npm start's own limits, but for the per-address ones: nginx is every browser's address.
      env: {
        FRAMES_PER_SECOND: '',
        FRAME_BURST: '',
        SYNC_BURST: '',
        MATCH_SYNC_BURST: '',
        WRITES_PER_SECOND: '',
        WRITE_BURST: '',
        CODE_MISS_BURST: '',
        STATIC_DIR: join(ROOT, 'dist'),
      },
    });
    return { url: cluster.url, stop: () => cluster.stop() };
  }
  const proc = await startServer(dataDir, opts);
  return { url: proc.url, stop: () => stopServer(proc.child) };
}
