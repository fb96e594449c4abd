import { parentPort, workerData } from 'node:worker_threads';
import type { GameState } from '../game/state';
import { continueOnce } from '../game/sim/continue';

/**
 * One thread's share of the bench's continuations: games `part`, `part + parts`, … exactly as
 * one of the debrief's Web Workers plays them (src/app/debrief/chances.worker.ts).
 */
const { from, games, seed, part, parts } = workerData as {
  from: GameState;
  games: number;
  seed: string;
  part: number;
  parts: number;
};
// Loaded (and compiled by tsx): the bench times the games from its "go", as a page's worker
// is loaded from the built bundle before anyone asks for an estimate.
parentPort!.once('message', () => {
  const out: { i: number; seats: string[] }[] = [];
  for (let i = part; i < games; i += parts)
    out.push({ i, seats: continueOnce(from, {}, `${seed}/${i}`) });
  parentPort!.postMessage(out);
});
parentPort!.postMessage('ready');
