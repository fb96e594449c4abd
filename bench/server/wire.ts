import WebSocket from 'ws';

type Listener = (...args: never[]) => void;

/**
 * A bare socket.io client for the load generator: socket.io's wire protocol (engine.io 4 over
 * one WebSocket, one namespace, JSON events) and nothing else, so that the harness, which
 * shares the machine's two cores with the server under test, spends as little of them as it
 * can. It answers pings, connects to the namespace, and delivers events; no reconnection, no
 * acks, no binary. Real players use socket.io-client (through boardgame.io).
 */
export class WireSocket {
  private readonly ws: WebSocket;
  private readonly prefix: string;
  private readonly listeners = new Map<string, Listener>();
  private closed = false;

  constructor(url: string, namespace: string, query: Record<string, string> = {}) {
    const params = new URLSearchParams({ ...query, EIO: '4', transport: 'websocket' });
    const address = `${url.replace(/^http/, 'ws')}/socket.io/?${params.toString()}`;
    this.prefix = namespace === '/' ? '' : `${namespace},`;
    this.ws = new WebSocket(address, { perMessageDeflate: false });
    this.ws.on('message', (data: Buffer) => this.receive(data.toString()));
    this.ws.on('close', () => this.fire('disconnect'));
    this.ws.on('error', () => this.fire('connect_error'));
  }

  on(event: string, fn: Listener): this {
    this.listeners.set(event, fn);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    if (this.ws.readyState === WebSocket.OPEN)
      this.ws.send(`42${this.prefix}${JSON.stringify([event, ...args])}`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close();
  }

  private fire(event: string, args: unknown[] = []): void {
    (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }

  private receive(frame: string): void {
    switch (frame[0]) {
      case '0': // engine.io open: join the namespace
        this.ws.send(`40${this.prefix}`);
        return;
      case '2': // engine.io ping
        this.ws.send('3');
        return;
      case '4':
        return this.packet(frame.slice(1));
    }
  }

  /** A socket.io packet: type digit, namespace, optional ack id, JSON. */
  private packet(p: string): void {
    const type = p[0];
    let body = p.slice(1);
    if (this.prefix && body.startsWith(this.prefix)) body = body.slice(this.prefix.length);
    if (type === '0') return this.fire('connect');
    if (type === '4') return this.fire('connect_error', [body]);
    if (type === '1') return this.fire('disconnect');
    if (type !== '2') return;
    const start = body.indexOf('[');
    if (start < 0) return;
    const [event, ...args] = JSON.parse(body.slice(start)) as [string, ...unknown[]];
    this.fire(event, args);
  }
}
