/**
 * `TEST_CLUSTER=1`: startTestServer (helpers.ts) returns three processes behind nginx on one
 * PostgreSQL schema and one Redis prefix of their own: two spawned, and one in this test's own
 * Node, whose authority hears every move of every process (the leak suite checks every frame
 * against those states). The returned url is nginx's, so the suite's sockets land on any of them.
 */
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import { Cluster } from '../../src/server/cluster/cluster';
import { SessionCluster } from '../../src/server/sessions/cluster-sessions';
import { LIMIT_VARS } from '../../src/server/config';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { PgStore } from '../../src/server/storage/pg';
import { freePort, NGINX_ADDRESS, TestCluster } from './cluster-harness';
import { fixtureServed } from './fixtures/game';

/** The limits and origins a suite gives its server, as the environment the processes read. */
function limitEnv(opts: Partial<ServerOptions>): Record<string, string> {
  const sections: Record<string, object | undefined> = {
    sockets: opts.limits,
    lobby: opts.lobby,
    http: opts.http,
    sweep: opts.sweep,
  };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(LIMIT_VARS)) {
    const value = (sections[spec.section] as Record<string, unknown> | undefined)?.[spec.key];
    if (typeof value === 'number') env[name] = String(value / (spec.scale ?? 1));
  }
  if (opts.allowedOrigins) env.ALLOWED_ORIGINS = opts.allowedOrigins.join(',');
  if (opts.allowedHosts) env.ALLOWED_HOSTS = opts.allowedHosts.join(',');
  if (opts.lobby?.publicUrl) env.PUBLIC_URL = opts.lobby.publicUrl;
  if (opts.staticDir) env.STATIC_DIR = opts.staticDir;
  return env;
}

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

export async function startClusterTestServer(
  over: Partial<ServerOptions>,
  limits: Partial<ServerOptions>,
): Promise<RunningServer> {
  const served = over.served ?? fixtureServed();
  if (over.served && over.served !== chokepointServed)
    throw new Error('TEST_CLUSTER=1 runs Chokepoint or the fixture game only');
  // Behind nginx, slow headers and connection floods are nginx's to refuse: a suite's own
  // limits for them are set in nginx, as a deployer would (the rest keep the shipped file's).
  const http = { ...limits.http, ...over.http };
  const harness = new TestCluster({
    processes: 2,
    nginx: true,
    nginxLimits: {
      ...(http.headersTimeoutMs !== undefined ? { headerTimeoutMs: http.headersTimeoutMs } : {}),
      ...(http.connectionsPerAddress !== undefined
        ? { connectionsPerAddress: http.connectionsPerAddress }
        : {}),
    },
    ...(over.served === chokepointServed ? { entry: MAIN } : {}),
    // The fixture's own winning score, and the suite's limits, as on one process.
    env: { FIXTURE_TARGET: '', ...limitEnv({ ...limits, ...over }) },
  });
  const store = await PgStore.open({ url: harness.pgUrl, schema: harness.schema });
  // An observer: the others send it every write in full, whoever reads the match.
  const cluster = new Cluster({
    redisUrl: harness.redisUrl,
    node: 'n3',
    prefix: harness.prefix,
    observer: true,
  });
  await cluster.connect();
  // Chokepoint's class sessions are shared with the spawned processes too (as serve.ts does).
  const sessionPeers = served.session
    ? new SessionCluster({ redisUrl: harness.redisUrl, node: 'n3', prefix: harness.prefix })
    : undefined;
  await sessionPeers?.connect();
  const server = await startServer({
    served,
    store,
    ...limits,
    ...over,
    port: await freePort(),
    trustedProxies: [NGINX_ADDRESS],
    bots: { delayMs: 0, ...over.bots, claim: cluster.claimBots },
    shared: { presence: cluster.presence, limits: cluster.limits, chat: cluster.chat },
    ...(sessionPeers ? { sessionPeers } : {}),
  });
  cluster.join(server);
  harness.opts.extraPorts = [server.port];
  try {
    await harness.launch();
  } catch (e) {
    await server.close();
    await sessionPeers?.close();
    await cluster.close();
    await harness.stop();
    throw e;
  }
  return {
    ...server,
    url: harness.url,
    port: harness.nginxPort,
    async close() {
      await server.close();
      await sessionPeers?.close();
      await cluster.close();
      await harness.stop();
    },
  };
}
