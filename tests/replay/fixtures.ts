import type { BotLevel } from '../../game/bots/types';
import { createInitialState, SCENARIOS } from '../../game/engine';
import { botActions, recordReplay, type ReplayFile } from '../../game/replay';
import type { GameState } from '../../game/state';

/** A whole bot match, its actions, every state it passed through, and its replay file. */
export function botMatch(
  scenarioId: string,
  seed: string,
  opts: { levels?: BotLevel[]; revise?: boolean } = {},
): { file: ReplayFile; states: GameState[] } {
  const scenario = SCENARIOS[scenarioId];
  const start = Object.freeze(createInitialState(scenario, seed));
  const levels = Object.fromEntries(
    start.planners.map((p, i) => [p, opts.levels?.[i % opts.levels.length] ?? 'heuristic']),
  );
  const played = botActions(start, levels, `bots/${seed}`, Infinity, opts.revise ?? false);
  const file = recordReplay({
    id: `m-${scenarioId}-${seed}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    source: 'local',
    scenario,
    seed,
    actions: played.actions,
  });
  return { file, states: played.states };
}

/** The file as text, changed by `edit`: what someone tampering with a download would do. */
export function tampered(file: ReplayFile, edit: (f: ReplayFile) => void): string {
  const copy = JSON.parse(JSON.stringify(file)) as ReplayFile;
  edit(copy);
  return JSON.stringify(copy);
}
