/**
 * Several real server processes on one PostgreSQL schema and one Redis prefix (both with a random
 * suffix, dropped by `stop`), optionally behind nginx started from the shipped
 * deploy/nginx.conf (its ports rewritten to free loopback ports, in a temp dir).
 *
 * The machine's PostgreSQL (TEST_DATABASE_URL, default 127.0.0.1:5432/test) and Redis
 * (TEST_REDIS_URL, default 127.0.0.1:6379) must be up; .ci/run starts them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';

export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ENTRY = fileURLToPath(new URL('./fixtures/serve-fixture.ts', import.meta.url));
const NGINX_SITE = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
});

/** Where the test's nginx connects to the processes from (their TRUSTED_PROXIES). */
export const NGINX_ADDRESS = '127.0.0.1';

/** Limits for a crowd of test clients that all come from one address (nginx, or localhost). */
export const CROWD_LIMITS: Record<string, string> = {
  FRAMES_PER_SECOND: '10000',
  FRAME_BURST: '10000',
  SYNC_BURST: '10000',
  MATCH_SYNC_BURST: '10000',
  ADDRESS_SYNC_BURST: '10000',
  ADDRESS_SYNCS_PER_SECOND: '10000',
  SOCKETS_PER_ADDRESS: '10000',
  CONNECTIONS_PER_ADDRESS: '10000',
  MAX_CONNECTIONS: '10000',
  WRITES_PER_SECOND: '10000',
  WRITE_BURST: '10000',
  CODE_MISS_BURST: '10000',
  OPEN_MATCHES_PER_ADDRESS: '10000',
};

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface ClusterOptions {
  processes: number;
  nginx: boolean;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Another PostgreSQL (e.g. a throwaway cluster the test stops and starts). */
  pgUrl?: string;
  /** Another Redis (likewise). */
  redisUrl?: string;
  /** The script each process runs (default: the fixture game's server). */
  entry?: string;
  /** Node flags for every process (e.g. `--max-semi-space-size=64`, as the systemd unit runs it). */
  nodeArgs?: string[];
  /** Processes the test runs itself (in its own Node), listed after the spawned ones. */
  extraPorts?: number[];
  /** Each process's --bot-delay (default 0: bots move at once). */
  botDelayMs?: number;
  /**
   * nginx's per-client limits in place of the shipped file's values, as a deployer would set
   * them. Default: the shipped header timeout, and connections per address lifted for a test's
   * crowd of clients from one address (as CROWD_LIMITS lifts the processes' own).
   */
  nginxLimits?: NginxLimits;
}

export interface NginxLimits {
  /** client_header_timeout: ms a client has to send its request headers. */
  headerTimeoutMs?: number;
  /** limit_conn: connections with a request under way (open WebSockets) from one address. */
  connectionsPerAddress?: number;
}

/** The shipped deploy/nginx.conf with its loopback ports and, where given, its limits replaced. */
export function nginxSite(ports: number[], listenPort: number, limits: NginxLimits): string {
  let site = readFileSync(NGINX_SITE, 'utf8');
  for (const [i, port] of ports.entries())
    site = site.replaceAll(`127.0.0.1:${8001 + i}`, `127.0.0.1:${port}`);
  // Processes beyond the shipped three, or fewer: rewrite the shared upstreams' server lists
  // (their balancing and keepalive lines stay).
  const servers = ports.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n');
  site = site.replace(
    /(upstream chokepoint(?:_match)? \{\n[^}]*?;\n)(?:\s*server [^\n]*\n)+/g,
    (_, head: string) => `${head}${servers}\n`,
  );
  site = site.replace('listen 80;', `listen 127.0.0.1:${listenPort};`);
  site = site.replace('listen [::]:80;', '');
  if (limits.headerTimeoutMs !== undefined)
    site = site.replace(
      /client_header_timeout [^;]+;/,
      `client_header_timeout ${limits.headerTimeoutMs}ms;`,
    );
  if (limits.connectionsPerAddress !== undefined)
    site = site.replace(
      /limit_conn chokepoint_addr \d+;/,
      `limit_conn chokepoint_addr ${limits.connectionsPerAddress};`,
    );
  return site;
}

/** A limit as the shipped deploy/nginx.conf sets it (e.g. `client_header_timeout`, in ms). */
export function shippedNginx(): { headerTimeoutMs: number; connectionsPerAddress: number } {
  const site = readFileSync(NGINX_SITE, 'utf8');
  const header = /client_header_timeout (\d+)s;/.exec(site);
  const conns = /limit_conn chokepoint_addr (\d+);/.exec(site);
  if (!header || !conns)
    throw new Error('deploy/nginx.conf: no client_header_timeout or limit_conn');
  return { headerTimeoutMs: Number(header[1]) * 1000, connectionsPerAddress: Number(conns[1]) };
}

interface Proc {
  child: ChildProcess;
  output: string;
}

export class TestCluster {
  readonly schema = `cluster_${randomBytes(5).toString('hex')}`;
  readonly prefix = `cptest${randomBytes(5).toString('hex')}:`;
  readonly ports: number[] = [];
  readonly procs: (Proc | null)[] = [];
  nginxPort = 0;
  private nginx: ChildProcess | null = null;

  get nginxPid(): number | undefined {
    return this.nginx?.pid;
  }
  private dir = '';
  /** Every process's output, kept for a failing test's message. */
  readonly log: string[] = [];

  constructor(readonly opts: ClusterOptions) {}

  static async start(opts: ClusterOptions): Promise<TestCluster> {
    const c = new TestCluster(opts);
    await c.launch();
    return c;
  }

  async launch(): Promise<void> {
    const opts = this.opts;
    this.dir = mkdtempSync(join(tmpdir(), 'chokepoint-cluster-'));
    for (let i = 0; i < opts.processes; i++) this.ports.push(await freePort());
    // One process first: it applies the migrations; the others find them done.
    if (opts.processes > 0) await this.startProcess(0);
    await Promise.all(this.ports.slice(1).map((_, i) => this.startProcess(i + 1)));
    this.ports.push(...(opts.extraPorts ?? []));
    if (opts.nginx) await this.startNginx();
  }

  get pgUrl(): string {
    return this.opts.pgUrl ?? TEST_PG_URL;
  }

  get redisUrl(): string {
    return this.opts.redisUrl ?? TEST_REDIS_URL;
  }

  /** Where clients connect: nginx, or the first process. */
  get url(): string {
    return this.opts.nginx
      ? `http://127.0.0.1:${this.nginxPort}`
      : `http://127.0.0.1:${this.ports[0]}`;
  }

  processUrl(i: number): string {
    return `http://127.0.0.1:${this.ports[i]}`;
  }

  startProcess(i: number): Promise<void> {
    const env = {
      ...process.env,
      FIXTURE_TARGET: '1000000',
      ...CROWD_LIMITS,
      DATABASE_URL: this.pgUrl,
      DATABASE_SCHEMA: this.schema,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.prefix,
      NODE_NAME: `n${i + 1}`,
      DATA_DIR: join(this.dir, `data-n${i + 1}`),
      // No built app unless a test names one (else ./dist, whenever something built it).
      STATIC_DIR: join(this.dir, 'no-app'),
      // Behind nginx, as docs/deploy.md sets it up: nginx names each client.
      ...(this.opts.nginx ? { TRUSTED_PROXIES: NGINX_ADDRESS } : {}),
      ...this.opts.env,
    };
    const child = spawn(
      process.execPath,
      [
        ...(this.opts.nodeArgs ?? []),
        '--import',
        'tsx',
        this.opts.entry ?? ENTRY,
        '--port',
        String(this.ports[i]),
        '--bot-delay',
        String(this.opts.botDelayMs ?? 0),
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const proc: Proc = { child, output: '' };
    this.procs[i] = proc;
    const note = (d: Buffer) => {
      proc.output += d.toString();
      this.log.push(`[n${i + 1}] ${d.toString().trimEnd()}`);
      if (this.log.length > 400) this.log.splice(0, 100);
    };
    child.stderr?.on('data', note);
    return new Promise((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`n${i + 1} did not start: ${proc.output}`)),
        60_000,
      );
      child.stdout?.on('data', (d: Buffer) => {
        note(d);
        if (/LISTENING |Chokepoint listening on /.test(proc.output)) {
          clearTimeout(timer);
          ok();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`n${i + 1} exited ${code ?? signal}: ${proc.output}`));
      });
    });
  }

  /** SIGKILL: no goodbye, no flush, as a crash or the OOM killer would. */
  kill(i: number): Promise<void> {
    const p = this.procs[i];
    this.procs[i] = null;
    if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
    return new Promise((ok) => {
      p.child.once('exit', () => ok());
      p.child.kill('SIGKILL');
    });
  }

  private async startNginx(): Promise<void> {
    if (!NGINX) throw new Error('nginx is not installed (apt-get install -y nginx)');
    this.nginxPort = await freePort();
    const site = nginxSite(
      this.ports,
      this.nginxPort,
      this.opts.nginxLimits ?? {
        connectionsPerAddress: Number(CROWD_LIMITS.CONNECTIONS_PER_ADDRESS),
      },
    );
    const prefix = join(this.dir, 'nginx');
    mkdirSync(join(prefix, 'logs'), { recursive: true });
    writeFileSync(join(prefix, 'site.conf'), site);
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${prefix}/site.conf;
}
`,
    );
    const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.nginx = child;
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
      const up = await fetch(`${this.url}/api/scenarios`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Reads the stored state of a match straight from PostgreSQL. */
  async stored(matchID: string): Promise<{ state: unknown; log: unknown[] }> {
    const db = new pg.Client({ connectionString: this.pgUrl });
    await db.connect();
    try {
      const s = await db.query<{ state: string }>(
        `SELECT state FROM ${this.schema}.match_state WHERE match_id = $1`,
        [matchID],
      );
      const l = await db.query<{ entry: string }>(
        `SELECT entry FROM ${this.schema}.match_log WHERE match_id = $1 ORDER BY seq`,
        [matchID],
      );
      return {
        state: JSON.parse(s.rows[0]!.state) as unknown,
        log: l.rows.map((r) => JSON.parse(r.entry) as unknown),
      };
    } finally {
      await db.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.procs.map((_, i) => this.kill(i)));
    if (this.nginx && this.nginx.exitCode === null) {
      const n = this.nginx;
      await new Promise<void>((ok) => {
        n.once('exit', () => ok());
        n.kill('SIGKILL');
      });
    }
    const db = new pg.Client({ connectionString: this.pgUrl });
    await db
      .connect()
      .then(() => db.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`))
      .catch(() => undefined);
    await db.end().catch(() => undefined);
    const redis = new Redis(this.redisUrl, { lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } catch {
      // A throwaway Redis the test already stopped.
    } finally {
      redis.disconnect();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
