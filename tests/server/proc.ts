import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./fixtures/serve-fixture.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Which path the server runs moves on: the direct step, or boardgame.io's reducer. */
  movePath: string;
}

/** Spawns the fixture server as a separate Node process and waits for it to listen. */
export function spawnFixtureServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, '--port', '0', '--data', dataDir, '--bot-delay', '0'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${err}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+) (\S+)/.exec(out);
      if (m?.[1] && m[2]) {
        clearTimeout(timer);
        ok({ child, url: m[1], movePath: m[2] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited ${code}: ${err}`));
    });
  });
}

export function kill9(p: ServerProcess): Promise<void> {
  return new Promise((ok) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return ok();
    p.child.once('exit', () => ok());
    p.child.kill('SIGKILL');
  });
}
