/** A token bucket: `burst` tokens, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface SocketLimits {
  /** Largest frame a socket may send, in bytes (engine.io maxHttpBufferSize). */
  maxFrameBytes: number;
  /** Sustained frames per second per socket, and burst. */
  perSecond: number;
  burst: number;
  /** Rejections for rate before the socket is disconnected. */
  maxStrikes: number;
  /** Open connections allowed from one address (a classroom behind one NAT needs dozens). */
  maxPerAddress: number;
}

export const DEFAULT_LIMITS: SocketLimits = {
  maxFrameBytes: 16 * 1024,
  perSecond: 20,
  burst: 40,
  maxStrikes: 200,
  maxPerAddress: 500,
};

/** Counts open connections per address. */
export class AddressCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  hasRoom(address: string): boolean {
    return (this.open.get(address) ?? 0) < this.max;
  }

  add(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
  }

  remove(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isMatchID = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
export const isSeatID = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9]{1,3}$/.test(v);

/** Same-host origins are allowed; others only if listed. Requests without Origin are not from browsers. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
