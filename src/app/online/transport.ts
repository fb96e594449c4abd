import { SocketIO } from 'boardgame.io/multiplayer';
import {
  ERROR_EVENT,
  isThrottled,
  matchHintQuery,
  PATCHES_QUERY,
  SERVER_EVENTS,
  STATUS_EVENT,
  type AckReply,
  type ErrorFrame,
  type StatusFrame,
} from '../../protocol';

/** What the server says about a match beside boardgame.io's protocol. */
export interface MatchStatus {
  paused: boolean;
  over: boolean;
  /** The reason of the last refused frame (a move while paused, a stale seat…), until the next update. */
  refused: string | null;
  /**
   * The server's last verdict against this match's sync (no such match, the seat changed hands,
   * bad credentials), until a sync succeeds. `serial` grows with each one, so a screen opened
   * afterwards can tell a verdict on its own attempt from an older one.
   */
  syncRefusal: { reason: string; serial: number } | null;
  /** The match replays a seed its creator chose: its cards and dice are known in advance. */
  fixedSeed: boolean;
}

const EMPTY: MatchStatus = {
  paused: false,
  over: false,
  refused: null,
  syncRefusal: null,
  fixedSeed: false,
};
const statuses = new Map<string, MatchStatus>();
const listeners = new Set<() => void>();

function set(matchID: string, patch: Partial<MatchStatus>): void {
  statuses.set(matchID, { ...(statuses.get(matchID) ?? EMPTY), ...patch });
  listeners.forEach((fn) => fn());
}

export const statusOf = (matchID: string): MatchStatus => statuses.get(matchID) ?? EMPTY;
export function subscribeStatus(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
export const clearRefusal = (matchID: string): void => set(matchID, { refused: null });
/** Records the server's refusal of a frame (a move while paused, a sync over its budget…). */
export const noteRefusal = (matchID: string, reason: string): void =>
  set(matchID, { refused: reason });

let refusals = 0;
/** Records the server's refusal of a sync: see `MatchStatus.syncRefusal`. */
export const refuseSync = (matchID: string, reason: string): void =>
  set(matchID, { refused: reason, syncRefusal: { reason, serial: ++refusals } });

/** Why a chat message was not sent, when the server never answered. */
export const CHAT_OFFLINE = 'not connected to the server';
export const CHAT_NO_ANSWER = 'no answer from the server';
/** How long a chat message waits for the server's answer. */
const CHAT_ANSWER_MS = 10_000;

/** Each match's open game socket, as a chat sender that hears the server's answer. */
const chatSenders = new Map<string, (payload: string) => Promise<AckReply>>();

/**
 * Sends a chat message on the match's game socket and resolves with the server's answer:
 * `{ ok: true }` once it is stored and sent to the table, or why it was refused (not seated,
 * too long, too many, the match's chat full), or that the socket is down or never answered.
 * boardgame.io's own `sendChatMessage` asks for no answer, so a board could not tell.
 */
export function sendChat(matchID: string, payload: string): Promise<AckReply> {
  const send = chatSenders.get(matchID);
  return send ? send(payload) : Promise.resolve({ ok: false, error: CHAT_OFFLINE });
}

type Factory = ReturnType<typeof SocketIO>;
type Receive = Parameters<Factory>[0]['transportDataCallback'];

/** Passes each chat message on once (by the server's id), everything else as it comes. */
export function chatOnce(receive: Receive): Receive {
  const heard = new Set<string>();
  return (data) => {
    if (data.type === 'chat') {
      const id = (data.args[1] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') {
        if (heard.has(id)) return;
        heard.add(id);
      }
    }
    receive(data);
  };
}

/**
 * boardgame.io's stock SocketIO transport, asking for patch frames, plus the server's two extra events:
 * `chokepoint:status` (paused, game over) and `chokepoint:error` (a refused frame). After a
 * refusal the client asks for a fresh sync, so the board shows the server's state again.
 *
 * A chat message goes through `sendChat`, which hears the server's answer; a refused one is
 * the sender's to show, not a refused move.
 *
 * The server sends a socket the match's chat so far with its first sync, so after a
 * reconnection the client would hear again what it already holds: a message it already has
 * (by the server's id) is not passed on twice.
 */
export const multiplayer: Factory = (opts) => {
  // patches=1: the server sends each move as a patch of this seat's view, not the whole state.
  // matchID: behind a load balancer, every socket of this match goes to one process.
  // multiplex: false, so that the query is this socket's own: socket.io would otherwise reuse
  // a connection already open to the server (a class session's), with that one's query.
  const transport = SocketIO({
    server: window.location.origin,
    socketOpts: {
      query: { ...PATCHES_QUERY, ...(opts.matchID ? matchHintQuery(opts.matchID) : {}) },
      multiplex: false,
    },
  })({ ...opts, transportDataCallback: chatOnce(opts.transportDataCallback) });
  const connect = transport.connect.bind(transport);
  const disconnect = transport.disconnect.bind(transport);
  const matchID = opts.matchID ?? '';
  let said = 0;
  const chat = (payload: string) =>
    new Promise<AckReply>((resolve) => {
      const { socket } = transport;
      if (!socket?.connected) return resolve({ ok: false, error: CHAT_OFFLINE });
      const message = { id: `c${++said}`, sender: opts.playerID ?? null, payload };
      socket
        .timeout(CHAT_ANSWER_MS)
        .emit('chat', matchID, message, opts.credentials, (err: unknown, reply: AckReply) =>
          resolve(err ? { ok: false, error: CHAT_NO_ANSWER } : reply),
        );
    });
  transport.disconnect = () => {
    if (chatSenders.get(matchID) === chat) chatSenders.delete(matchID);
    disconnect();
  };
  transport.connect = () => {
    connect();
    chatSenders.set(matchID, chat);
    const { socket } = transport;
    socket.on(STATUS_EVENT, (s: StatusFrame) => {
      set(s.matchID, {
        paused: s.paused,
        over: s.gameover !== null && s.gameover !== undefined,
        fixedSeed: s.fixedSeed === true,
      });
    });
    socket.on(ERROR_EVENT, (e: ErrorFrame) => {
      if (e.event === 'sync' && isThrottled(e.error)) {
        // A server limit, not a lost seat: ask again a little later.
        noteRefusal(matchID, e.error);
        setTimeout(() => transport.requestSync(), 3000);
        return;
      }
      if (e.event === 'sync') return refuseSync(matchID, e.error);
      // A refused chat message is answered to its sender (sendChat): it is not a refused move.
      if (e.event === 'chat') return;
      noteRefusal(matchID, e.error);
      if (e.event === 'update') transport.requestSync();
    });
    socket.on(SERVER_EVENTS.sync, () => {
      if (statusOf(matchID).syncRefusal) set(matchID, { syncRefusal: null });
    });
    socket.on(SERVER_EVENTS.update, () => {
      if (statusOf(matchID).refused) set(matchID, { refused: null });
    });
  };
  return transport;
};
