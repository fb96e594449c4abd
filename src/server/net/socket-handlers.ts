import type { AddressOf } from './client-address';
import type { State } from 'boardgame.io';
import type { Socket } from 'socket.io';
import { TALK_MAX_CHARS } from '../../protocol';
import type { Authority } from '../authority/authority';
import { verifySecret } from '../security/secrets';
import { StorageError, type ChatRecord } from '../storage/types';
import { chatFrame, MATCH_CHAT_CAP, newChatID } from './chat';
import { isMatchID, isSeatID, type RateLimiter, type SocketLimits } from './limits';
import type { ViewFeed } from './feed';
import { cleanText } from './plain-text';
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
  /** The round a match's state is in (a match's chat is kept by round). */
  roundOf: (state: State) => number;
  /** A chat message was stored: send it to the match's sockets here and on the other processes. */
  chatSaid: (matchID: string, message: ChatRecord) => void;
}

/** The socket's own budgets (see sockets.ts), and the match whose chat it was sent. */
interface SocketState {
  syncs?: { take(): boolean };
  chats?: { take(): boolean };
  chatSentFor?: string;
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
    await sendChatSoFar(ctx, socket, matchID);
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

/**
 * The match's chat so far, one `chat` frame per message as boardgame.io's client takes them,
 * with a socket's first sync of the match (not again at each re-sync after a refused move).
 * Run inside the match's queue, where no message is stored meanwhile.
 */
async function sendChatSoFar(ctx: HandlerContext, socket: Socket, matchID: string): Promise<void> {
  const state = socket.data as SocketState;
  if (state.chatSentFor === matchID) return;
  let said: ChatRecord[];
  try {
    said = await ctx.authority.store.listChat(matchID);
  } catch (e) {
    // The game goes on without its chat for now; the next sync tries again.
    console.warn(`reading the chat of ${matchID} failed:`, e);
    return;
  }
  state.chatSentFor = matchID;
  for (const m of said) send(socket, 'chat', matchID, chatFrame(m));
}

/**
 * chat(matchID, {id, payload}, credentials): plain-text chat from a seated socket. Stored with
 * the match and the round it is in, then sent to everyone watching; the client's id is not
 * kept (the server gives each message its own).
 */
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
  const text = cleanText((message as { payload?: unknown }).payload);
  if (text === null)
    return reject(socket, 'chat', `a message is 1 to ${TALK_MAX_CHARS} characters of text`, ack);
  const own = (socket.data as SocketState).chats;
  if (own && !own.take()) return reject(socket, 'chat', 'too many messages: wait a moment', ack);
  const seat = b.playerID;
  const hash = b.credentialHash;
  const error = await ctx.authority
    .exclusive(b.matchID, async () => {
      const match = await ctx.authority.load(b.matchID);
      if (!match) return 'match not found';
      if (!stillHolds(seat, hash, match.metadata)) return 'seat changed hands';
      const said: ChatRecord = {
        id: newChatID(),
        round: ctx.roundOf(match.state),
        seat,
        text,
        at: Date.now(),
      };
      await ctx.authority.store.appendChat(b.matchID, said, MATCH_CHAT_CAP);
      ctx.chatSaid(b.matchID, said);
      return null;
    })
    .catch((e: unknown) => {
      if (!(e instanceof StorageError)) throw e;
      if (e.code === 'full') return `this match's chat is full (${MATCH_CHAT_CAP} messages)`;
      // The database or the other processes cannot be reached: nothing was stored or sent.
      if (e.code === 'unavailable') return `message not saved, try again: ${e.message}`;
      throw e;
    });
  if (error) return reject(socket, 'chat', error, ack);
  ack?.({ ok: true });
}
