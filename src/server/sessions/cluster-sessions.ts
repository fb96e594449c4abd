import { Redis } from 'ioredis';
import { HttpError } from '../lobby/http';
import type { TalkMessage } from '../../protocol';

/**
 * Sessions shared by several server processes (REDIS_URL and a shared PostgreSQL), the way
 * matches are (cluster/cluster.ts): no process owns a session; every change to it is made by
 * whichever process the request or the timer reached, one at a time.
 *
 * - **One change at a time.** A change holds the session's lease in Redis (`slease:{id}`, a
 *   TTL renewed while the change runs, so a killed process's lease passes on by itself), reads
 *   the session afresh from PostgreSQL, and just before saving checks the lease is still its
 *   own and bumps the session's generation (`sgen:{id}`): the fence.
 * - **Every process hears of every change.** After the save the generation is published on
 *   one channel; the others reload the session from PostgreSQL and push it to their own
 *   sockets. A lost message is caught within `reconcileMs` by comparing generations.
 * - **Timers.** Every process's clock watches every open session's deadlines; the first to take
 *   the lease when one passes finds it still due and applies the defaults; the others find it
 *   done. A killed process's timers therefore fire on the others at their deadline.
 * - **Talk** is stored, then published: each process delivers it to its own sockets.
 * - **Team drafts**: a member's draft action is announced (and awaited) before it is submitted,
 *   so every process's DraftAuthors names its author when the applied move reaches it.
 * - **Reads** (the console, a student's place) first compare the cached generation with
 *   Redis's and reload if another process wrote since: a read after a write sees it.
 * - **Presence**: each process keeps, per session, the students with a socket on it in a Redis
 *   hash (`spres:{id}`, one field per process with a time it holds until, renewed every
 *   `presenceMs`), so a killed process's students drop out of the console.
 *
 * With Redis down no change can hold its lease: it is refused with a 503 saying so.
 */
export interface SessionClusterOptions {
  redisUrl: string;
  node?: string;
  prefix?: string;
  /** A lease lives this long unless renewed or released. */
  leaseMs?: number;
  /** How long a change waits for another process's lease before it is refused. */
  waitMs?: number;
  reconcileMs?: number;
  presenceMs?: number;
}

/** What the session manager hears from the other processes. */
export interface SessionPeerEvents {
  /** Session `id` changed (`gen` its new generation; -1: only what the console shows did). */
  changed(id: string, gen: number): void;
  talk(id: string, m: TalkMessage): void;
  /** A team member on another process is about to submit a draft action (or it was refused). */
  draft(d: DraftNote, undo: boolean): void;
  /** Every `reconcileMs`: compare these generations with the known ones. */
  reconcile(): Promise<void>;
}

/** Who is about to submit which draft action for a seat (sessions/drafts.ts). */
export interface DraftNote {
  tag: string;
  matchID: string;
  seat: string;
  move: string;
  name: string;
}

/** The manager's side of the other processes (cluster mode); SessionCluster implements it. */
export interface SessionPeers {
  readonly node: string;
  listen(events: SessionPeerEvents): void;
  /** Runs `fn` holding the session's lease; `fence()` is called just before the save. */
  hold<T>(id: string, fn: (fence: () => Promise<number>) => Promise<T>): Promise<T>;
  announce(id: string, gen: number): void;
  say(id: string, m: TalkMessage): void;
  /** Tells the others of a draft action before it is submitted (resolves once Redis has it). */
  expectDraft(d: Omit<DraftNote, 'tag'>): Promise<string>;
  /** The action was refused: the others forget it. */
  dropDraft(tag: string): void;
  gens(ids: string[]): Promise<number[]>;
  /** This process's students online in a session (studentID → sockets). */
  setPresence(id: string, online: Map<string, number>): void;
  /** The other processes' students online in a session. */
  presence(id: string): Promise<Map<string, number>>;
  close(): Promise<void>;
}

type Message =
  | { n: string; k: 'c'; id: string; g: number }
  | { n: string; k: 't'; id: string; m: TalkMessage }
  | { n: string; k: 'd'; d: DraftNote; undo: boolean };

const FENCE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local g = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return g`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/** Generations outlive a session's last change by this much (an older cached copy reloads). */
const GEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function unavailable(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  return new HttpError(
    503,
    `Redis unavailable: ${e instanceof Error ? e.message : String(e)}; try again`,
  );
}

export class SessionCluster implements SessionPeers {
  readonly node: string;
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly channel: string;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly reconcileMs: number;
  private readonly presenceMs: number;
  private events: SessionPeerEvents | null = null;
  /** This process's presence per session, re-sent every presenceMs until it is empty. */
  private readonly mine = new Map<string, Map<string, number>>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private fences = 0;

  constructor(opts: SessionClusterOptions) {
    this.node = opts.node ?? `p${process.pid}`;
    this.prefix = opts.prefix ?? 'chokepoint:';
    this.channel = `${this.prefix}sessions`;
    this.leaseMs = opts.leaseMs ?? 5_000;
    this.waitMs = opts.waitMs ?? 6_000;
    this.reconcileMs = opts.reconcileMs ?? 2_000;
    this.presenceMs = opts.presenceMs ?? 2_000;
    const common = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(100 * times, 1000),
      lazyConnect: true,
    };
    this.cmd = new Redis(opts.redisUrl, common);
    this.sub = new Redis(opts.redisUrl, { ...common, enableOfflineQueue: true });
    this.cmd.on('error', () => undefined);
    this.sub.on('error', () => undefined);
  }

  async connect(): Promise<void> {
    await Promise.all([this.cmd.connect(), this.sub.connect()]);
    this.sub.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
    await this.sub.subscribe(this.channel);
    const every = (ms: number, task: () => Promise<unknown>) => {
      const t = setInterval(() => void task().catch(() => undefined), ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.reconcileMs, () => this.events?.reconcile() ?? Promise.resolve());
    every(this.presenceMs, () => this.renewPresence());
  }

  listen(events: SessionPeerEvents): void {
    this.events = events;
  }

  private key(kind: string, id: string): string {
    return `${this.prefix}${kind}:{${id}}`;
  }

  async hold<T>(id: string, fn: (fence: () => Promise<number>) => Promise<T>): Promise<T> {
    const lease = this.key('slease', id);
    const value = await this.acquire(lease);
    const renew = setInterval(
      () => void this.cmd.eval(RENEW, 1, lease, value, this.leaseMs).catch(() => undefined),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    renew.unref();
    try {
      return await fn(async () => {
        let gen: number;
        try {
          gen = (await this.cmd.eval(
            FENCE,
            2,
            lease,
            this.key('sgen', id),
            value,
            GEN_TTL_MS,
          )) as number;
        } catch (e) {
          throw unavailable(e);
        }
        if (gen < 0) throw new HttpError(503, 'lost the session to another server; try again');
        return gen;
      });
    } finally {
      clearInterval(renew);
      this.cmd.eval(RELEASE, 1, lease, value).catch(() => undefined);
    }
  }

  private async acquire(lease: string): Promise<string> {
    const value = `${this.node}:${Date.now().toString(36)}:${++this.fences}`;
    const deadline = Date.now() + this.waitMs;
    let pause = 2;
    for (;;) {
      let ok: string | null;
      try {
        ok = await this.cmd.set(lease, value, 'PX', this.leaseMs, 'NX');
      } catch (e) {
        throw unavailable(e);
      }
      if (ok === 'OK') return value;
      if (Date.now() > deadline)
        throw new HttpError(503, 'the session is busy on another server; try again');
      await sleep(pause);
      pause = Math.min(pause * 2, 25);
    }
  }

  announce(id: string, gen: number): void {
    this.publish({ n: this.node, k: 'c', id, g: gen });
  }

  say(id: string, m: TalkMessage): void {
    this.publish({ n: this.node, k: 't', id, m });
  }

  async expectDraft(d: Omit<DraftNote, 'tag'>): Promise<string> {
    const tag = `${this.node}:${++this.fences}`;
    const msg: Message = { n: this.node, k: 'd', d: { ...d, tag }, undo: false };
    // Awaited: the others have it before the action is submitted, so before they see it applied.
    await this.cmd.publish(this.channel, JSON.stringify(msg)).catch(() => undefined);
    return tag;
  }

  dropDraft(tag: string): void {
    const d: DraftNote = { tag, matchID: '', seat: '', move: '', name: '' };
    this.publish({ n: this.node, k: 'd', d, undo: true });
  }

  private publish(msg: Message): void {
    // A lost change is found by reconciliation; lost talk is in the history a socket reads.
    this.cmd.publish(this.channel, JSON.stringify(msg)).catch(() => undefined);
  }

  private receive(raw: string): void {
    let msg: Message;
    try {
      msg = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (msg.n === this.node || !this.events) return;
    if (msg.k === 'c') this.events.changed(msg.id, msg.g);
    else if (msg.k === 't') this.events.talk(msg.id, msg.m);
    else if (msg.k === 'd') this.events.draft(msg.d, msg.undo);
  }

  async gens(ids: string[]): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const got = await this.cmd.mget(...chunk.map((id) => this.key('sgen', id)));
      out.push(...got.map((g) => Number(g ?? 0)));
    }
    return out;
  }

  setPresence(id: string, online: Map<string, number>): void {
    if (online.size === 0) {
      this.mine.delete(id);
      this.cmd.hdel(this.key('spres', id), this.node).catch(() => undefined);
    } else {
      this.mine.set(id, online);
      this.writePresence(id, online).catch(() => undefined);
    }
  }

  private async writePresence(id: string, online: Map<string, number>): Promise<void> {
    const key = this.key('spres', id);
    const body = JSON.stringify({ u: Date.now() + 3 * this.presenceMs, s: [...online] });
    await this.cmd.multi().hset(key, this.node, body).pexpire(key, GEN_TTL_MS).exec();
  }

  private async renewPresence(): Promise<void> {
    for (const [id, online] of this.mine) await this.writePresence(id, online);
  }

  async presence(id: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    let all: Record<string, string>;
    try {
      all = await this.cmd.hgetall(this.key('spres', id));
    } catch {
      return out; // Only this process's students show while Redis is away.
    }
    const now = Date.now();
    for (const [node, raw] of Object.entries(all)) {
      if (node === this.node) continue;
      try {
        const p = JSON.parse(raw) as { u: number; s: [string, number][] };
        if (p.u < now) continue;
        for (const [student, n] of p.s) out.set(student, (out.get(student) ?? 0) + n);
      } catch {
        continue;
      }
    }
    return out;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all(
      [...this.mine.keys()].map((id) =>
        this.cmd.hdel(this.key('spres', id), this.node).catch(() => undefined),
      ),
    );
    this.mine.clear();
    this.sub.disconnect();
    await this.cmd.quit().catch(() => this.cmd.disconnect());
  }
}
