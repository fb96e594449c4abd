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

/** Validates and performs one action; on error the state is left exactly as it was. */
export function performMove(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs = {},
): MoveResult {
  const problem = turnProblem(state, seat) ?? moveProblem(state, seat, name, args);
  if (problem) return { ok: false, error: problem };
  const spec = MOVE_BY_NAME[name as MoveName];
  const rng = state.secret?.rng;
  if (!rng) return { ok: false, error: 'This state has no match secret: moves run on the server.' };
  const ctx = { state, seat };
  pay(state, seat, spec.cost(ctx, args));
  spec.apply(ctx, args, rng);
  state.actionsLeft -= 1;
  if (state.actionsLeft <= 0) endTurn(state);
  return { ok: true };
}

/** The seat ends its turn (with actions unused, if it likes). */
export function pass(state: GameState, seat: SeatId): MoveResult {
  const problem = turnProblem(state, seat);
  if (problem) return { ok: false, error: problem };
  endTurn(state);
  return { ok: true };
}

/** One action by name: `pass` or any move. */
export function act(state: GameState, seat: SeatId, name: string, args: MoveArgs = {}): MoveResult {
  return name === 'pass' ? pass(state, seat) : performMove(state, seat, name, args);
}

function endTurn(state: GameState): void {
  state.turn += 1;
  state.actionsLeft = state.actionsPerTurn;
  if (state.turn < state.order.length) return;
  state.turn = 0;
  resolveRound(state);
}
