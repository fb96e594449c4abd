/// <reference lib="webworker" />
import type { GameState } from '../../../game/engine';
import { continueOnce } from '../../../game/sim/continue';

/**
 * Bot continuations off the page's thread. The page splits the games between several workers
 * (one per core): this one plays games `part`, `part + parts`, … of each position, each with
 * its own seed, so the result is the same however many workers share the work.
 */
export interface ChancesRequest {
  positions: GameState[];
  games: number;
  seed: string;
}
export interface ChancesShare extends ChancesRequest {
  part: number;
  parts: number;
}
export type ChancesReply =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; winners: { i: number; seats: string[] }[][] };

self.onmessage = (e: MessageEvent<ChancesShare>) => {
  const { positions, games, seed, part, parts } = e.data;
  let done = 0;
  const winners = positions.map((from, p) => {
    const out: { i: number; seats: string[] }[] = [];
    for (let i = part; i < games; i += parts) {
      out.push({ i, seats: continueOnce(from, {}, `${seed}/${p}/${i}`) });
      done += 1;
      if (done % 5 === 0) self.postMessage({ kind: 'progress', done } satisfies ChancesReply);
    }
    return out;
  });
  self.postMessage({ kind: 'progress', done } satisfies ChancesReply);
  self.postMessage({ kind: 'done', winners } satisfies ChancesReply);
};
