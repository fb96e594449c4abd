import type { ChainableCommander, Redis } from 'ioredis';

/** Runs one Lua script with its keys, then its arguments; resolves to what the script returns. */
export type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

let defined = 0;

/**
 * A Lua script run by its SHA-1 (EVALSHA) rather than by sending its text every time (EVAL):
 * Redis then neither reads nor hashes the text per call, and each call is a few bytes instead of
 * the script's hundreds. ioredis sends the text (EVAL) the first time on each connection, and
 * again on any connection where Redis answers NOSCRIPT (a restarted Redis has forgotten it), so
 * a call does what EVAL of the same text does. `on` also runs it in a pipeline.
 */
export function luaScript(
  redis: Redis,
  keys: number,
  lua: string,
): ScriptCall & { on(batch: ChainableCommander): (...keysThenArgs: (string | number)[]) => void } {
  const name = `chokepointScript${++defined}`;
  redis.defineCommand(name, { numberOfKeys: keys, lua });
  type Defined = Record<string, ScriptCall>;
  const call = (...args: (string | number)[]) => (redis as unknown as Defined)[name]!(...args);
  return Object.assign(call, {
    on: (batch: ChainableCommander) => {
      const run = (batch as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      return (...args: (string | number)[]) => void run.apply(batch, args);
    },
  });
}
