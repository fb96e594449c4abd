import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from './app';
import type { Config } from './config';
import type { ServedGame } from './served/served-game';
import { SqliteStore } from './storage/sqlite';
import type { MatchStore } from './storage/types';

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (its client is
 * loaded only then, so `npm start` needs nothing but SQLite), else a SQLite file in dataDir.
 * Either applies its migrations first, and refuses a database written by a newer server.
 */
export async function openStore(config: Config): Promise<MatchStore> {
  if (config.databaseUrl) {
    const { PgStore } = await import('./storage/pg');
    return PgStore.open({
      url: config.databaseUrl,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteStore(join(config.dataDir, 'chokepoint.sqlite'));
}

/**
 * Starts the server on the configured store and stops it cleanly on SIGINT/SIGTERM. With
 * REDIS_URL it joins the other processes serving the same database (cluster/cluster.ts).
 */
export async function serve(served: ServedGame, config: Config): Promise<RunningServer> {
  const store = await openStore(config);
  let cluster: import('./cluster/cluster').Cluster | undefined;
  if (config.redisUrl) {
    const { Cluster } = await import('./cluster/cluster');
    cluster = new Cluster({
      redisUrl: config.redisUrl,
      ...(config.nodeName ? { node: config.nodeName } : {}),
      ...(config.redisPrefix ? { prefix: config.redisPrefix } : {}),
    });
    try {
      await cluster.connect();
    } catch (e) {
      await store.close();
      throw new Error(`Redis unavailable at start (${String(e)})`, { cause: e });
    }
  }
  const claim = cluster?.claimBots;
  let sessionPeers: import('./sessions/cluster-sessions').SessionCluster | undefined;
  if (config.redisUrl && served.session) {
    const { SessionCluster } = await import('./sessions/cluster-sessions');
    sessionPeers = new SessionCluster({
      redisUrl: config.redisUrl,
      ...(config.nodeName ? { node: config.nodeName } : {}),
      ...(config.redisPrefix ? { prefix: config.redisPrefix } : {}),
    });
    try {
      await sessionPeers.connect();
    } catch (e) {
      await cluster?.close();
      await store.close();
      throw new Error(`Redis unavailable at start (${String(e)})`, { cause: e });
    }
  }
  const server = await startServer({
    served,
    store,
    host: config.host,
    port: config.port,
    staticDir: config.staticDir,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    trustedProxies: config.trustedProxies,
    limits: config.limits.sockets,
    http: config.limits.http,
    sweep: config.limits.sweep,
    lobby: { ...config.limits.lobby, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) },
    bots: {
      delayMs: config.botDelayMs,
      onError: (m, s, e) => console.warn(`bot ${m}/${s}: ${e}`),
      ...(claim ? { claim } : {}),
    },
    ...(cluster
      ? { shared: { presence: cluster.presence, limits: cluster.limits, chat: cluster.chat } }
      : {}),
    ...(sessionPeers ? { sessionPeers } : {}),
  });
  if (cluster) {
    cluster.join(server);
    const close = server.close.bind(server);
    server.close = async () => {
      await close();
      await sessionPeers?.close();
      await cluster.close();
    };
  }
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
