import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { HttpLimits } from './app';
import type { LobbyOptions } from './lobby/routes';
import type { SocketLimits } from './net/limits';
import type { SweepOptions } from './storage/sweeper';

export interface LimitsConfig {
  sockets: Partial<SocketLimits>;
  lobby: Partial<LobbyOptions>;
  http: Partial<HttpLimits>;
  sweep: Partial<SweepOptions>;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string;
  allowedOrigins: string[];
  /** Host names the server answers to besides PUBLIC_URL's (DNS rebinding, security/host.ts). */
  allowedHosts: string[];
  /** Load balancers whose X-Forwarded-For names the client (net/client-address.ts). */
  trustedProxies: string[];
  publicUrl?: string;
  botDelayMs: number;
  limits: LimitsConfig;
  /** postgres://… selects the PostgreSQL store (storage/pg.ts); unset: SQLite in dataDir. */
  databaseUrl?: string;
  /** The PostgreSQL schema to use (created if missing); unset: the connection's search_path. */
  databaseSchema?: string;
  /** redis://… joins this process to the others serving the same database (cluster/). */
  redisUrl?: string;
  /** This process's name among the others (nginx routes a socket.io session by it). */
  nodeName?: string;
  /** Prefix of every Redis key and channel (several deployments on one Redis). */
  redisPrefix?: string;
}

type Section = keyof LimitsConfig;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Every limit that can be changed, by its environment variable (or `--limit NAME=VALUE`).
 * Defaults live beside each limit (net/limits.ts, lobby/routes.ts, app.ts, storage/sweeper.ts);
 * the server README lists them all.
 */
export const LIMIT_VARS: Record<string, { section: Section; key: string; scale?: number }> = {
  MAX_FRAME_BYTES: { section: 'sockets', key: 'maxFrameBytes' },
  FRAMES_PER_SECOND: { section: 'sockets', key: 'perSecond' },
  FRAME_BURST: { section: 'sockets', key: 'burst' },
  MAX_STRIKES: { section: 'sockets', key: 'maxStrikes' },
  SOCKETS_PER_ADDRESS: { section: 'sockets', key: 'maxPerAddress' },
  SEND_BUFFER_BYTES: { section: 'sockets', key: 'sendBufferBytes' },
  SYNCS_PER_SECOND: { section: 'sockets', key: 'syncsPerSecond' },
  SYNC_BURST: { section: 'sockets', key: 'syncBurst' },
  MATCH_SYNCS_PER_SECOND: { section: 'sockets', key: 'matchSyncsPerSecond' },
  MATCH_SYNC_BURST: { section: 'sockets', key: 'matchSyncBurst' },
  ADDRESS_SYNCS_PER_SECOND: { section: 'sockets', key: 'addressSyncsPerSecond' },
  ADDRESS_SYNC_BURST: { section: 'sockets', key: 'addressSyncBurst' },
  CHATS_PER_SECOND: { section: 'sockets', key: 'chatsPerSecond' },
  CHAT_BURST: { section: 'sockets', key: 'chatBurst' },
  SPECTATORS_PER_MATCH: { section: 'sockets', key: 'spectatorsPerMatch' },
  SOCKETS_PER_SEAT: { section: 'sockets', key: 'socketsPerSeat' },
  RATE_TABLE_SIZE: { section: 'sockets', key: 'rateTableSize' },
  WRITES_PER_SECOND: { section: 'lobby', key: 'writesPerSecond' },
  WRITE_BURST: { section: 'lobby', key: 'writeBurst' },
  CODE_MISSES_PER_MINUTE: { section: 'lobby', key: 'codeMissesPerMinute' },
  CODE_MISS_BURST: { section: 'lobby', key: 'codeMissBurst' },
  OPEN_MATCHES_PER_ADDRESS: { section: 'lobby', key: 'openMatchesPerAddress' },
  HEADERS_TIMEOUT_MS: { section: 'http', key: 'headersTimeoutMs' },
  REQUEST_TIMEOUT_MS: { section: 'http', key: 'requestTimeoutMs' },
  KEEP_ALIVE_TIMEOUT_MS: { section: 'http', key: 'keepAliveTimeoutMs' },
  MAX_CONNECTIONS: { section: 'http', key: 'maxConnections' },
  CONNECTIONS_PER_ADDRESS: { section: 'http', key: 'connectionsPerAddress' },
  MATCH_IDLE_DAYS: { section: 'sweep', key: 'idleMs', scale: DAY },
  FINISHED_MATCH_DAYS: { section: 'sweep', key: 'finishedMs', scale: DAY },
  ENDED_SESSION_DAYS: { section: 'sweep', key: 'endedSessionMs', scale: DAY },
  SWEEP_EVERY_MS: { section: 'sweep', key: 'everyMs' },
};

const USAGE = `Usage: chokepoint-server [--host H] [--port P] [--data DIR] [--static DIR] [--origin URL]... [--allowed-host NAME]... [--trusted-proxy IP]... [--public-url URL] [--bot-delay MS] [--database-url URL] [--database-schema NAME] [--redis-url URL] [--node NAME] [--limit NAME=VALUE]...
Environment: HOST (default 127.0.0.1), PORT (8000), DATA_DIR (./data), STATIC_DIR (./dist),
ALLOWED_ORIGINS (comma-separated), ALLOWED_HOSTS (comma-separated), TRUSTED_PROXIES (comma-separated IPs), PUBLIC_URL, BOT_DELAY_MS (400),
DATABASE_URL (postgres://…; default: SQLite in DATA_DIR), DATABASE_SCHEMA, REDIS_URL (redis://…:
several processes serve the same matches), NODE_NAME (this process among them), REDIS_PREFIX (chokepoint:),
and every limit by name (${Object.keys(LIMIT_VARS).join(', ')}). Flags win over environment.`;

function readLimits(flags: string[], env: NodeJS.ProcessEnv): LimitsConfig {
  const out: LimitsConfig = { sockets: {}, lobby: {}, http: {}, sweep: {} };
  const values = new Map<string, string>();
  for (const name of Object.keys(LIMIT_VARS)) {
    const v = env[name];
    if (v !== undefined && v !== '') values.set(name, v);
  }
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = eq > 0 ? flag.slice(0, eq) : flag;
    if (!Object.hasOwn(LIMIT_VARS, name))
      throw new ConfigError(`unknown limit ${name}; known: ${Object.keys(LIMIT_VARS).join(', ')}`);
    values.set(name, flag.slice(eq + 1));
  }
  for (const [name, raw] of values) {
    const spec = LIMIT_VARS[name]!;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number >= 0`);
    (out[spec.section] as Record<string, number>)[spec.key] = n * (spec.scale ?? 1);
  }
  return out;
}

export class ConfigError extends Error {}

/** Reads flags (--name value or --name=value) over environment variables over defaults. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') throw new ConfigError(USAGE);
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument ${arg}\n${USAGE}`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ConfigError(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  const known = [
    'host',
    'port',
    'data',
    'static',
    'origin',
    'allowed-host',
    'trusted-proxy',
    'public-url',
    'bot-delay',
    'database-url',
    'database-schema',
    'redis-url',
    'node',
    'redis-prefix',
    'limit',
  ];
  for (const name of flags.keys())
    if (!known.includes(name)) throw new ConfigError(`unknown flag --${name}\n${USAGE}`);
  const one = (flag: string, envName: string, fallback: string): string =>
    flags.get(flag)?.at(-1) ?? env[envName] ?? fallback;
  const port = Number(one('port', 'PORT', '8000'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError('port must be an integer 0-65535');
  const botDelayMs = Number(one('bot-delay', 'BOT_DELAY_MS', '400'));
  if (!Number.isFinite(botDelayMs) || botDelayMs < 0)
    throw new ConfigError('bot delay must be a number of milliseconds');
  const origins =
    flags.get('origin') ?? (env.ALLOWED_ORIGINS ?? '').split(',').filter((s) => s.length > 0);
  const publicUrl = flags.get('public-url')?.at(-1) ?? env.PUBLIC_URL;
  const allowedHosts =
    flags.get('allowed-host') ?? (env.ALLOWED_HOSTS ?? '').split(',').filter((s) => s.length > 0);
  const trustedProxies =
    flags.get('trusted-proxy') ??
    (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  for (const a of trustedProxies)
    if (!isIP(a))
      throw new ConfigError(
        `TRUSTED_PROXIES: "${a}" is not an IP address (name each load balancer's address)`,
      );
  const limits = readLimits(flags.get('limit') ?? [], env);
  const optional = (flag: string, envName: string): string | undefined => {
    const v = flags.get(flag)?.at(-1) ?? env[envName];
    return v === undefined || v === '' ? undefined : v;
  };
  const databaseUrl = optional('database-url', 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must start with postgres:// (or be unset for SQLite)');
  const databaseSchema = optional('database-schema', 'DATABASE_SCHEMA');
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema))
    throw new ConfigError('DATABASE_SCHEMA must be lower-case letters, digits and _');
  const redisUrl = optional('redis-url', 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  if (redisUrl !== undefined && databaseUrl === undefined)
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: several processes must share one PostgreSQL database',
    );
  const redisPrefix = optional('redis-prefix', 'REDIS_PREFIX');
  const nodeName = optional('node', 'NODE_NAME');
  if (nodeName !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(nodeName))
    throw new ConfigError('NODE_NAME must be 1-16 letters or digits');
  return {
    host: one('host', 'HOST', '127.0.0.1'),
    port,
    dataDir: resolve(one('data', 'DATA_DIR', './data')),
    staticDir: resolve(one('static', 'STATIC_DIR', './dist')),
    allowedOrigins: origins,
    allowedHosts,
    trustedProxies,
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
    botDelayMs,
    limits,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(databaseSchema ? { databaseSchema } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(nodeName ? { nodeName } : {}),
    ...(redisPrefix ? { redisPrefix } : {}),
  };
}
