import type { AddressOf } from './client-address';
import type { Socket } from 'socket.io';
import type { Authority } from '../authority/authority';
import { verifySecret } from '../security/secrets';
import { isMatchID, isSeatID, type RateLimiter, type SocketLimits } from './limits';
import type { ViewFeed } from './feed';
import type { Presence } from './presence';
import { reject, stillHolds } from './replies';
import { send } from './send';

export interface HandlerContext {
  authority: Authority;
  presence: Presence;
  presenceChanged: (matchID: string) => void;
  /** Connections per seat, on every process. */
  seatCounts: (matchID: string) => Map<string, number>;
  feed: ViewFeed;
  limits: SocketLimits;
  /** Sync budgets per match and per address group (per socket: `SocketState.syncs`). */
  matchSyncs: RateLimiter;
  addressSyncs: RateLimiter;
  addressOf: AddressOf;
}

/** The socket's own sync budget (see sockets.ts). */
interface SocketState {
  syncs?: { take(): boolean };
}

type Ack = (reply: unknown) => void;
const ackOf = (args: unknown[]): Ack | undefined => {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Ack) : undefined;
};

/** sync(matchID, playerID, credentials, numPlayers): bind this socket to a seat (or as spectator) and send its view. */
export async function handleSync(
  ctx: HandlerContext,
  socket: Socket,
  args: unknown[],
): Promise<void> {
  const [matchID, playerID, credentials] = args;
  const ack = ackOf(args);
  if (!isMatchID(matchID)) return reject(socket, 'sync', 'bad match id', ack);
  if (playerID !== null && playerID !== undefined && !isSeatID(playerID))
    return reject(socket, 'sync', 'bad seat', ack);
  // A sync costs a filtered view of the whole state and its bytes on the wire: each socket,
  // each match and each address group has a budget, so a crowd cannot turn syncs into a flood.
  const own = (socket.data as SocketState).syncs;
  if (own && !own.take()) return reject(socket, 'sync', 'too many syncs', ack);
  if (!ctx.addressSyncs.take(ctx.addressOf(socket.conn.request)))
    return reject(socket, 'sync', 'too many syncs from this address', ack);
  // The per-match budget is for spectators only: a crowd of them cannot starve the players'
  // own syncs (which the per-socket budget and the sockets-per-seat cap already bound).
  if (typeof playerID !== 'string' && !ctx.matchSyncs.take(matchID))
    return reject(socket, 'sync', 'too many syncs for this match', ack);
  const { authority, presence, limits } = ctx;
  const error = await authority.exclusive(matchID, async () => {
    const match = await authority.load(matchID);
    if (!match) return 'match not found';
    let credentialHash: string | null = null;
    if (typeof playerID === 'string') {
      const seat = match.metadata.seats.find((s) => s.id === playerID);
      if (!seat || seat.kind !== 'person' || !verifySecret(credentials, seat.credential))
        return 'unauthorized';
      credentialHash = seat.credential?.hash ?? null;
    }
    const viewer = typeof playerID === 'string' ? playerID : null;
    const already = presence.get(socket.id);
    const same = already?.matchID === matchID && already.playerID === viewer;
    if (!same) {
      const watching = presence.watchers(matchID).filter((b) => b.playerID === viewer).length;
      if (viewer === null && watching >= limits.spectatorsPerMatch)
        return 'too many spectators for this match';
      if (viewer !== null && watching >= limits.socketsPerSeat)
        return 'too many connections for this seat';
    }
    const initialState = await authority.initialState(matchID);
    if (!initialState) return 'match not found';
    const binding = {
      socket,
      matchID,
      playerID: viewer,
      credentialHash,
      patches: ctx.feed.wantsPatches(socket),
    };
    const prev = presence.bind(binding);
    const info = authority.views.sync(
      matchID,
      viewer,
      { state: match.state, initialState },
      match.metadata,
      ctx.seatCounts(matchID),
    );
    send(socket, 'sync', matchID, info);
    ctx.feed.synced(binding, match.state._stateID, info.state);
    ack?.({ ok: true, stateID: match.state._stateID });
    if (prev && prev.matchID !== matchID) ctx.presenceChanged(prev.matchID);
    ctx.presenceChanged(matchID);
    return null;
  });
  if (error) reject(socket, 'sync', error, ack);
}

/** update(action, stateID, matchID, playerID): a move or an allowed event from the seat this socket is bound to. */
export async function handleUpdate(
  ctx: HandlerContext,
  socket: Socket,
  args: unknown[],
): Promise<void> {
  const [action, stateID, matchID, playerID] = args;
  const ack = ackOf(args);
  const b = ctx.presence.get(socket.id);
  if (!b || b.playerID === null) return reject(socket, 'update', 'not seated', ack);
  if (matchID !== b.matchID || playerID !== b.playerID)
    return reject(socket, 'update', 'not your seat', ack);
  const seat = b.playerID;
  const hash = b.credentialHash;
  const result = await ctx.authority.submit(b.matchID, seat, action, stateID, (meta) =>
    stillHolds(seat, hash, meta) ? null : 'seat changed hands',
  );
  if (!result.ok) return reject(socket, 'update', result.error, ack);
  ack?.({ ok: true, stateID: result.stateID });
}

/** chat(matchID, {id, payload}, credentials): plain-text chat from a seated socket. */
export async function handleChat(
  ctx: HandlerContext,
  socket: Socket,
  args: unknown[],
): Promise<void> {
  const [matchID, message] = args;
  const ack = ackOf(args);
  const b = ctx.presence.get(socket.id);
  if (!b || b.playerID === null || matchID !== b.matchID)
    return reject(socket, 'chat', 'not seated', ack);
  if (typeof message !== 'object' || message === null)
    return reject(socket, 'chat', 'malformed chat', ack);
  const { id, payload } = message as { id?: unknown; payload?: unknown };
  if (
    typeof id !== 'string' ||
    id.length > 64 ||
    typeof payload !== 'string' ||
    payload.length > 500
  ) {
    return reject(socket, 'chat', 'malformed chat', ack);
  }
  const clean = { id, sender: b.playerID, payload };
  for (const w of ctx.presence.watchers(b.matchID)) send(w.socket, 'chat', b.matchID, clean);
  ack?.({ ok: true });
}
