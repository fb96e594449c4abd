import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../game/engine';
import { playRange, type GameRecord, type SeatLevels } from '../../game/sim';

/** What every worker of a run shares, sent once when it starts. */
export interface RunJob {
  scenario: Scenario;
  seed: string;
  levels: SeatLevels;
}

/** A slice of the run's game indices, `from` inclusive, `to` exclusive. */
export interface Slice {
  from: number;
  to: number;
}

export interface SliceDone {
  from: number;
  records: GameRecord[];
}

/** A worker thread: plays each slice it is sent and sends back the records. */
if (parentPort) {
  const port = parentPort;
  const job = workerData as RunJob;
  port.on('message', (slice: Slice) => {
    const records = playRange(job.scenario, job.seed, job.levels, slice.from, slice.to);
    port.postMessage({ from: slice.from, records } satisfies SliceDone);
  });
}
