import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Server as IOServer } from 'socket.io';
import { Authority } from './authority/authority';
import { BotRunner, type BotRunnerOptions } from './bots/runner';
import type { ServedGame } from './served/served-game';
import { lobbyHandler, type LobbyOptions } from './lobby/routes';
import { AddressCounter, addressKey, type SharedLimits, type SocketLimits } from './net/limits';
import type { SharedPresence } from './net/presence';
import type { SharedChat } from './net/chat';
import { clientAddressOf, isTrustedPeer } from './net/client-address';
import { attachSockets } from './net/sockets';
import { hostPolicy, securityHeaders } from './security/host';
import { staticHandler } from './static';
import { Sweeper, type SweepOptions } from './storage/sweeper';
import type { SessionPeers } from './sessions/cluster-sessions';
import { SessionManager } from './sessions/manager';
import { sessionHandler, type SessionRouteOptions } from './sessions/routes';
import { attachSessionSockets } from './sessions/socket';
import type { MatchStore } from './storage/types';

/** Limits on the HTTP server itself (slow clients, connection floods). */
export interface HttpLimits {
  /** ms a client has to send its request headers (node: headersTimeout). */
  headersTimeoutMs: number;
  /** ms a client has to send its whole request (node: requestTimeout). */
  requestTimeoutMs: number;
  /** ms an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections in all (node: maxConnections); keep it under the file-descriptor limit. */
  maxConnections: number;
  /** Open connections from one address (IPv6: one /64), sockets included. */
  connectionsPerAddress: number;
}

export const DEFAULT_HTTP: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 900,
  connectionsPerAddress: 256,
};

export interface ServerOptions {
  served: ServedGame;
  store: MatchStore;
  host?: string;
  port?: number;
  /** Built app to serve (e.g. dist/); omitted = API and sockets only. */
  staticDir?: string;
  allowedOrigins?: string[];
  /** Host names this server answers to besides PUBLIC_URL's (see security/host.ts). */
  allowedHosts?: string[];
  /** Load balancers whose X-Forwarded-For names the client (net/client-address.ts). */
  trustedProxies?: string[];
  limits?: Partial<SocketLimits>;
  http?: Partial<HttpLimits>;
  lobby?: LobbyOptions;
  bots?: BotRunnerOptions;
  sweep?: Partial<SweepOptions>;
  sessionRoutes?: SessionRouteOptions;
  /** Several processes (cluster/cluster.ts): presence, chat and the lobby's budgets across them. */
  shared?: { presence?: SharedPresence; limits?: SharedLimits; chat?: SharedChat };
  /** The other processes sharing the sessions (REDIS_URL: sessions/cluster-sessions.ts). */
  sessionPeers?: SessionPeers;
}

export interface RunningServer {
  url: string;
  port: number;
  http: HttpServer;
  io: IOServer;
  authority: Authority;
  bots: BotRunner;
  sweeper: Sweeper;
  /** Facilitators' sessions (null for a game without session hooks). */
  sessions: SessionManager | null;
  close(): Promise<void>;
}

/** One HTTP server: the lobby under /api, game sockets under /socket.io, the built app elsewhere. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_HTTP, ...opts.http };
  const authority = new Authority(opts.served, opts.store);
  const bots = new BotRunner(authority, opts.bots);
  const addressOf = clientAddressOf(opts.trustedProxies);
  const fromProxy = isTrustedPeer(opts.trustedProxies);
  const lobby = lobbyHandler(authority, {
    ...opts.lobby,
    addressOf,
    ...(opts.shared?.limits ? { shared: opts.shared.limits } : {}),
  });
  const sessions = opts.served.session
    ? new SessionManager(authority, Date.now, opts.sessionPeers ?? null)
    : null;
  const sessionRoutes = sessions
    ? sessionHandler(sessions, {
        ...(opts.lobby?.publicUrl ? { publicUrl: opts.lobby.publicUrl } : {}),
        ...opts.sessionRoutes,
        addressOf,
      })
    : async () => false;
  const files = opts.staticDir ? staticHandler(opts.staticDir) : undefined;
  const hostAllowed = hostPolicy({
    listenHost: host,
    publicUrl: opts.lobby?.publicUrl,
    allowedHosts: opts.allowedHosts ?? [],
    allowedOrigins: opts.allowedOrigins ?? [],
  });
  const publicOrigin = opts.lobby?.publicUrl ? new URL(opts.lobby.publicUrl).origin : undefined;
  const headers = securityHeaders({
    connectSrc: publicOrigin ? [publicOrigin, publicOrigin.replace(/^http/, 'ws')] : [],
    https: publicOrigin?.startsWith('https:') ?? false,
  });
  // Node enforces the header and request timeouts only when it checks its connections (every
  // 30 s by default, so slow headers lived 25-45 s): check often enough to honour them.
  const checkEvery = Math.max(100, Math.min(1000, limits.headersTimeoutMs / 2));
  const http = createServer({ connectionsCheckingInterval: checkEvery }, (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // A forged Host (DNS rebinding) gets nothing: no lobby, no files.
    if (!hostAllowed(req.headers.host)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
        .end('unknown host');
      return;
    }
    void sessionRoutes(req, res)
      .then((mine) => mine || lobby(req, res))
      .then((handled) => {
        if (handled) return;
        if (files) return files(req, res);
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      });
  });
  http.headersTimeout = limits.headersTimeoutMs;
  http.requestTimeout = limits.requestTimeoutMs;
  http.keepAliveTimeout = limits.keepAliveTimeoutMs;
  http.maxConnections = limits.maxConnections;
  // Connections per address group: a flood of slow connections from one place is cut at once.
  const perAddress = new AddressCounter(limits.connectionsPerAddress);
  http.on('connection', (socket: Socket) => {
    // A load balancer's connections carry many clients: each request is counted by client.
    if (fromProxy(socket.remoteAddress)) return;
    const key = addressKey(socket.remoteAddress);
    if (!perAddress.hasRoom(key)) {
      socket.destroy();
      return;
    }
    perAddress.add(key);
    socket.once('close', () => perAddress.remove(key));
  });
  const io = attachSockets(http, authority, {
    ...(opts.allowedOrigins ? { allowedOrigins: opts.allowedOrigins } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    hostAllowed,
    addressOf,
    ...(opts.shared?.presence ? { sharedPresence: opts.shared.presence } : {}),
    ...(opts.shared?.chat ? { sharedChat: opts.shared.chat } : {}),
  });
  if (sessions) attachSessionSockets(io, sessions);
  const sweeper = new Sweeper(authority, opts.sweep);
  if (sessions) sweeper.onSessionWiped((id) => sessions.forget(id));
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.port ?? 0, host, () => ok());
  });
  await bots.resumeAll();
  await sessions?.resumeAll();
  sweeper.start();
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    http,
    io,
    authority,
    bots,
    sweeper,
    sessions,
    async close() {
      sweeper.stop();
      await sessions?.stop();
      bots.stop();
      await new Promise<void>((ok) => io.close(() => ok()));
      await authority.idle();
      await opts.store.close();
    },
  };
}
