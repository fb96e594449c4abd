import { useCallback, useEffect, useRef, useState } from 'react';
import type { Continuations } from '../../../game/sim/continue';
import type { ChancesReply, ChancesRequest } from './chances.worker';

export type ChancesRun =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; results: Continuations[]; ms: number }
  | { kind: 'failed'; error: string };

/** Runs bot continuations in a Web Worker, with progress; a new run stops the one before. */
export function useChances(): [ChancesRun, (req: ChancesRequest) => void, () => void] {
  const [run, setRun] = useState<ChancesRun>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const start = useCallback(
    (req: ChancesRequest) => {
      stop();
      const w = new Worker(new URL('./chances.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setRun({ kind: 'running', done: 0, total: req.positions.length * req.games });
      w.onmessage = (e: MessageEvent<ChancesReply>) => {
        const m = e.data;
        if (m.kind === 'progress') setRun({ kind: 'running', done: m.done, total: m.total });
        else {
          setRun({ kind: 'done', results: m.results, ms: m.ms });
          stop();
        }
      };
      w.onerror = (e) => {
        setRun({ kind: 'failed', error: e.message || 'the estimate failed' });
        stop();
      };
      w.postMessage(req);
    },
    [stop],
  );
  const cancel = useCallback(() => {
    stop();
    setRun({ kind: 'idle' });
  }, [stop]);
  return [run, start, cancel];
}
