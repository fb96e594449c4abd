import { act } from '../flow';
import { seatId } from '../ids';
import type { GameState } from '../state';
import { applyConsole, payloadOf, type Replayed } from './replay';

/**
 * The position after each resolution step of a round, for a replay that walks the resolution
 * step by step (the map, dashboards and recap at that step, not at the round's end).
 *
 * The engine resolves a round in one go (game/resolution.ts), marking each step it begins by
 * setting `state.step` (the number its log lines carry). The round is played again here from
 * its opening on a working copy whose `step` is watched: as each step begins, a copy of the
 * position the previous one left is kept. Nothing in the engine changes, and the round's end
 * is the very position the replay recorded (tests/replay/stops.test.ts checks it).
 */
const cache = new WeakMap<Replayed, Map<number, readonly (GameState | undefined)[]>>();

/**
 * `positions[k]`: the position once step k of round `round` is done (index 0 unused); empty
 * for a round that never resolved (still open, or ended by the facilitator before it did). The
 * last step of the match's last round is its final position (over, with its outcome).
 */
export function stepPositions(replay: Replayed, round: number): readonly (GameState | undefined)[] {
  let rounds = cache.get(replay);
  if (!rounds) cache.set(replay, (rounds = new Map()));
  const known = rounds.get(round);
  if (known) return known;
  const found = computeSteps(replay, round);
  rounds.set(round, found);
  return found;
}

function computeSteps(replay: Replayed, round: number): (GameState | undefined)[] {
  const open = replay.roundStart[round];
  if (open === undefined) return [];
  const from = replay.actionsAt[round];
  const closes = replay.actionsAt[round + 1];
  const to = closes ?? replay.actions.length;
  const changes = replay.console.filter((c) => c.at >= from && c.at < to);
  let work = structuredClone(replay.states[open]);
  const out: (GameState | undefined)[] = [];
  let c = 0;
  for (let i = from; i < to; i++) {
    for (; c < changes.length && changes[c].at === i; c++) {
      const made = applyConsole(work, changes[c]);
      if (!made.ok) return [];
      work = structuredClone(made.state);
    }
    if (i === to - 1) watchSteps(work, out);
    if (!act(work, seatId(replay.actions[i].seat), payloadOf(replay.actions[i])).ok) return [];
  }
  const last = replay.states[replay.states.length - 1];
  if (closes === undefined) {
    // The match ended in this round: by its last resolution, or by the facilitator before it.
    if (!last.over || out.length === 0) return [];
    out[out.length - 1] = last;
  }
  return out;
}

/** Keeps a copy of `state` each time a resolution step ends (the next begins, or step 0 returns). */
function watchSteps(state: GameState, out: (GameState | undefined)[]): void {
  let current = state.step;
  Object.defineProperty(state, 'step', {
    enumerable: true,
    configurable: true,
    get: () => current,
    set: (next: number) => {
      if (current > 0) out[current] = Object.freeze(structuredClone(state));
      current = next;
    },
  });
}
