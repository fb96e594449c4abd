import { log, pay } from '../access';
import type { SeatId } from '../ids';
import { MOVE_BY_NAME } from '../moves';
import type { RngState } from '../random';
import type { GameState, Order } from '../state';
import { moveProblemIn } from './plan';
import { stepOfMove } from './steps';

/**
 * Runs every submitted order at its step, seats in seat order and each seat's orders in the
 * order it gave them. An order that the world no longer allows (another seat moved first, the
 * money ran out) does not happen, and only its seat is told why.
 */
export function resolveOrdersAt(state: GameState, step: number, rng: RngState): void {
  for (const seat of state.planners) {
    for (const order of state.plans[seat].orders) {
      if (stepOfMove(MOVE_BY_NAME[order.move]) === step) execute(state, seat, order, rng);
    }
  }
}

function execute(state: GameState, seat: SeatId, order: Order, rng: RngState): void {
  const problem = moveProblemIn(state, seat, order.move, order.args);
  if (problem) {
    log(state, `Your order did not happen. ${problem}`, seat);
    return;
  }
  const spec = MOVE_BY_NAME[order.move];
  const ctx = { state, seat };
  pay(state, seat, spec.cost(ctx, order.args));
  spec.apply(ctx, order.args, rng);
}
