import { createInitialState, SCENARIOS } from '../game/engine';
import { botActions, positionAt, readReplay, recordReplay } from '../game/replay';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { continuations, tallyChances } from '../game/sim/continue';
import type { GameState } from '../game/state';

/**
 * The debrief's figures (issue #13): replaying a whole match file (parse, check every action,
 * seal and round hash), and 500 bot continuations from a mid-game position on one core (what
 * the browser's worker does; the board bench does not run it in Chromium).
 */
export interface ReplayBench {
  actions: number;
  fileBytes: number;
  /** The median of `runs` reads, once warm (the JIT compiled). */
  replayMs: number;
  /** The first read in this process: the engine and the checks not yet compiled. */
  firstReplayMs: number;
  continuations: number;
  continuationsMs: number;
  /** The same games shared between threads, as the debrief's Web Workers share them (one per core). */
  threads: number;
  threadedMs: number;
}

export async function benchReplay(
  scenario = 'classroom',
  runs = 31,
  games = 500,
  threads = Math.max(1, Math.min(4, availableParallelism())),
): Promise<ReplayBench> {
  const sc = SCENARIOS[scenario]!;
  const start = Object.freeze(createInitialState(sc, 'bench'));
  const levels = Object.fromEntries(start.planners.map((p) => [p, 'heuristic' as const]));
  const { actions } = botActions(start, levels, 'bench');
  const text = JSON.stringify(
    recordReplay({ id: 'bench', source: 'local', scenario: sc, seed: 'bench', actions }),
  );
  const times: number[] = [];
  const t0 = performance.now();
  let replayed = readReplay(text);
  const firstReplayMs = performance.now() - t0;
  for (let i = 0; i < 5; i++) readReplay(text);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    replayed = readReplay(text);
    times.push(performance.now() - t);
  }
  if (!replayed.ok) throw new Error(replayed.error);
  times.sort((a, b) => a - b);
  const from = positionAt(replayed.replay, Math.ceil(sc.rounds / 2))!;
  const t = performance.now();
  const one = continuations(from, games, 'bench');
  const continuationsMs = performance.now() - t;
  const { shared, ms: threadedMs } = await threaded(from, games, 'bench', threads);
  if (JSON.stringify(shared) !== JSON.stringify(one))
    throw new Error(
      'the threads found other chances than one core: a continuation is not seeded alone',
    );
  return {
    actions: actions.length,
    fileBytes: text.length,
    replayMs: times[Math.floor(times.length / 2)]!,
    firstReplayMs,
    continuations: games,
    continuationsMs,
    threads,
    threadedMs,
  };
}

/** The games shared between `threads` worker threads (each registers tsx, as src/cli/sim-pool.ts). */
async function threaded(from: GameState, games: number, seed: string, threads: number) {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./continue-thread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const workers = Array.from(
    { length: threads },
    (_, part) =>
      new Worker(boot, { eval: true, workerData: { from, games, seed, part, parts: threads } }),
  );
  const next = <T>(w: Worker) =>
    new Promise<T>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
  await Promise.all(workers.map((w) => next<'ready'>(w)));
  const t = performance.now();
  const results = workers.map((w) => next<{ i: number; seats: string[] }[]>(w));
  for (const w of workers) w.postMessage('go');
  const shares = await Promise.all(results);
  const ms = performance.now() - t;
  for (const w of workers) void w.terminate();
  const winners = shares
    .flat()
    .sort((a, b) => a.i - b.i)
    .map((g) => g.seats);
  return { shared: tallyChances(from, winners), ms };
}
