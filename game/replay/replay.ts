import { produce } from 'immer';
import { seatName } from '../access';
import { endMatchNow, injectCard } from '../events/injects';
import type { EventCard } from '../events/types';
import { act, actionProblem, type ActionPayload } from '../flow';
import { seatId, type SeatId } from '../ids';
import { sealOf } from '../orders/seal';
import { seedRng } from '../random';
import { SCENARIOS } from '../scenarios';
import { formatErrors, parseScenario, type Scenario } from '../scenarios/schema';
import { createInitialState } from '../setup';
import type { GameState } from '../state';
import { afterAction } from '../update';
import { stateHash } from './hash';
import {
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  ReplayFileSchema,
  type ConsoleChange,
  type ReplayAction,
  type ReplayFile,
} from './schema';
import { RULES_VERSION, rulesFingerprint } from './version';

/** Where a match starts: its scenario and seed, and the rounds at which its dice were reseeded. */
export interface ReplayStart {
  scenario: Scenario;
  seed: string;
  reseeds?: readonly Reseed[] | undefined;
  /** The facilitator's console changes, each made after `at` actions, in order. */
  console?: readonly ConsoleChange[] | undefined;
}

export interface Reseed {
  round: number;
  seed: string;
}

/**
 * A match played again. `playActions` keeps every state it passed through, one after each
 * action and one after each console change (without console changes, `states[i + 1]` is the
 * state after action `i`); `readReplay` keeps only each round's opening and the last state.
 */
export interface Replayed {
  scenario: Scenario;
  /** `states[0]` is the start; the last is where the match stands. */
  states: GameState[];
  actions: ReplayAction[];
  /** `roundStart[r]`: the index in `states` where round r's planning began (index 0 unused). */
  roundStart: number[];
  /** `actionsAt[r]`: how many actions were taken before round r opened. */
  actionsAt: number[];
  /** The facilitator's console changes played, each after `at` actions. */
  console: readonly ConsoleChange[];
}

export type ReplayResult =
  { ok: true; replay: Replayed; file: ReplayFile } | { ok: false; error: string };

/** A planning action as the engine takes it. */
export function payloadOf(a: ReplayAction): ActionPayload {
  switch (a.action) {
    case 'order':
      return { action: 'order', move: a.move, args: a.args };
    case 'withdraw':
      return { action: 'withdraw', index: a.index };
    case 'card':
      return { action: 'card', card: a.card, use: a.use };
    case 'submit':
      return { action: 'submit' };
  }
}

/** A file's action for a seat's planning action. */
export function replayActionOf(seat: string, p: ActionPayload): ReplayAction {
  switch (p.action) {
    case 'order':
      return { seat, action: 'order', move: p.move, args: { ...p.args } };
    case 'withdraw':
      return { seat, action: 'withdraw', index: p.index };
    case 'card':
      return { seat, action: 'card', card: p.card, use: p.use };
    case 'submit':
      return { seat, action: 'submit' };
  }
}

/** A fork with a seed of its own draws its dice afresh from that seed as its first round opens. */
export function reseeded(state: GameState, seed: string): GameState {
  return produce(state, (d) => {
    if (d.secret) d.secret.rng = seedRng(`fork/${seed}/round${d.round}`);
  });
}

/** In words, for messages: "round 2, Beijing lab's order Lease servers". */
export function describeAction(state: GameState, a: ReplayAction): string {
  const who = seatName(state, seatId(a.seat));
  const what =
    a.action === 'order'
      ? `order "${a.move}"`
      : a.action === 'withdraw'
        ? `withdrawal of order ${a.index + 1}`
        : a.action === 'card'
          ? a.card === null
            ? 'taking back its card'
            : `card "${a.card}"`
          : 'submission';
  return `round ${state.round}, ${who}'s ${what}`;
}

/** The position a match starts from (reseeded if a fork from round 1 asked for new dice). */
export function startState(start: ReplayStart): GameState {
  let state = Object.freeze(createInitialState(start.scenario, start.seed));
  for (const r of start.reseeds ?? []) if (r.round <= 1) state = reseeded(state, r.seed);
  return state;
}

/** The state with a console change made, or why it cannot be (the file was changed). */
export function applyConsole(
  state: GameState,
  change: ConsoleChange,
): { ok: true; state: GameState } | { ok: false; error: string } {
  if (change.kind === 'end')
    return state.over
      ? { ok: false, error: 'the match had already ended' }
      : { ok: true, state: endMatchNow(state) };
  return injectCard(state, change.card as string | EventCard);
}

/** Console changes out of order, or placed after the last action, make no sense in a file. */
function consoleProblem(changes: readonly ConsoleChange[], actions: number): string | null {
  let prev = 0;
  for (const [i, c] of changes.entries()) {
    if (c.at < prev || c.at > actions)
      return `Console change ${i + 1} is placed at action ${c.at}, out of order or after the last action. The file was changed or damaged.`;
    prev = c.at;
  }
  return null;
}

const consoleRefused = (i: number, c: ConsoleChange, state: GameState, why: string): string =>
  `Console change ${i + 1} (${c.kind === 'end' ? 'ending the match' : `inject of "${typeof c.card === 'string' ? c.card : c.card.id}"`}, round ${state.round}) is not allowed: ${why} The file was changed or damaged.`;

export interface PlayHooks {
  /** Called before each action is taken; an error string stops the replay. */
  before?(state: GameState, action: ReplayAction, index: number): string | null;
  /** Called after each round resolves, with the state the next round opens on. */
  roundEnd?(state: GameState, round: number): string | null;
  progress?(done: number, total: number): void;
}

/**
 * Plays the actions from the start. Stops at the first action the engine refuses (with a
 * message naming it) or the first hook that objects.
 */
export function playActions(
  start: ReplayStart,
  actions: readonly ReplayAction[],
  hooks: PlayHooks = {},
): { ok: true; replay: Replayed } | { ok: false; error: string; replay: Replayed } {
  let state = startState(start);
  const reseeds = (start.reseeds ?? []).filter((r) => r.round > 1);
  const forkNow = (): void => {
    for (const r of reseeds) if (r.round === state.round) state = reseeded(state, r.seed);
  };
  const states: GameState[] = [state];
  const roundStart: number[] = [0, 0];
  const actionsAt: number[] = [0, 0];
  const replay: Replayed = {
    scenario: start.scenario,
    states,
    actions: [],
    roundStart,
    actionsAt,
    console: start.console ?? [],
  };
  const changes = start.console ?? [];
  const misplaced = consoleProblem(changes, actions.length);
  if (misplaced) return { ok: false, error: misplaced, replay };
  let c = 0;
  const every = Math.max(1, Math.floor(actions.length / 50));
  for (let i = 0; i <= actions.length; i++) {
    for (; c < changes.length && changes[c].at === i; c++) {
      const made = applyConsole(state, changes[c]);
      if (!made.ok)
        return { ok: false, error: consoleRefused(c, changes[c], state, made.error), replay };
      state = made.state;
      states.push(state);
    }
    if (i === actions.length) break;
    const a = actions[i];
    const objection = hooks.before?.(state, a, i);
    if (objection) return { ok: false, error: objection, replay };
    const payload = payloadOf(a);
    const seat = seatId(a.seat);
    const next = afterAction(state, seat, payload);
    if (!next) {
      const why = actionProblem(state, seat, payload) ?? 'refused';
      return {
        ok: false,
        error: `Action ${i + 1} (${describeAction(state, a)}) is not allowed: ${why} The file was changed or damaged.`,
        replay,
      };
    }
    const round = state.round;
    state = next;
    if (state.round !== round || (state.over && round === state.round)) {
      if (state.round !== round) forkNow();
      const end = hooks.roundEnd?.(state, round);
      if (end) return { ok: false, error: end, replay };
    }
    states.push(state);
    replay.actions.push(a);
    if (state.round !== round) {
      roundStart[state.round] = states.length - 1;
      actionsAt[state.round] = i + 1;
    }
    if (hooks.progress && (i + 1) % every === 0) hooks.progress(i + 1, actions.length);
  }
  hooks.progress?.(actions.length, actions.length);
  return { ok: true, replay };
}

/**
 * The same replay on one working copy, changed in place (as the simulator plays): several
 * times faster than a frozen state per action, for reading a file. Keeps a copy of the state
 * as each round opens, and the last.
 */
export function playFast(
  start: ReplayStart,
  actions: readonly ReplayAction[],
  hooks: PlayHooks = {},
): { ok: true; replay: Replayed } | { ok: false; error: string; replay: Replayed } {
  const snap = (s: GameState): GameState => structuredClone(s);
  let state: GameState = snap(startState(start));
  const reseeds = (start.reseeds ?? []).filter((r) => r.round > 1);
  const states: GameState[] = [snap(state)];
  const roundStart: number[] = [0, 0];
  const actionsAt: number[] = [0, 0];
  const replay: Replayed = {
    scenario: start.scenario,
    states,
    actions: [],
    roundStart,
    actionsAt,
    console: start.console ?? [],
  };
  const changes = start.console ?? [];
  const misplaced = consoleProblem(changes, actions.length);
  if (misplaced) return { ok: false, error: misplaced, replay };
  let c = 0;
  const every = Math.max(1, Math.floor(actions.length / 50));
  let sinceSnap = 0;
  for (let i = 0; i <= actions.length; i++) {
    for (; c < changes.length && changes[c].at === i; c++) {
      // Rare: the engine's own immutable change, then a working copy of its result again.
      const made = applyConsole(state, changes[c]);
      if (!made.ok)
        return { ok: false, error: consoleRefused(c, changes[c], state, made.error), replay };
      state = snap(made.state);
      sinceSnap += 1;
    }
    if (i === actions.length) break;
    const a = actions[i];
    const objection = hooks.before?.(state, a, i);
    if (objection) return { ok: false, error: objection, replay };
    const round = state.round;
    const result = act(state, seatId(a.seat), payloadOf(a));
    if (!result.ok)
      return {
        ok: false,
        error: `Action ${i + 1} (${describeAction(state, a)}) is not allowed: ${result.error} The file was changed or damaged.`,
        replay,
      };
    replay.actions.push(a);
    sinceSnap += 1;
    if (state.round !== round)
      for (const r of reseeds)
        if (r.round === state.round && state.secret)
          state.secret.rng = seedRng(`fork/${r.seed}/round${state.round}`);
    if (state.round !== round || state.over) {
      const end = hooks.roundEnd?.(state, round);
      if (end) return { ok: false, error: end, replay };
    }
    if (state.round !== round) {
      states.push(snap(state));
      roundStart[state.round] = states.length - 1;
      actionsAt[state.round] = i + 1;
      sinceSnap = 0;
    }
    if (hooks.progress && (i + 1) % every === 0) hooks.progress(i + 1, actions.length);
  }
  if (sinceSnap > 0) states.push(snap(state));
  hooks.progress?.(actions.length, actions.length);
  return { ok: true, replay };
}

/** The scenario a file names or carries, or why it cannot be used. */
export function scenarioOfFile(
  file: Pick<ReplayFile, 'scenario'>,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (file.scenario.custom !== undefined) {
    const parsed = parseScenario(file.scenario.custom);
    if (!parsed.ok)
      return {
        ok: false,
        error: `The scenario in this file is not valid:\n${formatErrors(parsed.errors)}`,
      };
    if (parsed.scenario.id !== file.scenario.id)
      return { ok: false, error: 'The file names one scenario and carries another.' };
    return { ok: true, scenario: parsed.scenario };
  }
  const shipped = SCENARIOS[file.scenario.id];
  if (!shipped)
    return {
      ok: false,
      error: `This file is a match of the scenario "${file.scenario.id}", which this copy of Chokepoint does not have.`,
    };
  return { ok: true, scenario: shipped };
}

/** Every seal published so far: the resolved rounds' and the current round's submitted plans. */
export function sealsOf(state: GameState): ReplayFile['seals'] {
  const out = state.seals.flatMap((bySeat, i) =>
    Object.entries(bySeat).map(([seat, seal]) => ({ round: i + 1, seat, seal })),
  );
  // The open round's: also those of a round the facilitator ended before it resolved.
  const resolved = new Set(out.filter((p) => p.round === state.round).map((p) => p.seat));
  for (const seat of state.planners) {
    const plan = state.plans[seat];
    if (plan.submitted && plan.seal && !resolved.has(seat))
      out.push({ round: state.round, seat, seal: plan.seal });
  }
  return out;
}

export interface RecordInput {
  id: string;
  source: ReplayFile['source'];
  scenario: Scenario;
  /** Whether the scenario is one the game ships (recorded by id) or must be carried in full. */
  custom?: boolean;
  seed: string;
  actions: readonly ReplayAction[];
  players?: Partial<Record<string, 'person' | 'bot' | 'open'>>;
  fork?: ReplayFile['fork'];
  reseeds?: ReplayFile['reseeds'];
  messages?: ReplayFile['messages'];
  /** The facilitator's injects and ending, each at its place among the actions. */
  console?: readonly ConsoleChange[];
  savedAt?: string;
}

/**
 * Writes the replay file of a match from its actions: the actions are played again here, and
 * the seals, each round's hash and the final state come from that replay. Throws if an action
 * is refused: the authority took every one of them, so that is a bug, not a player's doing.
 */
export function recordReplay(input: RecordInput): ReplayFile {
  const checkpoints: string[] = [];
  const start: ReplayStart = {
    scenario: input.scenario,
    seed: input.seed,
    reseeds: input.reseeds,
    console: input.console,
  };
  const played = playFast(start, input.actions, {
    roundEnd: (state) => {
      checkpoints.push(stateHash(state));
      return null;
    },
  });
  if (!played.ok) throw new Error(played.error);
  const states = played.replay.states;
  const last = states[states.length - 1];
  checkpoints.unshift(stateHash(states[0]));
  const custom = input.custom ?? SCENARIOS[input.scenario.id] !== input.scenario;
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    rules: { version: RULES_VERSION, fingerprint: rulesFingerprint() },
    id: input.id,
    source: input.source,
    ...(input.savedAt ? { savedAt: input.savedAt } : {}),
    scenario: custom
      ? { id: input.scenario.id, custom: input.scenario }
      : { id: input.scenario.id },
    seed: input.seed,
    seats: last.seats.map((s) => ({
      seat: s.id,
      role: s.role,
      name: s.name,
      ...(input.players?.[s.id] ? { player: input.players[s.id] } : {}),
    })),
    injects: input.scenario.scheduled.map((x) => ({ round: x.round, card: x.card })),
    console: [...(input.console ?? [])],
    actions: [...input.actions],
    seals: sealsOf(last),
    checkpoints,
    final: {
      round: last.round,
      over: last.over,
      winners: (last.outcome?.winners ?? []).map(String),
      hash: stateHash(last),
    },
    ...(input.fork ? { fork: input.fork } : {}),
    reseeds: [...(input.reseeds ?? [])],
    ...(input.messages ? { messages: input.messages } : {}),
  };
}

const issuePath = (path: readonly PropertyKey[]): string =>
  path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');

/**
 * Reads a replay file and plays it again, checking as it goes: the format, the rules it was
 * recorded under, the scenario and its injects, every action, every seal, every round's state
 * and the final state. Any difference refuses the whole file with a message that says what.
 */
export function readReplay(
  data: unknown,
  progress?: (done: number, total: number) => void,
): ReplayResult {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (e) {
      return {
        ok: false,
        error: `This is not a replay file: it is not valid JSON (${(e as Error).message}).`,
      };
    }
  }
  const head = data as {
    format?: unknown;
    formatVersion?: unknown;
    rules?: { version?: unknown; fingerprint?: unknown };
  } | null;
  if (!head || typeof head !== 'object' || head.format !== REPLAY_FORMAT)
    return { ok: false, error: 'This is not a Chokepoint replay file.' };
  if (typeof head.formatVersion === 'number' && head.formatVersion > REPLAY_FORMAT_VERSION)
    return {
      ok: false,
      error: `This replay file is format ${head.formatVersion}, newer than this copy of Chokepoint reads (${REPLAY_FORMAT_VERSION}). Open it with a newer version.`,
    };
  const version = head.rules?.version;
  if (typeof version === 'string' && version !== RULES_VERSION)
    return {
      ok: false,
      error: `This match was played under rules ${version}; this copy of Chokepoint plays rules ${RULES_VERSION}, so it cannot replay it faithfully. Open it with the version of Chokepoint it was played with.`,
    };
  const parsed = ReplayFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${issuePath(i.path) || '(the file)'}: ${i.message}`);
    return { ok: false, error: `This replay file is damaged:\n${issues.join('\n')}` };
  }
  const file = parsed.data;
  if (file.rules.fingerprint !== rulesFingerprint())
    return {
      ok: false,
      error: `This match was played under an earlier tuning of rules ${RULES_VERSION} (rules fingerprint ${file.rules.fingerprint}; this copy has ${rulesFingerprint()}): its numbers, its cards or the way it records a position differ, so it cannot be replayed faithfully.`,
    };
  const sc = scenarioOfFile(file);
  if (!sc.ok) return sc;
  const scenario = sc.scenario;
  const injects = scenario.scheduled.map((x) => `${x.round}:${x.card}`).join(',');
  if (file.injects.map((x) => `${x.round}:${x.card}`).join(',') !== injects)
    return {
      ok: false,
      error: "The injects in this file are not its scenario's: the file was changed.",
    };
  const sealAt = new Map(file.seals.map((s) => [`${s.round}/${s.seat}`, s.seal]));
  let submits = 0;
  const checkpoints = file.checkpoints;
  if (checkpoints.length === 0)
    return { ok: false, error: 'This replay file is damaged: it has no starting checkpoint.' };
  const start: ReplayStart = {
    scenario,
    seed: file.seed,
    reseeds: file.reseeds,
    console: file.console,
  };
  const first = stateHash(startState(start));
  if (first !== checkpoints[0])
    return {
      ok: false,
      error: 'The starting position does not match the file (its seed or scenario was changed).',
    };
  const played = playFast(start, file.actions, {
    before: (state, a) => {
      if (a.action !== 'submit' || state.over) return null;
      const plan = state.plans[a.seat as SeatId];
      if (!plan) return null;
      const seal = sealOf(plan.salt, plan.orders, plan.card);
      const recorded = sealAt.get(`${state.round}/${a.seat}`);
      submits += 1;
      if (recorded === undefined)
        return `Round ${state.round}: the file has no seal for ${seatName(state, a.seat as SeatId)}'s orders. The file was changed.`;
      if (recorded !== seal)
        return `Round ${state.round}: ${seatName(state, a.seat as SeatId)}'s orders in this file do not match the seal published when they were submitted. The orders were changed after the match.`;
      return null;
    },
    roundEnd: (state, round) => {
      const expected = checkpoints[round];
      if (expected !== undefined && expected !== stateHash(state))
        return `After round ${round} the position differs from the one recorded in the file. The file was changed.`;
      return null;
    },
    progress,
  });
  if (!played.ok) return { ok: false, error: played.error };
  if (submits !== file.seals.length)
    return {
      ok: false,
      error: 'The file has seals for plans that were never submitted. The file was changed.',
    };
  const states = played.replay.states;
  const last = states[states.length - 1];
  if (
    stateHash(last) !== file.final.hash ||
    last.round !== file.final.round ||
    last.over !== file.final.over
  )
    return {
      ok: false,
      error: `The final position differs from the one recorded in the file (round ${file.final.round}${file.final.over ? ', game over' : ''}). The file was changed.`,
    };
  const winners = (last.outcome?.winners ?? []).map(String).join(',');
  if (winners !== file.final.winners.join(','))
    return {
      ok: false,
      error: "The winners in the file are not the replay's. The file was changed.",
    };
  return { ok: true, replay: played.replay, file };
}
