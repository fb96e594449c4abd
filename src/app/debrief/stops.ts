import { RESOLUTION_STEPS, playerView, type GameState, type SeatId } from '../../../game/engine';
import { chronicle, stepPositions, type Replayed } from '../../../game/replay';

/** Who the replay is seen as: one seat, the public (a spectator), or everyone once it has ended. */
export type Viewer = { kind: 'seat'; seat: SeatId } | { kind: 'public' } | { kind: 'all' };

/** A stop of the replay: a round's planning (step 0) or one of its resolution steps. */
export interface Stop {
  round: number;
  step: number;
}

const seatOf = (v: Viewer): SeatId | null => (v.kind === 'seat' ? v.seat : null);

/** The rounds that resolved: every round of a finished match, all but the open one otherwise. */
export function resolvedRounds(replay: Replayed): number {
  const last = replay.states[replay.states.length - 1];
  return last.over ? last.round : last.round - 1;
}

/**
 * Every stop this viewer can step through: each round's planning, then each resolution step
 * that wrote something the viewer may read; an unfinished match ends on its open round.
 */
export function stopsOf(replay: Replayed, viewer: Viewer): Stop[] {
  const last = chronicle(replay);
  const who = seatOf(viewer);
  const stops: Stop[] = [];
  const resolved = resolvedRounds(replay);
  for (let round = 1; round <= resolved; round++) {
    stops.push({ round, step: 0 });
    const steps = new Set(
      last.log
        .filter(
          (e) =>
            e.round === round &&
            e.step > 0 &&
            (viewer.kind === 'all' || e.to === 'public' || e.to === who),
        )
        .map((e) => e.step),
    );
    for (let step = 1; step < RESOLUTION_STEPS.length; step++)
      if (steps.has(step)) stops.push({ round, step });
  }
  if (!last.over) stops.push({ round: last.round, step: 0 });
  return stops;
}

/**
 * The state at a stop: at planning, the position the round opened on; during resolution, the
 * position once that step was done (game/replay/steps.ts), with the log of the whole match cut
 * at that step (a state keeps only its latest lines).
 */
export function stateAt(replay: Replayed, stop: Stop): GameState {
  const open = replay.roundStart[stop.round] ?? 0;
  if (stop.step === 0) return replay.states[open];
  const next = replay.roundStart[stop.round + 1];
  const after =
    stepPositions(replay, stop.round)[stop.step] ?? replay.states[next ?? replay.states.length - 1];
  return {
    ...after,
    log: chronicle(replay).log.filter(
      (e) => e.round < stop.round || (e.round === stop.round && e.step <= stop.step),
    ),
  };
}

/** What the viewer may see of a state. */
export function viewOf(state: GameState, viewer: Viewer): GameState {
  if (viewer.kind === 'all') return { ...state, secret: null };
  return playerView(state, seatOf(viewer));
}

export const stopLabel = (s: Stop): string =>
  s.step === 0 ? `Round ${s.round}: planning` : `Round ${s.round}: ${RESOLUTION_STEPS[s.step]}`;
