import type { IncomingMessage } from 'node:http';
import { clientAddressOf, type AddressOf } from './client-address';
import type { Server as HttpServer } from 'node:http';
import { Server as IOServer } from 'socket.io';
import type { LogEntry, State } from 'boardgame.io';
import { CLIENT_EVENTS as CLIENT_EVENT_NAMES, type StatusFrame } from '../../protocol';
import type { Authority } from '../authority/authority';
import { publicSeats } from '../authority/views';
import type { ChatRecord, MatchMetadata } from '../storage/types';
import {
  AddressCounter,
  DEFAULT_LIMITS,
  originAllowed,
  RateLimiter,
  TokenBucket,
  type SocketLimits,
} from './limits';
import { limitSendBuffer, send } from './send';
import { ViewFeed } from './feed';
import { textParser } from './text-parser';
import { addCounts, Presence, type SharedPresence } from './presence';
import { chatFrame, type SharedChat } from './chat';
import { handleChat, handleSync, handleUpdate } from './socket-handlers';
import { reject, STATUS_EVENT, stillHolds } from './replies';

export interface SocketOptions {
  allowedOrigins?: string[];
  limits?: Partial<SocketLimits>;
  /** Is this Host header one of ours? (DNS rebinding: see security/host.ts.) Default: any. */
  hostAllowed?: (host: string | undefined) => boolean;
  /** Seats connected to other processes (several processes: cluster/presence.ts). */
  sharedPresence?: SharedPresence;
  /** Chat stored by other processes (several processes: cluster/chat.ts). */
  sharedChat?: SharedChat;
  /** The address group a connection counts against (trusted proxies: net/client-address.ts). */
  addressOf?: AddressOf;
}

const CLIENT_EVENTS: ReadonlySet<string> = new Set(CLIENT_EVENT_NAMES);
/** How long presence changes are gathered before every seat is told. */
const PRESENCE_SETTLE_MS = 40;

/**
 * boardgame.io's socket.io protocol (sync / update / chat from clients; sync,
 * update, matchData, chat to clients) on our own transport, in front of the
 * Authority. Only the Authority changes state; this layer authenticates,
 * limits, binds a socket to one seat, and sends each socket its own view.
 */
export function attachSockets(
  http: HttpServer,
  authority: Authority,
  opts: SocketOptions = {},
): IOServer {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const allowed = opts.allowedOrigins ?? [];
  const addresses = new AddressCounter(limits.maxPerAddress);
  const hostAllowed = opts.hostAllowed ?? (() => true);
  const addressOf = opts.addressOf ?? clientAddressOf();
  const io = new IOServer(http, {
    serveClient: false,
    parser: textParser,
    maxHttpBufferSize: limits.maxFrameBytes,
    cors: { origin: allowed.length > 0 ? allowed : false },
    allowRequest: (req, cb) => {
      if (!hostAllowed(req.headers.host)) return cb('host not allowed', false);
      if (!originAllowed(req.headers.origin, req.headers.host, allowed))
        return cb('origin not allowed', false);
      if (!addresses.hasRoom(addressOf(req))) return cb('too many connections', false);
      cb(null, true);
    },
    pingInterval: 10_000,
    pingTimeout: 20_000,
    connectTimeout: 10_000,
  });
  io.engine.on(
    'connection',
    (raw: { request: IncomingMessage; once: (e: 'close', f: () => void) => void }) => {
      const address = addressOf(raw.request);
      addresses.add(address);
      raw.once('close', () => addresses.remove(address));
    },
  );
  const presence = new Presence();
  const shared = opts.sharedPresence;
  const nsp = io.of('/' + authority.game.name);
  /** Connections per seat on this process and, with several, on the others. */
  const seatCounts = (matchID: string): Map<string, number> =>
    shared ? addCounts(presence.counts(matchID), shared.others(matchID)) : presence.counts(matchID);

  const sendStatus = (matchID: string, meta: MatchMetadata): void => {
    const seats = publicSeats(meta, seatCounts(matchID));
    for (const b of presence.watchers(matchID)) {
      if (b.playerID !== null && !stillHolds(b.playerID, b.credentialHash, meta)) {
        presence.unbind(b.socket.id);
        reject(b.socket, 'sync', 'seat changed hands');
        continue;
      }
      send(b.socket, 'matchData', matchID, seats);
      send(b.socket, STATUS_EVENT, {
        matchID,
        paused: meta.paused,
        gameover: meta.gameover ?? null,
        fixedSeed: meta.fixedSeed === true,
      } satisfies StatusFrame);
    }
  };
  authority.onMetadata(sendStatus);

  const feed = new ViewFeed(authority);
  authority.onUpdate((matchID: string, state: State, deltalog: LogEntry[]) =>
    feed.broadcast(matchID, state, deltalog, presence.watchers(matchID)),
  );

  // Seats connect and leave in bursts (a class joining, a match ending): one announcement per
  // match per moment, rather than one per socket to every other socket.
  const settling = new Set<string>();
  const announcePresence = (matchID: string): void => {
    settling.delete(matchID);
    if (presence.watchers(matchID).length === 0) return;
    Promise.resolve(shared?.follow(matchID))
      .then(() => authority.load(matchID))
      .then(
        (m) => m && sendStatus(matchID, m.metadata),
        (e: unknown) => console.error('presence update failed:', e),
      );
  };
  const settle = (matchID: string): void => {
    if (settling.has(matchID)) return;
    settling.add(matchID);
    setTimeout(() => announcePresence(matchID), PRESENCE_SETTLE_MS).unref();
  };
  // Another process's seats came or went: tell this process's sockets on that match.
  shared?.onChange((matchID) => {
    if (presence.watchers(matchID).length > 0) settle(matchID);
  });
  const presenceChanged = (matchID: string): void => {
    shared?.publish(matchID, presence.counts(matchID));
    if (presence.watchers(matchID).length === 0) {
      shared?.unfollow(matchID);
      feed.forget(matchID);
      authority.releaseFinished(matchID);
      return; // nobody left to tell
    }
    settle(matchID);
  };
  // A match's chat: this process's sockets on the match hear every message, wherever it was said.
  const sharedChat = opts.sharedChat;
  const deliverChat = (matchID: string, m: ChatRecord): void => {
    const frame = chatFrame(m);
    for (const w of presence.watchers(matchID)) send(w.socket, 'chat', matchID, frame);
  };
  sharedChat?.onMessage(deliverChat);
  const roundOf = authority.served.roundOf;
  const ctx = {
    authority,
    addressOf,
    roundOf: (state: State) => roundOf?.(state.G) ?? state.ctx.turn,
    chatSaid: (matchID: string, m: ChatRecord) => {
      deliverChat(matchID, m);
      sharedChat?.publish(matchID, m);
    },
    presence,
    presenceChanged,
    seatCounts,
    feed,
    limits,
    matchSyncs: new RateLimiter(
      limits.matchSyncsPerSecond,
      limits.matchSyncBurst,
      limits.rateTableSize,
    ),
    addressSyncs: new RateLimiter(
      limits.addressSyncsPerSecond,
      limits.addressSyncBurst,
      limits.rateTableSize,
    ),
  };

  nsp.on('connection', (socket) => {
    limitSendBuffer(socket, limits.sendBufferBytes);
    const own = socket.data as { syncs?: TokenBucket; chats?: TokenBucket };
    own.syncs = new TokenBucket(limits.syncsPerSecond, limits.syncBurst);
    own.chats = new TokenBucket(limits.chatsPerSecond, limits.chatBurst);
    const bucket = new TokenBucket(limits.perSecond, limits.burst);
    let strikes = 0;
    socket.use((packet, next) => {
      const [event, ...rest] = packet;
      const ack = rest[rest.length - 1];
      if (!bucket.take()) {
        reject(socket, String(event), 'rate limited', ack);
        if (++strikes > limits.maxStrikes) socket.disconnect(true);
        return;
      }
      if (typeof event !== 'string' || !CLIENT_EVENTS.has(event))
        return reject(socket, String(event), 'unknown event', ack);
      // Only a MAKE_MOVE leaves a patch reader's state alone (feed.ts); anything else may not.
      if (event === 'update' && (rest[0] as { type?: unknown } | null)?.type !== 'MAKE_MOVE')
        feed.unsure(socket);
      next();
    });
    const guarded =
      (event: string, handler: typeof handleSync) =>
      (...args: unknown[]) => {
        handler(ctx, socket, args).catch((e: unknown) => {
          console.error(`socket ${event} failed:`, e);
          reject(socket, event, 'server error', args[args.length - 1]);
        });
      };
    socket.on('sync', guarded('sync', handleSync));
    socket.on('update', guarded('update', handleUpdate));
    socket.on('chat', guarded('chat', handleChat));
    socket.on('disconnect', () => {
      const b = presence.unbind(socket.id);
      if (b && b.playerID !== null) presenceChanged(b.matchID);
    });
  });
  return io;
}
