import { Worker } from 'node:worker_threads';
import { playRange, type GameRecord } from '../../game/sim';
import type { RunJob, SliceDone } from './sim-worker';

/**
 * Worker threads that play runs of games. Game i of a run always has the same seeds, and the
 * records come back in index order, so a run's result does not depend on the worker count.
 */
export class SimPool {
  private readonly threads: Worker[];

  constructor(readonly workers: number) {
    this.threads = workers > 1 ? Array.from({ length: workers }, spawn) : [];
  }

  async run(job: RunJob, games: number, onProgress: (done: number) => void): Promise<GameRecord[]> {
    const size = Math.max(1, Math.min(100, Math.ceil(games / (this.workers * 12))));
    const queue: number[] = [];
    for (let from = 0; from < games; from += size) queue.push(from);
    const records = new Array<GameRecord>(games);
    const store = (done: SliceDone): void => {
      done.records.forEach((r, i) => (records[done.from + i] = r));
      onProgress(done.records.length);
    };
    const to = (from: number): number => Math.min(games, from + size);
    if (this.threads.length === 0) {
      for (const from of queue) {
        store({
          from,
          records: playRange(job.scenario, job.seed, job.levels, from, to(from), job.bans),
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      return records;
    }
    await Promise.all(this.threads.map((w) => feed(w, job, queue, to, store)));
    return records;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => w.terminate()));
  }
}

/** Sends one worker slice after slice of a run until none are left. */
function feed(
  worker: Worker,
  job: RunJob,
  queue: number[],
  to: (from: number) => number,
  store: (done: SliceDone) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (): void => {
      const from = queue.shift();
      if (from === undefined) return finish(resolve);
      worker.postMessage({ job, from, to: to(from) });
    };
    const onMessage = (done: SliceDone): void => {
      store(done);
      next();
    };
    const onError = (e: Error): void => finish(() => reject(e));
    const finish = (then: () => void): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      then();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    next();
  });
}

/**
 * Node 20 ignores module hooks given to a worker in execArgv, so each worker registers tsx
 * itself before it loads the TypeScript worker module.
 */
function spawn(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sim-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}
