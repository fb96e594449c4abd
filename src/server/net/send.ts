import type { Socket } from 'socket.io';

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
  if (!socket.connected) return false;
  const limit =
    (socket.data as { sendBufferBytes?: number } | undefined)?.sendBufferBytes ??
    DEFAULT_SEND_BUFFER;
  if (backlogBytes(socket) > limit) {
    sendStats.dropped++;
    dropSocket(socket);
    return false;
  }
  socket.emit(event, ...args);
  return true;
}
