import { Worker } from 'node:worker_threads';
import { playRange, type GameRecord } from '../../game/sim';
import type { RunJob, Slice, SliceDone } from './sim-worker';

/**
 * Plays a run's games on worker threads. Game i always has the same seeds, and records are put
 * back in index order, so the result does not depend on how many workers there are.
 */
export async function runGames(
  job: RunJob,
  games: number,
  workers: number,
  onProgress: (done: number) => void,
): Promise<GameRecord[]> {
  const size = Math.max(1, Math.min(200, Math.ceil(games / (workers * 12))));
  const slices: Slice[] = [];
  for (let from = 0; from < games; from += size)
    slices.push({ from, to: Math.min(games, from + size) });
  const records: GameRecord[] = new Array<GameRecord>(games);
  const store = (done: SliceDone): void => {
    done.records.forEach((r, i) => (records[done.from + i] = r));
    onProgress(done.records.length);
  };
  if (workers <= 1) {
    for (const s of slices) {
      store({ from: s.from, records: playRange(job.scenario, job.seed, job.levels, s.from, s.to) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return records;
  }
  const threads = Array.from({ length: Math.min(workers, slices.length) }, () => spawn(job));
  try {
    await Promise.all(threads.map((w) => feed(w, slices, store)));
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return records;
}

/** Sends a worker slice after slice until none are left. */
function feed(worker: Worker, queue: Slice[], store: (done: SliceDone) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (): void => {
      const slice = queue.shift();
      if (slice) worker.postMessage(slice);
      else resolve();
    };
    worker.on('message', (done: SliceDone) => {
      store(done);
      next();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`a simulator worker stopped with code ${code}`));
    });
    next();
  });
}

/**
 * Node 20 ignores module hooks passed to a worker in execArgv, so each worker first registers
 * tsx itself, then loads the TypeScript worker module.
 */
function spawn(job: RunJob): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sim-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}
