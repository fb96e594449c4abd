/** Options read from the page address (tests and teachers use them): ?seed=…&speed=fast. */
export interface UrlOptions {
  seed: string | null;
  botDelayMs: number | null;
}

export function urlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const seed = q.get('seed');
  const speed = q.get('speed');
  const delay = speed === 'fast' ? 20 : speed === 'slow' ? 1400 : null;
  return { seed: seed && seed.length <= 64 ? seed : null, botDelayMs: delay };
}
