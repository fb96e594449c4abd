import { useCallback, useEffect, useRef, useState } from 'react';
import { tallyChances, type Continuations } from '../../../game/sim/continue';
import type { ChancesReply, ChancesRequest, ChancesShare } from './chances.worker';

export type ChancesRun =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; results: Continuations[]; ms: number }
  | { kind: 'failed'; error: string };

/** Workers to share the games between: one per core, at most four. */
const parts = (): number => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

/**
 * Runs bot continuations in Web Workers (one per core), with progress; a new run stops the one
 * before. Every game has its own seed, so the chances do not depend on how many workers ran.
 */
export function useChances(): [ChancesRun, (req: ChancesRequest) => void, () => void] {
  const [run, setRun] = useState<ChancesRun>({ kind: 'idle' });
  const workers = useRef<Worker[]>([]);
  const stop = useCallback(() => {
    for (const w of workers.current) w.terminate();
    workers.current = [];
  }, []);
  useEffect(() => stop, [stop]);
  const start = useCallback(
    (req: ChancesRequest) => {
      stop();
      const n = Math.min(parts(), req.games);
      const total = req.positions.length * req.games;
      const started = performance.now();
      const done = new Array<number>(n).fill(0);
      const shares: ChancesReply[] = [];
      setRun({ kind: 'running', done: 0, total });
      for (let part = 0; part < n; part++) {
        const w = new Worker(new URL('./chances.worker.ts', import.meta.url), { type: 'module' });
        workers.current.push(w);
        w.onmessage = (e: MessageEvent<ChancesReply>) => {
          const m = e.data;
          if (m.kind === 'progress') {
            done[part] = m.done;
            setRun({ kind: 'running', done: done.reduce((a, b) => a + b, 0), total });
            return;
          }
          shares.push(m);
          if (shares.length < n) return;
          const results = req.positions.map((from, p) => {
            const games = shares
              .flatMap((s) => (s.kind === 'done' ? s.winners[p] : []))
              .sort((a, b) => a.i - b.i)
              .map((g) => g.seats);
            return tallyChances(from, games);
          });
          setRun({ kind: 'done', results, ms: performance.now() - started });
          stop();
        };
        w.onerror = (e) => {
          setRun({ kind: 'failed', error: e.message || 'the estimate failed' });
          stop();
        };
        w.postMessage({ ...req, part, parts: n } satisfies ChancesShare);
      }
    },
    [stop],
  );
  const cancel = useCallback(() => {
    stop();
    setRun({ kind: 'idle' });
  }, [stop]);
  return [run, start, cancel];
}
