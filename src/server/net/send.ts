import type { Socket } from 'socket.io';
import { PacketType } from 'socket.io-parser';
import { TextEncoder } from './text-parser';

/** What engine.io keeps of a socket's connection that we read to measure its backlog. */
interface RawConnection {
  writeBuffer?: { data?: unknown }[];
  transport?: { name?: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  request?: { socket?: { destroy?: () => void } };
}

/**
 * Bytes waiting to reach this socket's reader: packets engine.io holds because the transport
 * is still busy (a reader that does not read keeps it busy), plus what the WebSocket has not
 * yet handed to the kernel.
 */
export function backlogBytes(socket: Socket): number {
  const conn = socket.conn as unknown as RawConnection;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    bytes += typeof data === 'string' ? data.length : 64;
  }
  return bytes;
}

/** Cuts a connection at once: closing politely would wait on a reader that does not read. */
export function dropSocket(socket: Socket): void {
  const conn = socket.conn as unknown as RawConnection;
  socket.disconnect(true);
  const ws = conn.transport?.name === 'websocket' ? conn.transport.socket : undefined;
  if (ws?.terminate) ws.terminate();
  else conn.request?.socket?.destroy?.();
}

/** Sockets dropped for a full send buffer since the process started (for tests and logs). */
export const sendStats = { dropped: 0 };

/** The send buffer a socket gets unless `limitSendBuffer` set another (see SocketLimits). */
const DEFAULT_SEND_BUFFER = 1024 * 1024;

/** Sets the backlog, in bytes, past which `send` drops this socket. */
export function limitSendBuffer(socket: Socket, bytes: number): void {
  (socket.data as { sendBufferBytes?: number }).sendBufferBytes = bytes;
}

/**
 * Sends one event unless the socket's backlog is already over its limit, in which case the
 * socket is dropped instead: a reader that does not keep up cannot make the server hold an
 * ever-growing queue of replies for it. Every event the server sends goes through here.
 * Returns false if nothing was sent.
 */
export function send(socket: Socket, event: string, ...args: unknown[]): boolean {
  if (!writable(socket)) return false;
  socket.emit(event, ...args);
  return true;
}

/** Connected, and its backlog within its limit (else it is dropped). */
function writable(socket: Socket): boolean {
  if (!socket.connected) return false;
  const limit =
    (socket.data as { sendBufferBytes?: number } | undefined)?.sendBufferBytes ??
    DEFAULT_SEND_BUFFER;
  if (backlogBytes(socket) > limit) {
    sendStats.dropped++;
    dropSocket(socket);
    return false;
  }
  return true;
}

/** One event as the server's parser (text-parser.ts) puts it on the wire, for `sendEncoded`. */
export type EncodedEvent = string[];

const encoder = new TextEncoder();

/**
 * Encodes an event once, exactly as `socket.emit(event, ...args)` on a socket of namespace
 * `nsp` would (no ack), so that several sockets can be sent the same bytes (`sendEncoded`).
 */
export function encodeEvent(nsp: string, event: string, ...args: unknown[]): EncodedEvent {
  return encoder.encode({ type: PacketType.EVENT, nsp, data: [event, ...args] });
}

/** socket.io's own path for a packet already encoded (its broadcasts use it). */
interface PacketWriter {
  client: { _packet(packet: EncodedEvent, opts: { preEncoded: true; compress: true }): void };
}

/** `send` of an event encoded by `encodeEvent` for this socket's namespace. */
export function sendEncoded(socket: Socket, encoded: EncodedEvent): boolean {
  if (!writable(socket)) return false;
  (socket as unknown as PacketWriter).client._packet(encoded, { preEncoded: true, compress: true });
  return true;
}
