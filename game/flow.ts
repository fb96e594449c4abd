import { affordable, pay, roleOf } from './access';
import type { SeatId } from './ids';
import { MOVE_BY_NAME } from './moves';
import type { MoveArgs, MoveName } from './moves/types';
import { resolveRound } from './resolution';
import type { GameState } from './state';

/**
 * A round: news (drawn when the round opens), then each seat in turn takes up to
 * `actionsPerTurn` actions or passes, then the resolution. These functions mutate the state they
 * are given: an immer draft inside boardgame.io, a private copy in the simulator.
 */

export type MoveResult = { ok: true } | { ok: false; error: string };

export const activeSeat = (state: GameState): SeatId | null =>
  state.over ? null : (state.order[state.turn] ?? null);

/** Why this seat may not act at all right now, or null. */
export function turnProblem(state: GameState, seat: SeatId): string | null {
  if (state.over) return 'The game is over.';
  if (activeSeat(state) !== seat) return 'It is not your turn.';
  return null;
}

/** Why a move with these arguments is not allowed for this seat now, or null. */
export function moveProblem(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs,
): string | null {
  const spec = MOVE_BY_NAME[name as MoveName];
  if (!spec) return `There is no move called "${name}".`;
  const role = roleOf(state, seat);
  if (spec.role !== role) return `${spec.label} is a ${spec.role} move.`;
  if (state.disabledMoves.includes(spec.name))
    return `${spec.label} is not in force in this scenario.`;
  const ctx = { state, seat };
  const reason = spec.check(ctx, args ?? {});
  if (reason) return `${spec.label}: ${reason}.`;
  const cannotPay = affordable(state, seat, spec.cost(ctx, args ?? {}));
  return cannotPay ? `${spec.label}: ${cannotPay}.` : null;
}

const NO_SECRET = 'This state has no match secret: moves run on the server.';

/** Why this seat may not take this action (`pass` or a move) now, or null. */
export function actionProblem(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs = {},
): string | null {
  if (name === 'pass') return turnProblem(state, seat);
  return (
    turnProblem(state, seat) ??
    moveProblem(state, seat, name, args) ??
    (state.secret?.rng ? null : NO_SECRET)
  );
}

/** Takes an action that `actionProblem` allowed on this same state. */
export function takeAllowedAction(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs = {},
): void {
  if (name === 'pass') return endTurn(state);
  const spec = MOVE_BY_NAME[name as MoveName];
  const rng = state.secret?.rng;
  if (!rng) throw new Error(NO_SECRET);
  const ctx = { state, seat };
  pay(state, seat, spec.cost(ctx, args));
  spec.apply(ctx, args, rng);
  state.actionsLeft -= 1;
  if (state.actionsLeft <= 0) endTurn(state);
}

/** Validates and performs one move; on error the state is left exactly as it was. */
export function performMove(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs = {},
): MoveResult {
  if (name === 'pass') return { ok: false, error: 'There is no move called "pass".' };
  return act(state, seat, name, args);
}

/** The seat ends its turn (with actions unused, if it likes). */
export function pass(state: GameState, seat: SeatId): MoveResult {
  return act(state, seat, 'pass');
}

/** One action by name: `pass` or any move. */
export function act(state: GameState, seat: SeatId, name: string, args: MoveArgs = {}): MoveResult {
  const problem = actionProblem(state, seat, name, args);
  if (problem) return { ok: false, error: problem };
  takeAllowedAction(state, seat, name, args);
  return { ok: true };
}

function endTurn(state: GameState): void {
  state.turn += 1;
  state.actionsLeft = state.actionsPerTurn;
  if (state.turn < state.order.length) return;
  state.turn = 0;
  resolveRound(state);
}
