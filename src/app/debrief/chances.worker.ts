/// <reference lib="webworker" />
import type { GameState } from '../../../game/engine';
import { continueOnce, tallyChances, type Continuations } from '../../../game/sim/continue';

/**
 * Bot continuations off the page's thread: for each position, `games` continuations, with a
 * progress message every game and the chances at the end.
 */
export interface ChancesRequest {
  positions: GameState[];
  games: number;
  seed: string;
}
export type ChancesReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; results: Continuations[]; ms: number };

self.onmessage = (e: MessageEvent<ChancesRequest>) => {
  const { positions, games, seed } = e.data;
  const started = performance.now();
  const total = positions.length * games;
  let done = 0;
  const results = positions.map((from, p) => {
    const winners: string[][] = [];
    for (let i = 0; i < games; i++) {
      winners.push(continueOnce(from, {}, `${seed}/${p}/${i}`));
      done += 1;
      if (done % 5 === 0 || done === total)
        self.postMessage({ kind: 'progress', done, total } satisfies ChancesReply);
    }
    return tallyChances(from, winners);
  });
  self.postMessage({
    kind: 'done',
    results,
    ms: performance.now() - started,
  } satisfies ChancesReply);
};
