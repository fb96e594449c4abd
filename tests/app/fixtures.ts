import {
  SCENARIOS,
  createInitialState,
  legalMoves,
  pass,
  performMove,
  playerView,
  activeSeat,
  type GameState,
  type SeatId,
} from '../../game/engine';
import { randInt, seedRng } from '../../game/random';

export const seat = (s: string): SeatId => s as SeatId;

export function fresh(scenario = 'classroom', seed = 'app-tests'): GameState {
  const s = SCENARIOS[scenario];
  if (!s) throw new Error(scenario);
  return createInitialState(s, seed);
}

/** Plays random legal moves (and passes) for a number of actions: varied states for tests. */
export function playRandomly(G: GameState, actions: number, seed = 'walk'): GameState {
  const rng = seedRng(seed);
  for (let i = 0; i < actions && !G.over; i++) {
    const who = activeSeat(G);
    if (who === null) break;
    const choices = legalMoves(G, who).flatMap((o) =>
      o.choices.map((c) => ({ move: o.move, args: c.args })),
    );
    const k = randInt(rng, choices.length + 1);
    if (k === choices.length) pass(G, who);
    else performMove(G, who, choices[k].move, choices[k].args);
  }
  return G;
}

export function playToEnd(G: GameState, seed = 'end'): GameState {
  for (let n = 0; n < 400 && !G.over; n++) playRandomly(G, 10, `${seed}-${n}`);
  return G;
}

export { playerView };
