import type { BotLevel } from '../../game/bots/types';
import { createInitialState, SCENARIOS } from '../../game/engine';
import type { EventCard } from '../../game/events/types';
import { seatId } from '../../game/ids';
import {
  applyConsole,
  botActions,
  payloadOf,
  recordReplay,
  type ConsoleChange,
  type ReplayAction,
  type ReplayFile,
} from '../../game/replay';
import type { GameState } from '../../game/state';
import { afterAction } from '../../game/update';

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

/** A card the facilitator writes out in the console (tension, then a frontier jump). */
export const WORKSHOP_CARD: EventCard = {
  id: 'workshop-shock',
  title: 'Workshop shock',
  date: '2023-01-15',
  source: 'The facilitator',
  text: 'A sudden shock.',
  effectText: 'Tension +2.',
  effects: [{ op: 'tension', delta: 2 }],
  favours: 'neutral',
};

/**
 * A bot match with a facilitator at the console: a deck card injected halfway through round
 * 2's planning, a written card as round 3 opens, and, if `end` is given, the match ended by
 * the facilitator as round `end` opens. Every state it passed through (one per action and
 * per console change, as `playActions` keeps them) and its replay file.
 */
export function consoleMatch(
  scenarioId: string,
  seed: string,
  end?: number,
): { file: ReplayFile; states: GameState[]; console: ConsoleChange[] } {
  const scenario = SCENARIOS[scenarioId];
  const start = Object.freeze(createInitialState(scenario, seed));
  const levels = Object.fromEntries(start.planners.map((p) => [p, 'heuristic' as const]));
  const bots = `bots/${seed}`;
  const actions: ReplayAction[] = [];
  const states: GameState[] = [start];
  const console: ConsoleChange[] = [];
  const take = (a: ReplayAction): void => {
    const next = afterAction(states.at(-1)!, seatId(a.seat), payloadOf(a));
    if (!next) throw new Error(`the bots' action ${actions.length} was refused after an inject`);
    actions.push(a);
    states.push(next);
  };
  const change = (c: ConsoleChange): void => {
    const made = applyConsole(states.at(-1)!, c);
    if (!made.ok) throw new Error(made.error);
    console.push(c);
    states.push(made.state);
  };
  botActions(start, levels, bots, 2).actions.forEach(take);
  const round2 = botActions(states.at(-1)!, levels, bots, 3).actions;
  const half = Math.floor(round2.length / 2);
  round2.slice(0, half).forEach(take);
  // Injects change nothing a seat plans with: the rest of the round's actions still stand.
  change({ at: actions.length, kind: 'inject', card: 'kyc-proposal' });
  round2.slice(half).forEach(take);
  change({ at: actions.length, kind: 'inject', card: WORKSHOP_CARD });
  if (end !== undefined) {
    botActions(states.at(-1)!, levels, bots, end).actions.forEach(take);
    change({ at: actions.length, kind: 'end' });
  } else botActions(states.at(-1)!, levels, bots).actions.forEach(take);
  const file = recordReplay({
    id: `c-${scenarioId}-${seed}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    source: 'online',
    scenario,
    seed,
    actions,
    console,
  });
  return { file, states, console };
}

/** Waits until an async check holds, polling every 50 ms; throws after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
