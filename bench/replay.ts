import { createInitialState, SCENARIOS } from '../game/engine';
import { botActions, positionAt, readReplay, recordReplay } from '../game/replay';
import { continuations } from '../game/sim/continue';

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
}

export function benchReplay(scenario = 'classroom', runs = 31, games = 500): ReplayBench {
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
  continuations(from, games, 'bench');
  return {
    actions: actions.length,
    fileBytes: text.length,
    replayMs: times[Math.floor(times.length / 2)]!,
    firstReplayMs,
    continuations: games,
    continuationsMs: performance.now() - t,
  };
}
