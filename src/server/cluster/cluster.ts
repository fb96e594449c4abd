import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Authority, MatchCoordinator, Snapshot } from '../authority/authority';
import type { RunningServer } from '../app';
import { StorageError } from '../storage/types';
import { LocalOpenMatches, type SharedLimits } from '../net/limits';
import { redisLimits } from './limits';
import { RedisPresence } from './presence';
import { RedisChat } from './chat';
import { luaScript, type ScriptCall } from './scripts';

/**
 * Several server processes serving the same matches (REDIS_URL and a shared PostgreSQL).
 *
 * - **One writer at a time per match.** Every queued change to a match (a move, a lobby edit,
 *   a sync) runs under a per-match lease in Redis (`lease:{id}`, a TTL so a killed process's
 *   lease passes on by itself). Just before writing, the holder checks the lease is still its own
 *   and bumps the match's write generation (`gen:{id}`); PostgreSQL's compare-and-set on the
 *   stateID (storage/pg.ts) is the last guard, so a move is applied at most once and in order.
 * - **No stale cache.** Each process remembers the generation its cached copy reflects. Taking
 *   the lease returns the current generation: if another process wrote since, the copy is
 *   dropped and reloaded from PostgreSQL before anything reads it.
 * - **Every seat sees every move.** After a durable write the holder publishes the match's
 *   snapshot on one channel; every other process that reads the match adopts it and its feed
 *   sends each of its own sockets that socket's view. A lost message (a process killed between
 *   its write and its message, a dropped subscription) is caught within two `reconcileMs` by
 *   comparing generations (a copy behind on two passes in a row is reloaded).
 * - **Snapshots only to readers.** A process *reads* a match while it holds it to show it (a
 *   sync, a move, a reload), has sockets on it or plays its bots: it says so in the match's
 *   reader set (`readers:{id}`, an entry per process that expires after `readerMs` unless
 *   renewed); every process holding a class session reads its tables' matches. A hold for a
 *   lobby edit alone (a join, a seat's name: `Authority.mutate`) does not make a process a
 *   reader: it would then be sent, and parse, every snapshot of the match's first moves for a
 *   copy nobody looks at (the header makes it drop that copy). A write with no other reader (the
 *   usual case when nginx sends a match's sockets to one process) publishes only its header,
 *   not the snapshot: serialising, sending and parsing whole states for processes that do not
 *   need them was the largest cost of a move beside the move itself. A process that gets a
 *   header for a match it has in memory drops that copy (it reloads when next needed), or, if
 *   it has sockets on the match after all, reloads it at once.
 * - **One bot player per match.** Bot seats are played by the process that holds the match's
 *   bot claim (`bots:{id}`, renewed at every step); every process looks for unclaimed matches
 *   every `botSweepMs`, so a killed process's bots are taken over.
 * - **Sockets.** A socket.io session id starts with the process's name, so nginx can send an
 *   HTTP long-polling request to the process that holds its session (deploy/nginx.conf).
 * - **Presence, chat and the lobby's budgets** (`presence`, `chat`, `limits`: presence.ts,
 *   chat.ts, limits.ts). A seat connected to any process shows as connected on every process; a
 *   chat message said through any process reaches every seat; the lobby's per-address budgets
 *   are spent from one bucket in Redis, not one per process. Pass them to startServer
 *   (`shared`) before `join`.
 *
 * With Redis down, nothing can be held: moves are refused with an error saying so, and go
 * through again once it is back.
 */
export interface ClusterOptions {
  redisUrl: string;
  /** This process's name (letters and digits); default `p<pid>`. */
  node?: string;
  /** A lease lives this long unless released (a killed process's lease, at most). */
  leaseMs?: number;
  /** How long to wait for another process's lease before refusing. */
  waitMs?: number;
  botClaimMs?: number;
  botSweepMs?: number;
  reconcileMs?: number;
  /** Redis keys and the channel start with this (several deployments on one Redis). */
  prefix?: string;
  /** A process that held a match to show it, or follows it, counts as its reader this long. */
  readerMs?: number;
  /**
   * This process hears every write in full, whoever reads the match (a test's observer); the
   * others send every snapshot while such a process is connected.
   */
  observer?: boolean;
}

/**
 * A write's message: `<node> <matchID> <generation>` on the first line, the snapshot's JSON
 * after it (or nothing, when no other process reads the match), so a process reads the header
 * alone to skip its own messages and ones it has seen (a snapshot is the whole state: parsing
 * it is most of what a message costs).
 */
const HEADER = /^([A-Za-z0-9]+) ([A-Za-z0-9_-]+) (\d+)\n/;

// KEYS: lease, fence, gen, readers. ARGV: node, leaseMs, genTtlMs, now, readerMs, reader (1/0).
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {0, 0} end
local t = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. t, 'PX', ARGV[2])
if ARGV[6] == '1' then
  redis.call('ZADD', KEYS[4], tonumber(ARGV[4]) + tonumber(ARGV[5]), ARGV[1])
  redis.call('PEXPIRE', KEYS[4], ARGV[5])
end
return {t, tonumber(redis.call('GET', KEYS[3]) or '0')}`;

// KEYS: lease, gen, readers. ARGV: lease value, genTtlMs, now, node.
// Returns {generation, other readers}, or {-1, 0} if the lease is no longer ours.
const BEFORE_WRITE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {-1, 0} end
local g = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
local others = redis.call('ZCARD', KEYS[3])
if redis.call('ZSCORE', KEYS[3], ARGV[4]) then others = others - 1 end
return {g, others}`;

// KEYS: readers. ARGV: until, node, readerMs.
const READ = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// KEYS: lease. ARGV: lease value, channel, a write's header-only message (or '').
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if ARGV[3] ~= '' then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
return 1`;

const CLAIM = `
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;

/** Generations are kept this long after a match's last write (a copy older than that reloads). */
const GEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function unavailable(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  return new StorageError(
    'unavailable',
    `Redis unavailable: ${e instanceof Error ? e.message : String(e)}`,
  );
}

export class Cluster implements MatchCoordinator {
  readonly node: string;
  private readonly cmd: Redis;
  private readonly sub: Redis;
  /** The scripts above, run by their SHA-1 (scripts.ts). */
  private readonly lua: {
    acquire: ScriptCall;
    beforeWrite: ScriptCall;
    release: ScriptCall;
    read: ReturnType<typeof luaScript>;
    claim: ScriptCall;
  };
  private readonly opts: Required<Omit<ClusterOptions, 'node' | 'redisUrl' | 'observer'>>;
  private readonly observer: boolean;
  private readonly channel: string;
  /** The generation each cached match reflects. */
  private readonly known = new Map<string, number>();
  /** The lease value ("node:token") of each match held now. */
  private readonly held = new Map<string, string>();
  /** Matches whose copy was behind Redis's generation on the last reconciliation, and that one. */
  private lagging = new Map<string, number>();
  /** The generation a write in progress will have once durable, and whether others read it. */
  private readonly writing = new Map<string, { gen: number; others: boolean }>();
  /** Matches whose bots this process plays (it reads them while it does), and when it last claimed them. */
  private readonly playing = new Map<string, number>();
  /** A write's header-only message, sent with the lease's release (one command, not two). */
  private readonly headers = new Map<string, string>();
  /** Whether an observer (ClusterOptions.observer) is connected: then every snapshot is sent. */
  private observed = false;
  private authority: Authority | null = null;
  /** Class sessions held here: each process follows every move at their tables. */
  private sessions: RunningServer['sessions'] = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly attached: Promise<void>;
  private attach!: () => void;
  private closed = false;
  /** Seat connections on every process (give it to startServer as `shared.presence`). */
  readonly presence: RedisPresence;
  /** The lobby's budgets, one for all processes (startServer's `shared.limits`). */
  readonly limits: SharedLimits;
  /** Match chat said on every process (startServer's `shared.chat`). */
  readonly chat: RedisChat;

  constructor(opts: ClusterOptions) {
    this.node = opts.node ?? `p${process.pid}`;
    this.opts = {
      leaseMs: opts.leaseMs ?? 5_000,
      waitMs: opts.waitMs ?? 6_000,
      botClaimMs: opts.botClaimMs ?? 4_000,
      botSweepMs: opts.botSweepMs ?? 2_000,
      reconcileMs: opts.reconcileMs ?? 1_000,
      prefix: opts.prefix ?? 'chokepoint:',
      readerMs: opts.readerMs ?? 5_000,
    };
    this.observer = opts.observer ?? false;
    this.channel = `${this.opts.prefix}writes`;
    this.attached = new Promise((ok) => (this.attach = ok));
    // Commands fail at once while Redis is down (never queued to run later, after a reply
    // was already given); the connection retries by itself.
    const common = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(100 * times, 1000),
      lazyConnect: true,
    };
    // Commands issued in the same turn of the event loop (many matches' leases and messages
    // under load) go to Redis as one write: fewer system calls per move on both sides.
    // A write's message is sent at once, before the move is acknowledged, so that a Redis that
    // dies just after an acknowledgement has most likely passed it on already.
    this.cmd = new Redis(opts.redisUrl, {
      ...common,
      enableAutoPipelining: true,
      autoPipeliningIgnoredCommands: ['publish'],
    });
    this.sub = new Redis(opts.redisUrl, { ...common, enableOfflineQueue: true });
    this.lua = {
      acquire: luaScript(this.cmd, 4, ACQUIRE),
      beforeWrite: luaScript(this.cmd, 3, BEFORE_WRITE),
      release: luaScript(this.cmd, 1, RELEASE),
      read: luaScript(this.cmd, 1, READ),
      claim: luaScript(this.cmd, 1, CLAIM),
    };
    this.cmd.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.presence = new RedisPresence(this.cmd, { node: this.node, prefix: this.opts.prefix });
    this.limits = redisLimits(this.cmd, this.opts.prefix, new LocalOpenMatches(100_000));
    this.chat = new RedisChat(this.cmd, { node: this.node, prefix: this.opts.prefix });
  }

  /** Connects to Redis (rejects if it cannot be reached at start). */
  async connect(): Promise<void> {
    await Promise.all([this.cmd.connect(), this.sub.connect()]);
    this.sub.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
      else if (channel === this.presence.channel) this.presence.receive(raw);
      else if (channel === this.chat.channel) this.chat.receive(raw);
    });
    // Messages may have been lost while the subscription was down: trust no cached copy.
    this.sub.on('close', () => this.known.clear());
    await this.sub.subscribe(this.channel, this.presence.channel, this.chat.channel);
    this.presence.start();
    await this.checkObserver();
  }

  private get observerKey(): string {
    return `${this.opts.prefix}observer`;
  }

  /** Says this process is an observer, or learns whether one is connected. */
  private async checkObserver(): Promise<void> {
    if (this.observer) {
      await this.cmd.set(this.observerKey, this.node, 'PX', this.opts.reconcileMs * 5);
      return;
    }
    this.observed = (await this.cmd.exists(this.observerKey)) === 1;
  }

  private key(kind: string, matchID: string): string {
    return `${this.opts.prefix}${kind}:{${matchID}}`;
  }

  /** Joins a started server to the cluster: its authority, its sockets' ids, its bots. */
  join(server: RunningServer): void {
    this.authority = server.authority;
    this.sessions = server.sessions;
    server.authority.coordinator = this;
    server.io.engine.generateId = () => `${this.node}.${randomBytes(15).toString('base64url')}`;
    const every = (ms: number, task: () => Promise<unknown>) => {
      const t = setInterval(() => {
        task().catch(() => undefined);
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.opts.reconcileMs, () => this.reconcile());
    every(this.opts.reconcileMs, () => this.renewReads());
    every(this.opts.reconcileMs, () => this.checkObserver());
    every(this.opts.botSweepMs, () => server.bots.resumeAll());
    this.attach();
  }

  async hold<T>(matchID: string, fn: (stale: boolean) => Promise<T>, follows = true): Promise<T> {
    const { value, gen } = await this.acquire(matchID, follows || this.reads(matchID));
    const stale = this.known.get(matchID) !== gen;
    this.known.set(matchID, gen);
    this.held.set(matchID, value);
    try {
      return await fn(stale);
    } finally {
      this.held.delete(matchID);
      this.writing.delete(matchID);
      const header = this.headers.get(matchID) ?? '';
      this.headers.delete(matchID);
      this.lua
        .release(this.key('lease', matchID), value, this.channel, header)
        .catch(() => undefined);
    }
  }

  /** Takes the match's lease; `reader`: and counts this process among its readers. */
  private async acquire(matchID: string, reader: boolean): Promise<{ value: string; gen: number }> {
    const deadline = Date.now() + this.opts.waitMs;
    let pause = 1;
    for (;;) {
      let reply: [number, number];
      try {
        reply = (await this.lua.acquire(
          this.key('lease', matchID),
          this.key('fence', matchID),
          this.key('gen', matchID),
          this.key('readers', matchID),
          this.node,
          this.opts.leaseMs,
          GEN_TTL_MS,
          Date.now(),
          this.opts.readerMs,
          reader ? 1 : 0,
        )) as [number, number];
      } catch (e) {
        throw unavailable(e);
      }
      const [token, gen] = reply;
      if (token > 0) return { value: `${this.node}:${token}`, gen };
      if (Date.now() > deadline)
        throw new StorageError('unavailable', 'the match is held by another server; try again');
      await sleep(pause);
      pause = Math.min(pause * 2, 20);
    }
  }

  async beforeWrite(matchID: string): Promise<void> {
    const value = this.held.get(matchID);
    if (!value) throw new Error(`write to ${matchID} outside its lease`);
    let reply: [number, number];
    try {
      reply = (await this.lua.beforeWrite(
        this.key('lease', matchID),
        this.key('gen', matchID),
        this.key('readers', matchID),
        value,
        GEN_TTL_MS,
        Date.now(),
        this.node,
      )) as [number, number];
    } catch (e) {
      throw unavailable(e);
    }
    const [gen, others] = reply;
    if (gen < 0) throw new StorageError('unavailable', 'lost the match to another server');
    this.writing.set(matchID, { gen, others: others > 0 });
    // Until announce() says the write is durable, this copy is not known to reflect `gen`.
  }

  announce(matchID: string, snapshot: Snapshot): void {
    const write = this.writing.get(matchID);
    if (write === undefined) return;
    this.writing.delete(matchID);
    const { gen } = write;
    this.known.set(matchID, gen);
    const header = `${this.node} ${matchID} ${gen}\n`;
    // No other reader: the header only tells those with a copy to drop it, and can wait for
    // the release. (Lost either way, the others' reconciliation finds the new generation
    // within reconcileMs.)
    if (!write.others && !this.observed) return void this.headers.set(matchID, header);
    this.cmd.publish(this.channel, header + JSON.stringify(snapshot)).catch(() => undefined);
  }

  private receive(raw: string): void {
    const authority = this.authority;
    if (!authority) return;
    const header = HEADER.exec(raw);
    if (!header || header[1] === this.node) return;
    const m = header[2]!;
    const g = Number(header[3]);
    const seen = this.known.get(m);
    if (seen !== undefined && g <= seen) return;
    const reads = this.observer || this.reads(m);
    const body = raw.slice(header[0].length);
    if (body === '') {
      // Written by a process that knew of no other reader. A copy here is now stale: drop it
      // (it reloads when next needed), or reload it at once if sockets here show the match.
      if (reads) void authority.refresh(m).catch(() => undefined);
      else {
        authority.forget(m);
        this.known.delete(m);
      }
      return;
    }
    // Sent for another reader: nothing to do here unless this process has the match.
    if (!reads && !authority.isCached(m)) return;
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(body) as Snapshot;
    } catch {
      return;
    }
    void authority
      .adopt(m, snapshot, () => {
        const k = this.known.get(m);
        if (k !== undefined && g <= k) return false;
        this.known.set(m, g);
        return true;
      })
      .catch((e: unknown) => console.error(`adopting ${m} failed:`, e));
  }

  /**
   * Compares each cached match's generation with Redis's and reloads those another process
   * wrote without this one hearing of it (the reload holds the lease, so no write is half-done).
   */
  private async reconcile(): Promise<void> {
    const authority = this.authority;
    if (!authority || this.closed) return;
    const ids = authority.cachedIDs();
    const lagging = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const gens = await this.cmd.mget(...chunk.map((id) => this.key('gen', id)));
      for (const [j, id] of chunk.entries()) {
        const gen = Number(gens[j] ?? 0);
        const known = this.known.get(id);
        if (known === gen || this.held.has(id)) continue;
        // Behind: the write's message may still be on its way (a busy process reads them late).
        // Reload only a copy that was already behind on the last pass and has not caught up
        // with what it lacked then; reloading every copy a message is about to update would
        // take the match's lease and read PostgreSQL for nothing, and slow the moves further.
        const was = this.lagging.get(id);
        if (was !== undefined && ((known ?? -1) < was || was === gen)) {
          await authority.refresh(id).catch(() => undefined);
        } else {
          lagging.set(id, gen);
        }
      }
    }
    this.lagging = lagging;
  }

  /** Does this process read the match now: sockets on it, its bots, a session's table here? */
  private reads(matchID: string): boolean {
    return (
      this.presence.follows(matchID) ||
      this.playing.has(matchID) ||
      (this.sessions?.hasTable(matchID) ?? false)
    );
  }

  /**
   * Keeps this process among the readers of the matches it has sockets on or plays the bots
   * of (a hold to show a match makes it a reader too, for `readerMs`).
   */
  private async renewReads(): Promise<void> {
    if (this.closed) return;
    const now = Date.now();
    // A claim not renewed (the match ended, or another process took its bots) is over.
    for (const [id, at] of this.playing)
      if (now - at > this.opts.botClaimMs) this.playing.delete(id);
    const ids = new Set([
      ...this.presence.followed(),
      ...this.playing.keys(),
      ...(this.sessions?.tableMatches() ?? []),
    ]);
    if (ids.size === 0) return;
    const until = now + this.opts.readerMs;
    const batch = this.cmd.pipeline();
    const read = this.lua.read.on(batch);
    for (const id of ids) read(this.key('readers', id), until, this.node, this.opts.readerMs);
    await batch.exec();
  }

  /** May this process play the match's bots now? (At most one process at a time: true.) */
  claimBots = async (matchID: string): Promise<boolean> => {
    await this.attached;
    if (this.closed) return false;
    const won = await this.lua
      .claim(this.key('bots', matchID), this.node, this.opts.botClaimMs)
      .catch(() => 0);
    // Taken over from another process: its last moves may not have reached this copy yet.
    if (won === 2) await this.authority?.refresh(matchID).catch(() => undefined);
    if (won === 1 || won === 2) this.playing.set(matchID, Date.now());
    else this.playing.delete(matchID);
    return won === 1 || won === 2;
  };

  async close(): Promise<void> {
    this.closed = true;
    this.presence.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.sub.disconnect();
    await this.cmd.quit().catch(() => this.cmd.disconnect());
  }
}
