import { randomBot } from '../game/bots/random';
import {
  activeSeat,
  createInitialState,
  pass,
  performMove,
  playerView,
  SCENARIOS,
} from '../game/engine';
import type { GameState, Role, SeatId } from '../game/engine';
import { seedRng } from '../game/random';

export const seatOfRole = (state: GameState, role: Role, nth = 0): SeatId => {
  const seat = state.seats.filter((s) => s.role === role)[nth];
  if (!seat) throw new Error(`no ${role} seat`);
  return seat.id;
};

/** Makes it this seat's turn with a full budget of actions (for rule cases). */
export function giveTurn(state: GameState, seat: SeatId): void {
  state.turn = state.order.indexOf(seat);
  state.actionsLeft = state.actionsPerTurn;
}

/** Everyone passes until the round resolves. */
export function finishRound(state: GameState): void {
  const round = state.round;
  while (!state.over && state.round === round) {
    const seat = activeSeat(state);
    if (!seat) break;
    pass(state, seat);
  }
}

export interface PlayedGame {
  states: GameState[];
  moves: number;
  final: GameState;
}

/** A whole game of random bots; `onStep` sees the state after every move. */
export function playRandomGame(
  scenario: string,
  seed: string,
  onStep?: (s: GameState) => void,
): PlayedGame {
  const state = createInitialState(SCENARIOS[scenario], seed);
  const rng = seedRng(`bots:${seed}`);
  let moves = 0;
  while (!state.over) {
    const seat = activeSeat(state);
    if (!seat || moves > 2000) throw new Error('the game did not end');
    const choice = randomBot(playerView(state, seat), seat, rng);
    const result =
      choice.move === 'pass'
        ? pass(state, seat)
        : performMove(state, seat, choice.move, choice.args);
    if (!result.ok) throw new Error(`a legal choice was refused: ${result.error}`);
    moves += 1;
    onStep?.(state);
  }
  return { states: [], moves, final: state };
}
