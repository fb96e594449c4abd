/**
 * A PostgreSQL cluster and a Redis server of the test's own, in a temp dir on free loopback
 * ports, which the test may stop and start at will (the machine's shared ones are never touched).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './cluster-harness';

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
})();

/** PostgreSQL refuses to run as root: then it runs as the postgres user. */
function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
}

export class ThrowawayPostgres {
  readonly dir: string;
  port = 0;

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'chokepoint-pg-'));
  }

  static async start(): Promise<ThrowawayPostgres> {
    if (!PG_BIN) throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql');
    const pg = new ThrowawayPostgres();
    pg.port = await freePort();
    if (process.getuid?.() === 0) chownSync(pg.dir, ...postgresIds());
    chmodSync(pg.dir, 0o700);
    asPostgres(join(PG_BIN, 'initdb'), [
      '-D',
      join(pg.dir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
    ]);
    pg.up();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  up(): void {
    asPostgres(join(PG_BIN!, 'pg_ctl'), [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    ]);
  }

  /** Stops it at once (`-m immediate`: connections cut, as a crash would). */
  down(): void {
    asPostgres(join(PG_BIN!, 'pg_ctl'), [
      '-D',
      join(this.dir, 'data'),
      '-m',
      'immediate',
      '-w',
      'stop',
    ]);
  }

  stop(): void {
    try {
      this.down();
    } catch {
      // already down
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return [uid, gid];
}

export class ThrowawayRedis {
  port = 0;
  private child: ChildProcess | null = null;

  static async start(): Promise<ThrowawayRedis> {
    const r = new ThrowawayRedis();
    r.port = await freePort();
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    await new Promise<void>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`redis did not start: ${out}`)), 10_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          ok();
        }
      });
      child.once('exit', () => fail(new Error(`redis exited: ${out}`)));
    });
  }

  /** SIGKILL: the server is gone with everything it held. */
  down(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c || c.exitCode !== null) return Promise.resolve();
    return new Promise((ok) => {
      c.once('exit', () => ok());
      c.kill('SIGKILL');
    });
  }
}
