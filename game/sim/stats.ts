/** Small statistics for the simulator's summaries. */

export interface Interval {
  /** The observed proportion. */
  p: number;
  lo: number;
  hi: number;
}

/** The 95% Wilson score interval of `wins` successes in `n` trials. */
export function wilson(wins: number, n: number, z = 1.959964): Interval {
  if (n <= 0) return { p: 0, lo: 0, hi: 1 };
  const p = wins / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * The 95% interval of the difference of two proportions, `a` minus `b` (Newcombe's hybrid score
 * interval, built from each side's Wilson interval): sound for small groups and rates near 0 or 1.
 */
export function differenceInterval(
  a: { wins: number; n: number },
  b: { wins: number; n: number },
): Interval {
  const x = wilson(a.wins, a.n);
  const y = wilson(b.wins, b.n);
  const d = x.p - y.p;
  return {
    p: d,
    lo: d - Math.sqrt((x.p - x.lo) ** 2 + (y.hi - y.p) ** 2),
    hi: d + Math.sqrt((x.hi - x.p) ** 2 + (y.p - y.lo) ** 2),
  };
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Rounds to a fixed number of decimals, so summaries print and compare the same everywhere. */
export const round = (x: number, decimals = 3): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
