/**
 * A server under load, in its own process (so harness and server use separate cores):
 *   node --import tsx bench/server/server-entry.ts <ours-chokepoint|ours-minimal|stock-minimal> <dataDir>
 * Prints "LISTENING <url>".
 */
// First: measure what `npm start` runs. boardgame.io (per-move serializability check) and
// immer (development build) pick their production paths when loaded, so this precedes them.
import '../../src/server/production-env';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { SqliteStore } from '../../src/server/storage/sqlite';
import { MinimalGame, minimalServed } from './minimal-game';

const [kind = 'ours-chokepoint', dataDir = './data/bench'] = process.argv.slice(2);
mkdirSync(dataDir, { recursive: true });

if (kind === 'stock-minimal') {
  const { Server } = await import('boardgame.io/server');
  const server = Server({ games: [MinimalGame], origins: [] });
  const listen = server.app.listen.bind(server.app) as (...args: unknown[]) => unknown;
  // boardgame.io's run() listens on every interface; keep the benchmark on loopback.
  server.app.listen = ((port: number, cb: () => void) =>
    listen(port, '127.0.0.1', cb)) as typeof server.app.listen;
  const { appServer } = await server.run(0);
  const address = appServer.address();
  process.stdout.write(
    `LISTENING http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`,
  );
} else {
  const served = kind === 'ours-minimal' ? minimalServed : chokepointServed;
  const server = await startServer({
    served,
    store: new SqliteStore(join(dataDir, `${kind}.sqlite`)),
    // The harness plays every match from one loopback address: lift the per-address limits;
    // every other limit keeps its default (the soak's hostile sockets meet them).
    lobby: {
      writesPerSecond: 100_000,
      writeBurst: 100_000,
      codeMissBurst: 100_000,
      openMatchesPerAddress: 100_000,
    },
    limits: {
      maxPerAddress: 100_000,
      perSecond: 1000,
      burst: 1000,
      addressSyncsPerSecond: 100_000,
      addressSyncBurst: 100_000,
    },
    http: { maxConnections: 100_000, connectionsPerAddress: 100_000 },
    sessionRoutes: { writesPerSecond: 100_000, writeBurst: 100_000, codeMissBurst: 100_000 },
    bots: { delayMs: 0 },
  });
  process.stdout.write(`LISTENING ${server.url}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
