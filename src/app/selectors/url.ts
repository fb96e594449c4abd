/** Options read from the page address (tests and teachers use them): ?seed=…&speed=fast. */
export interface UrlOptions {
  seed: string | null;
  botDelayMs: number | null;
  /** ?start=classroom skips the start screen (a teacher's link; the benchmarks use it). */
  start: string | null;
  /** ?seat=2 makes that seat the person (with ?start). */
  seat: string | null;
  /** ?guide=0 turns the first-round guide off. */
  guide: boolean | null;
}

export function urlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const seed = q.get('seed');
  const speed = q.get('speed');
  const delay = speed === 'fast' ? 20 : speed === 'slow' ? 1400 : null;
  const guide = q.get('guide');
  return {
    seed: seed && seed.length <= 64 ? seed : null,
    botDelayMs: delay,
    start: q.get('start'),
    seat: q.get('seat'),
    guide: guide === null ? null : guide !== '0',
  };
}
