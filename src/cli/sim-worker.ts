import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../../game/engine';
import { playRange, type GameRecord, type SeatBans, type SeatLevels } from '../../game/sim';

/** One run of games: the scenario, the run's seed and which bot plays each seat. */
export interface RunJob {
  scenario: Scenario;
  seed: string;
  levels: SeatLevels;
  bans?: SeatBans;
}

/** A slice of a run's game indices to play, `from` inclusive, `to` exclusive. */
export interface Slice {
  job: RunJob;
  from: number;
  to: number;
}

export interface SliceDone {
  from: number;
  records: GameRecord[];
}

/** The body of a worker thread: plays each slice it is sent and sends the records back. */
if (parentPort) {
  const port = parentPort;
  port.on('message', ({ job, from, to }: Slice) => {
    const records = playRange(job.scenario, job.seed, job.levels, from, to, job.bans);
    port.postMessage({ from, records } satisfies SliceDone);
  });
}
