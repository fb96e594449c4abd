import type { GameState } from '../state';
import { recordReplay, reseeded, type Replayed } from './replay';
import type { ReplayAction, ReplayFile } from './schema';

/** The position as round `round` opens (its planning not begun), or null if the match never got there. */
export function positionAt(replay: Replayed, round: number): GameState | null {
  const at = replay.roundStart[round];
  return at === undefined ? null : (replay.states[at] ?? null);
}

/** The rounds a fork may start from: every round the match opened. */
export function forkableRounds(replay: Replayed): number[] {
  const out: number[] = [];
  for (let r = 1; r < replay.roundStart.length; r++)
    if (replay.roundStart[r] !== undefined) out.push(r);
  return out;
}

export interface ForkOptions {
  /** The new match's id. */
  id: string;
  /** A new seed for the dice from the fork on, or null to keep the parent's. */
  seed: string | null;
  source?: ReplayFile['source'];
}

/** What a fork starts from: the parent's actions before the round, and the position they lead to. */
export interface ForkStart {
  parent: ReplayFile;
  round: number;
  /** The parent's actions up to the opening of `round`. */
  prefix: ReplayAction[];
  reseeds: ReplayFile['reseeds'];
  /** The parent's console changes made before `round` opened (they are in `state`). */
  console: ReplayFile['console'];
  /** The position the fork's own play starts from (reseeded if a new seed was asked for). */
  state: GameState;
}

/**
 * A new match from the position at which round `round` of a replayed match opened. The fork
 * keeps the parent's actions up to there (so its own file replays from the start on any
 * machine), its reseeds before that round, and, if asked, draws new dice from the fork on.
 */
export function startFork(
  parent: ReplayFile,
  replay: Replayed,
  round: number,
  seed: string | null,
): ForkStart {
  const at = replay.roundStart[round];
  if (at === undefined) throw new Error(`The match never reached round ${round}.`);
  const reseeds = parent.reseeds.filter(
    (r) => r.round <= round && (seed === null || r.round < round),
  );
  let state = replay.states[at];
  // The parent's own reseed at this round is already in `state`; a new seed replaces it.
  if (seed !== null) {
    reseeds.push({ round, seed });
    state = reseeded(state, seed);
  }
  return {
    parent,
    round,
    prefix: replay.actions.slice(0, replay.actionsAt[round]),
    reseeds,
    // A change made after round `round` opened is the parent's own story from there on.
    console: (parent.console ?? []).filter((c) => c.at < replay.actionsAt[round]),
    state,
  };
}

/** The fork's replay file, once it has been played on with `actions` from its position. */
export function forkFile(
  start: ForkStart,
  actions: readonly ReplayAction[],
  opts: {
    id: string;
    source?: ReplayFile['source'];
    savedAt?: string;
    players?: Parameters<typeof recordReplay>[0]['players'];
  },
  scenario: Parameters<typeof recordReplay>[0]['scenario'],
): ReplayFile {
  return recordReplay({
    id: opts.id,
    source: opts.source ?? 'local',
    scenario,
    custom: start.parent.scenario.custom !== undefined,
    seed: start.parent.seed,
    actions: [...start.prefix, ...actions],
    fork: { parent: start.parent.id, round: start.round },
    reseeds: start.reseeds,
    console: start.console,
    ...(opts.players ? { players: opts.players } : {}),
    ...(opts.savedAt ? { savedAt: opts.savedAt } : {}),
  });
}
