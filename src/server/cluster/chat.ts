import type { Redis } from 'ioredis';
import type { SharedChat } from '../net/chat';
import type { ChatRecord } from '../storage/types';

/**
 * A match's chat across processes, as a session's talk is (sessions/cluster-sessions.ts): the
 * process a message reached stores it in PostgreSQL, then publishes it on one channel; every
 * other process sends it to its own sockets on that match. A message lost on the way is still
 * in the chat a socket is sent when it syncs (a reload, a reconnection). Cluster (cluster.ts)
 * owns the connections and routes this channel's messages here.
 */
interface Message {
  /** The process that stored it. */
  n: string;
  m: string;
  c: ChatRecord;
}

export class RedisChat implements SharedChat {
  readonly channel: string;
  private readonly listeners: ((matchID: string, message: ChatRecord) => void)[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly opts: { node: string; prefix: string },
  ) {
    this.channel = `${opts.prefix}chat`;
  }

  publish(matchID: string, message: ChatRecord): void {
    const msg: Message = { n: this.opts.node, m: matchID, c: message };
    this.redis.publish(this.channel, JSON.stringify(msg)).catch(() => undefined);
  }

  onMessage(listener: (matchID: string, message: ChatRecord) => void): void {
    this.listeners.push(listener);
  }

  /** A message on the channel (cluster.ts subscribes). */
  receive(raw: string): void {
    let msg: Message;
    try {
      msg = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (msg.n === this.opts.node || typeof msg.m !== 'string' || !msg.c) return;
    for (const l of this.listeners) l(msg.m, msg.c);
  }
}
