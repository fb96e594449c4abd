import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from './app';
import type { Config } from './config';
import type { ServedGame } from './served/served-game';
import { SqliteStore } from './storage/sqlite';

/** Starts the server on a SQLite file in config.dataDir and stops it cleanly on SIGINT/SIGTERM. */
export async function serve(served: ServedGame, config: Config): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = new SqliteStore(join(config.dataDir, 'chokepoint.sqlite'));
  const server = await startServer({
    served,
    store,
    host: config.host,
    port: config.port,
    staticDir: config.staticDir,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    limits: config.limits.sockets,
    http: config.limits.http,
    sweep: config.limits.sweep,
    lobby: { ...config.limits.lobby, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) },
    bots: { delayMs: config.botDelayMs, onError: (m, s, e) => console.warn(`bot ${m}/${s}: ${e}`) },
  });
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
