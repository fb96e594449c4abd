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

  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }
}

/**
 * The key an address is limited under: an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64 (one household or school network gets a whole /64, so per-address limits on
 * single IPv6 addresses would be free to dodge).
 */
export function addressKey(raw: string | undefined): string {
  if (!raw) return '?';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1]!;
  if (!raw.includes(':')) return raw;
  const [head = '', tail = ''] = raw.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = raw.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')
    .concat('::/64');
}

/**
 * A bounded map that forgets its least recently used entry when full. Rate limiters keep their
 * buckets here: an attacker with many addresses can only push out the buckets idle the longest,
 * never wipe the table (the old limiter cleared everything at 10,000 addresses).
 */
export class LruMap<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  getOr(key: string, make: () => V): V {
    let v = this.get(key);
    if (v === undefined) {
      v = make();
      this.map.set(key, v);
      if (this.map.size > this.capacity) {
        const oldest = this.map.keys().next().value;
        if (oldest !== undefined) this.map.delete(oldest);
      }
    }
    return v;
  }

  delete(key: string): void {
    this.map.delete(key);
  }
}

/** Token buckets per key (an address group, a match, a join code), in a bounded LRU table. */
export class RateLimiter implements Limiter {
  private readonly buckets: LruMap<TokenBucket>;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    capacity = 100_000,
  ) {
    this.buckets = new LruMap(capacity);
  }

  take(key: string): boolean {
    return this.buckets.getOr(key, () => new TokenBucket(this.perSecond, this.burst)).take();
  }

  /** Gives back a token taken for something that turned out not to count (a successful join). */
  refund(key: string): void {
    this.buckets.get(key)?.refund();
  }
}

/**
 * A rate limit whose budget may be shared by several server processes (cluster/limits.ts keeps
 * the buckets in Redis, so N processes do not give an address N budgets). `take` may wait for
 * the shared store; `refund` does not.
 */
export interface Limiter {
  take(key: string): boolean | Promise<boolean>;
  refund(key: string): void;
}

/** The unfinished matches each address created, as every process recorded them. */
export interface OpenMatchLedger {
  list(address: string): Promise<string[]>;
  add(address: string, matchID: string): Promise<void>;
  /** Forgets matches that finished or no longer exist. */
  remove(address: string, matchIDs: string[]): Promise<void>;
}

/** Limits that guard what all processes share (the database): one budget for all of them. */
export interface SharedLimits {
  /** A limiter named `name` shared by every process; `local` counts while the store is down. */
  limiter(name: string, perSecond: number, burst: number, local: RateLimiter): Limiter;
  openMatches: OpenMatchLedger;
}

/** One process's ledger of unfinished matches per address (bounded LRU). */
export class LocalOpenMatches implements OpenMatchLedger {
  private readonly created: LruMap<Set<string>>;

  constructor(capacity: number) {
    this.created = new LruMap(capacity);
  }

  list(address: string): Promise<string[]> {
    return Promise.resolve([...(this.created.get(address) ?? [])]);
  }

  add(address: string, matchID: string): Promise<void> {
    this.created.getOr(address, () => new Set()).add(matchID);
    return Promise.resolve();
  }

  remove(address: string, matchIDs: string[]): Promise<void> {
    const set = this.created.get(address);
    for (const id of matchIDs) set?.delete(id);
    return Promise.resolve();
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
  /** Bytes queued for one socket (engine.io buffer + WebSocket buffer) before it is dropped. */
  sendBufferBytes: number;
  /** Syncs per second and burst: per socket, per match (spectators only), and per address. */
  syncsPerSecond: number;
  syncBurst: number;
  matchSyncsPerSecond: number;
  matchSyncBurst: number;
  addressSyncsPerSecond: number;
  addressSyncBurst: number;
  /** Chat messages per second per socket, and burst (a match's chat keeps MATCH_CHAT_CAP). */
  chatsPerSecond: number;
  chatBurst: number;
  /** Spectator sockets one match may have. */
  spectatorsPerMatch: number;
  /** Sockets bound to one seat (a player with a few tabs or devices). */
  socketsPerSeat: number;
  /** Entries each rate-limit table keeps (least recently used are forgotten beyond). */
  rateTableSize: number;
}

export const DEFAULT_LIMITS: SocketLimits = {
  maxFrameBytes: 16 * 1024,
  perSecond: 20,
  burst: 40,
  maxStrikes: 200,
  maxPerAddress: 200,
  sendBufferBytes: 1024 * 1024,
  syncsPerSecond: 1,
  syncBurst: 5,
  matchSyncsPerSecond: 20,
  matchSyncBurst: 100,
  addressSyncsPerSecond: 10,
  addressSyncBurst: 100,
  chatsPerSecond: 1,
  chatBurst: 5,
  spectatorsPerMatch: 50,
  socketsPerSeat: 4,
  rateTableSize: 100_000,
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
