import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as IOServer } from 'socket.io';
import { Authority } from './authority/authority';
import { BotRunner, type BotRunnerOptions } from './bots/runner';
import type { ServedGame } from './served/served-game';
import { lobbyHandler, type LobbyOptions } from './lobby/routes';
import type { SocketLimits } from './net/limits';
import { attachSockets } from './net/sockets';
import { staticHandler } from './static';
import type { MatchStore } from './storage/types';

export interface ServerOptions {
  served: ServedGame;
  store: MatchStore;
  host?: string;
  port?: number;
  /** Built app to serve (e.g. dist/); omitted = API and sockets only. */
  staticDir?: string;
  allowedOrigins?: string[];
  limits?: Partial<SocketLimits>;
  lobby?: LobbyOptions;
  bots?: BotRunnerOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  http: HttpServer;
  io: IOServer;
  authority: Authority;
  bots: BotRunner;
  close(): Promise<void>;
}

/** One HTTP server: the lobby under /api, game sockets under /socket.io, the built app elsewhere. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const authority = new Authority(opts.served, opts.store);
  const bots = new BotRunner(authority, opts.bots);
  const lobby = lobbyHandler(authority, opts.lobby);
  const files = opts.staticDir ? staticHandler(opts.staticDir) : undefined;
  const http = createServer((req, res) => {
    void lobby(req, res).then((handled) => {
      if (handled) return;
      if (files) return files(req, res);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    });
  });
  http.headersTimeout = 15_000;
  http.requestTimeout = 30_000;
  const io = attachSockets(http, authority, {
    ...(opts.allowedOrigins ? { allowedOrigins: opts.allowedOrigins } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.port ?? 0, host, () => ok());
  });
  await bots.resumeAll();
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    http,
    io,
    authority,
    bots,
    async close() {
      bots.stop();
      await new Promise<void>((ok) => io.close(() => ok()));
      await authority.idle();
      await opts.store.close();
    },
  };
}
