/**
 * Hostile clients for backpressure tests and the soak: raw WebSockets speaking socket.io's
 * wire protocol that never read what the server sends (the kernel buffers fill, then the
 * server's own queue would), while sending sync requests as fast as the frame limit allows.
 */
import WebSocket from 'ws';

export interface HostileOptions {
  url: string;
  namespace?: string;
  /** The sync to spam: [matchID, playerID, credentials]. */
  sync: [string, string | null, string | undefined];
  /** Frames per second each socket sends (default 20, the server's per-socket frame limit). */
  perSecond?: number;
  /** Also send a junk move of this many bytes in every other frame. */
  junkBytes?: number;
}

/** A never-reading socket that reconnects whenever the server drops it. */
export class HostileSocket {
  drops = 0;
  sent = 0;
  private ws: WebSocket | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly opts: HostileOptions) {
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const { url, namespace = '/chokepoint' } = this.opts;
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: false,
    });
    this.ws = ws;
    const prefix = `${namespace},`;
    ws.on('open', () => {
      // Stop reading at once: whatever the server sends stays in its buffers and ours.
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      ws.send(`40${prefix}`);
      const frame = `42${prefix}${JSON.stringify(['sync', ...this.opts.sync, 4])}`;
      const junk =
        this.opts.junkBytes !== undefined
          ? `42${prefix}${JSON.stringify([
              'update',
              {
                type: 'MAKE_MOVE',
                payload: { type: 'stash', args: ['x'.repeat(this.opts.junkBytes)] },
              },
              0,
              this.opts.sync[0],
              this.opts.sync[1],
            ])}`
          : null;
      let n = 0;
      this.timer = setInterval(
        () => {
          if (ws.readyState !== WebSocket.OPEN) return;
          ws.send(junk && n++ % 2 ? junk : frame);
          this.sent++;
        },
        1000 / (this.opts.perSecond ?? 20),
      );
    });
    const again = (): void => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      this.drops++;
      setTimeout(() => this.connect(), 200);
    };
    ws.on('close', again);
    ws.on('error', again);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.ws?.terminate();
  }
}

/** Resident set size of a process in MB (Linux), or NaN. */
export async function rssMB(pid: number | undefined): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
