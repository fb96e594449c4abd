import { actionProblem } from '../../../game/flow';
import { afterAction } from '../../../game/update';
import {
  forkFile,
  recordReplay,
  replayActionOf,
  type ForkStart,
  type ReplayAction,
  type ReplayFile,
} from '../../../game/replay';
import {
  SCENARIOS,
  createInitialState,
  playerView,
  type ActionPayload,
  type GameState,
  type SeatId,
} from '../../../game/engine';
import type { SavedAction } from './saved';

export type SendResult = { ok: true } | { ok: false; error: string };

/** What the board and the table read: the full state stays inside; seats get filtered views. */
export interface LocalMatch {
  subscribe(fn: () => void): () => void;
  /** Increases on every accepted action: a cheap snapshot key. */
  version(): number;
  view(seat: SeatId | null): GameState;
  /** One planning action (order, withdraw, card, submit) from one seat. */
  act(seat: SeatId, payload: ActionPayload): SendResult;
  /** The match so far as a replay file (every accepted action, checked against the engine). */
  record(players?: Record<string, 'person' | 'bot' | 'open'>): ReplayFile;
  /** Every accepted action so far, in order: with the scenario and seed, the whole game. */
  actions(): readonly SavedAction[];
  stop(): void;
}

/** A fresh id for a match played in this page. */
const localId = (): string =>
  `local-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;

/** The boardgame.io move's argument: the payload without its action name. */
export function moveArgsOf(payload: ActionPayload): Record<string, unknown> {
  const args: Record<string, unknown> = { ...payload };
  delete args.action;
  return args;
}

/**
 * A match played in this page, which is its authority and holds the match secret. It steps the
 * engine directly (game/update.ts: the same checks and rules the server and boardgame.io run),
 * one frozen state after another; every seat sees the engine's own filtered view.
 */
export function createLocalMatch(
  scenarioId: string,
  seed: string,
  from: { fork?: ForkStart; replay?: readonly SavedAction[] } = {},
): LocalMatch {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  const { fork, replay = [] } = from;
  // A fork starts from its parent's position (game/replay/fork.ts); its file keeps the parent's actions.
  let state: GameState = fork?.state ?? Object.freeze(createInitialState(scenario, seed));
  const actions: ReplayAction[] = [];
  const log: SavedAction[] = [];
  const id = localId();
  // A kept game: its actions again, from the same seed; any refusal means the record does not
  // belong to this engine, and nothing of it is used.
  replay.forEach(({ seat, payload }, i) => {
    const next = afterAction(state, seat, payload);
    if (!next)
      throw new Error(
        `step ${i + 1} of the saved game is refused: ${actionProblem(state, seat, payload) ?? 'not allowed'}`,
      );
    state = next;
    actions.push(replayActionOf(seat, payload));
    log.push({ seat, payload });
  });
  let version = 0;
  const listeners = new Set<() => void>();
  const cache = new Map<string, { at: number; view: GameState }>();

  return {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    version: () => version,
    view(seat) {
      const key = seat ?? 'spectator';
      const hit = cache.get(key);
      if (hit && hit.at === version) return hit.view;
      const view = playerView(state, seat);
      cache.set(key, { at: version, view });
      return view;
    },
    act(seat, payload) {
      const next = afterAction(state, seat, payload);
      if (!next) return { ok: false, error: actionProblem(state, seat, payload) ?? 'Refused.' };
      state = next;
      actions.push(replayActionOf(seat, payload));
      log.push({ seat, payload });
      version += 1;
      for (const fn of [...listeners]) fn();
      return { ok: true };
    },
    record(players) {
      const savedAt = new Date().toISOString();
      const extra = { ...(players ? { players } : {}), savedAt };
      return fork
        ? forkFile(fork, actions, { id, ...extra }, scenario)
        : recordReplay({ id, source: 'local', scenario, seed, actions, ...extra });
    },
    actions: () => log,
    stop: () => listeners.clear(),
  };
}
