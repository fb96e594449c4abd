import type { Redis } from 'ioredis';
import type { SharedPresence } from '../net/presence';

/**
 * Which seats are connected, across processes. Each process writes its own connections per
 * seat for a match into the match's hash (`presence:{id}`, one field per process, with the time
 * the entry stops counting) and announces the change on a channel; the processes that have
 * sockets on that match add those counts to their own when they tell their seats who is
 * connected. Entries are rewritten every `refreshMs` and count for `entryMs`, so a killed
 * process's connections stop counting by themselves; each process rereads the hashes of the
 * matches it follows as often, which also repairs a lost message.
 */
export interface PresenceOptions {
  node: string;
  prefix: string;
  /** How long an entry counts unless rewritten. */
  entryMs?: number;
  /** How often each process rewrites its entries and rereads the others'. */
  refreshMs?: number;
}

interface Entry {
  /** Connections per seat. */
  c: Record<string, number>;
  /** Counts until then (ms since the epoch). */
  e: number;
}

interface Message {
  n: string;
  m: string;
  entry: Entry | null;
}

const countsOf = (c: Record<string, number>): Map<string, number> => new Map(Object.entries(c));

export class RedisPresence implements SharedPresence {
  readonly channel: string;
  private readonly entryMs: number;
  private readonly refreshMs: number;
  /** This process's own counts, per match it has seats on. */
  private readonly mine = new Map<string, Record<string, number>>();
  /** Other processes' entries, per followed match. */
  private readonly theirs = new Map<string, Map<string, Entry>>();
  private readonly listeners: ((matchID: string) => void)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly opts: PresenceOptions,
  ) {
    this.channel = `${opts.prefix}presence`;
    this.entryMs = opts.entryMs ?? 30_000;
    this.refreshMs = opts.refreshMs ?? 10_000;
  }

  private key(matchID: string): string {
    return `${this.opts.prefix}presence:{${matchID}}`;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.refresh().catch(() => undefined);
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  publish(matchID: string, counts: Map<string, number>): void {
    const c = Object.fromEntries(counts);
    const before = this.mine.get(matchID);
    if (before ? JSON.stringify(before) === JSON.stringify(c) : counts.size === 0) return;
    const entry: Entry | null = counts.size > 0 ? { c, e: Date.now() + this.entryMs } : null;
    if (entry) this.mine.set(matchID, c);
    else this.mine.delete(matchID);
    const key = this.key(matchID);
    const write = this.redis.multi();
    if (entry)
      write.hset(key, this.opts.node, JSON.stringify(entry)).pexpire(key, this.entryMs * 2);
    else write.hdel(key, this.opts.node);
    const message: Message = { n: this.opts.node, m: matchID, entry };
    write.publish(this.channel, JSON.stringify(message));
    // Redis down: the others learn it at their next reread after it is back.
    write.exec().catch(() => undefined);
  }

  async follow(matchID: string): Promise<void> {
    if (this.theirs.has(matchID)) return;
    this.theirs.set(matchID, new Map());
    await this.reread([matchID]).catch(() => undefined);
  }

  unfollow(matchID: string): void {
    this.theirs.delete(matchID);
  }

  /** Does this process follow the match (it has sockets on it)? */
  follows(matchID: string): boolean {
    return this.theirs.has(matchID);
  }

  /** The matches this process follows. */
  followed(): IterableIterator<string> {
    return this.theirs.keys();
  }

  others(matchID: string): Map<string, number> {
    const out = new Map<string, number>();
    const now = Date.now();
    for (const entry of this.theirs.get(matchID)?.values() ?? []) {
      if (entry.e < now) continue;
      for (const [seat, n] of countsOf(entry.c)) out.set(seat, (out.get(seat) ?? 0) + n);
    }
    return out;
  }

  onChange(listener: (matchID: string) => void): void {
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
    if (msg.n === this.opts.node) return;
    const entries = this.theirs.get(msg.m);
    if (!entries) return;
    if (msg.entry) entries.set(msg.n, msg.entry);
    else entries.delete(msg.n);
    this.changed(msg.m);
  }

  private changed(matchID: string): void {
    for (const l of this.listeners) l(matchID);
  }

  /** Rewrites this process's entries, and rereads the others' for every followed match. */
  private async refresh(): Promise<void> {
    if (this.mine.size > 0) {
      const write = this.redis.pipeline();
      const e = Date.now() + this.entryMs;
      for (const [matchID, c] of this.mine) {
        write.hset(this.key(matchID), this.opts.node, JSON.stringify({ c, e } satisfies Entry));
        write.pexpire(this.key(matchID), this.entryMs * 2);
      }
      await write.exec();
    }
    await this.reread([...this.theirs.keys()]);
  }

  private async reread(matchIDs: string[]): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < matchIDs.length; i += 200) {
      const chunk = matchIDs.slice(i, i + 200);
      const read = this.redis.pipeline();
      for (const id of chunk) read.hgetall(this.key(id));
      const replies = (await read.exec()) ?? [];
      for (const [j, id] of chunk.entries()) {
        const [err, hash] = replies[j] ?? [];
        const before = this.theirs.get(id);
        if (err || !before) continue;
        const after = new Map<string, Entry>();
        for (const [node, raw] of Object.entries((hash ?? {}) as Record<string, string>)) {
          if (node === this.opts.node) continue;
          try {
            const entry = JSON.parse(raw) as Entry;
            if (entry.e >= now) after.set(node, entry);
          } catch {
            // not ours
          }
        }
        const same = (a: Map<string, Entry>, b: Map<string, Entry>) =>
          a.size === b.size &&
          [...a].every(([n, x]) => JSON.stringify(b.get(n)?.c) === JSON.stringify(x.c));
        // Entries past their time count for nothing: compare what counts now.
        const live = new Map([...before].filter(([, x]) => x.e >= now));
        this.theirs.set(id, after);
        if (!same(live, after) || live.size !== before.size) this.changed(id);
      }
    }
  }
}
