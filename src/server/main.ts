/**
 * `npm start`: one Node process on one port serving the built app (dist/),
 * the game server (socket.io) and the lobby (/api), on an embedded SQLite file.
 * Flags/env: --host/HOST (127.0.0.1), --port/PORT (8000), --data/DATA_DIR (./data).
 */
// First: boardgame.io and immer choose their production code paths when loaded.
import './production-env';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfig } from './config';
import { chokepointServed } from './served/chokepoint';
import { serve } from './serve';

try {
  const config = readConfig(process.argv.slice(2), process.env);
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    console.warn(
      `No built app in ${config.staticDir} (run npm run build); serving the API and sockets only.`,
    );
  }
  const server = await serve(chokepointServed, config);
  const data = config.databaseUrl
    ? `PostgreSQL${config.databaseSchema ? `, schema ${config.databaseSchema}` : ''}`
    : config.dataDir;
  console.log(`Chokepoint listening on ${server.url} (data in ${data})`);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  // A database the server cannot use (newer schema, unreachable): say so plainly and stop.
  if (
    e instanceof Error &&
    /newer than this server|ECONNREFUSED|database unavailable|Redis unavailable/.test(e.message)
  ) {
    console.error(`Cannot start: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
