import type { Redis } from 'ioredis';
import type { Limiter, OpenMatchLedger, RateLimiter, SharedLimits } from '../net/limits';

/**
 * The lobby's budgets kept in Redis, so that every process spends from one: the writes per
 * address (match creation among them), the join-code misses per address, and the unfinished
 * matches each address created. Behind a load balancer N processes would otherwise allow N times
 * each budget, and what they guard (the database, the join codes) is shared by all of them.
 *
 * A token bucket is one hash (`rate:<name>:<key>`: tokens and the time they were counted, by
 * Redis's own clock, so processes on machines with different clocks agree), updated by one
 * script, so concurrent takes from several processes never both spend the last token. While
 * Redis cannot be reached each process falls back to its own bucket (the per-process budget):
 * the lobby keeps working, as it does not need Redis otherwise.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local v = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = tonumber(v[1]) or burst
local at = tonumber(v[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local ok = 0
if ARGV[3] == 'refund' then
  tokens = math.min(burst, tokens + 1)
  ok = 1
elseif tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], rate > 0 and (math.ceil(burst / rate) + 1000) or 86400000)
return ok`;

/** The set of a address's unfinished matches is kept this long after its last new match. */
const OPEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

class RedisLimiter implements Limiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** Tokens per millisecond. */
    private readonly perMs: number,
    private readonly burst: number,
    private readonly local: RateLimiter,
  ) {}

  async take(key: string): Promise<boolean> {
    try {
      const ok = await this.redis.eval(TAKE, 1, this.prefix + key, this.perMs, this.burst, 'take');
      return ok === 1;
    } catch {
      return this.local.take(key);
    }
  }

  refund(key: string): void {
    this.redis
      .eval(TAKE, 1, this.prefix + key, this.perMs, this.burst, 'refund')
      .catch(() => this.local.refund(key));
  }
}

class RedisOpenMatches implements OpenMatchLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly local: OpenMatchLedger,
  ) {}

  async list(address: string): Promise<string[]> {
    try {
      return await this.redis.smembers(this.prefix + address);
    } catch {
      return this.local.list(address);
    }
  }

  async add(address: string, matchID: string): Promise<void> {
    await this.local.add(address, matchID);
    await this.redis
      .multi()
      .sadd(this.prefix + address, matchID)
      .pexpire(this.prefix + address, OPEN_TTL_MS)
      .exec()
      .catch(() => undefined);
  }

  async remove(address: string, matchIDs: string[]): Promise<void> {
    await this.local.remove(address, matchIDs);
    if (matchIDs.length > 0)
      await this.redis.srem(this.prefix + address, ...matchIDs).catch(() => undefined);
  }
}

export function redisLimits(redis: Redis, prefix: string, local: OpenMatchLedger): SharedLimits {
  return {
    limiter: (name, perSecond, burst, fallback) =>
      new RedisLimiter(redis, `${prefix}rate:${name}:`, perSecond / 1000, burst, fallback),
    openMatches: new RedisOpenMatches(redis, `${prefix}open:`, local),
  };
}
