import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr, so stdout stays the same from run to run. */
export function progressBar(
  label: string,
  total: number,
): { tick: (n: number) => void; stop: () => void } {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} games | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: (n) => bar.increment(n), stop: () => bar.stop() };
}
