/**
 * The match's seeded generator (sfc32). Its four words live in the state's secret part, which
 * no seat's view contains, so no client can predict a roll.
 */
export type RngState = [number, number, number, number];

function hashSeed(seed: string): RngState {
  // xmur3: spreads any string seed over four 32-bit words.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = (): number => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  return [next(), next(), next(), next()];
}

export function seedRng(seed: string): RngState {
  const state = hashSeed(seed);
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the generator in place and returns a uniform 32-bit integer. */
export function nextUint32(s: RngState): number {
  const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
  s[3] = (s[3] + 1) | 0;
  s[0] = s[1] ^ (s[1] >>> 9);
  s[1] = (s[2] + (s[2] << 3)) | 0;
  s[2] = (s[2] << 21) | (s[2] >>> 11);
  s[2] = (s[2] + t) | 0;
  return t >>> 0;
}

/** A whole number in [0, n). */
export function randInt(s: RngState, n: number): number {
  return Math.floor((nextUint32(s) / 4294967296) * n);
}

/** True with the given percent chance (0..100). */
export function rollPercent(s: RngState, percent: number): boolean {
  return randInt(s, 100) < percent;
}

export function shuffle<T>(s: RngState, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(s, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
