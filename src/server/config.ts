import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string;
  allowedOrigins: string[];
  publicUrl?: string;
  botDelayMs: number;
}

const USAGE = `Usage: chokepoint-server [--host H] [--port P] [--data DIR] [--static DIR] [--origin URL]... [--public-url URL] [--bot-delay MS]
Environment: HOST (default 127.0.0.1), PORT (8000), DATA_DIR (./data), STATIC_DIR (./dist),
ALLOWED_ORIGINS (comma-separated), PUBLIC_URL, BOT_DELAY_MS (400). Flags win over environment.`;

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
  const known = ['host', 'port', 'data', 'static', 'origin', 'public-url', 'bot-delay'];
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
  return {
    host: one('host', 'HOST', '127.0.0.1'),
    port,
    dataDir: resolve(one('data', 'DATA_DIR', './data')),
    staticDir: resolve(one('static', 'STATIC_DIR', './dist')),
    allowedOrigins: origins,
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
    botDelayMs,
  };
}
