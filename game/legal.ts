import { affordable, roleOf } from './access';
import type { SeatId } from './ids';
import { MOVES } from './moves';
import type { MoveOption } from './moves/types';
import { draftedWorld, orderBudget, planningProblem, repeatProblem } from './orders/plan';
import type { GameState } from './state';

/**
 * Every move of the seat's role that it could add as its next order, with each argument
 * combination and its cost, or the reason it cannot: judged on the world as the seat expects it
 * after the orders it has already planned. Reads only what the seat can see, so it gives the
 * same answer on the seat's own view as on the full state. The board, the bots and the server
 * all use it.
 */
export function legalMoves(state: GameState, seat: SeatId): MoveOption[] {
  const role = roleOf(state, seat);
  const plan = state.plans[seat];
  const notNow =
    planningProblem(state, seat) ??
    (plan && plan.orders.length >= orderBudget(state, seat)
      ? 'all your orders for this round are given'
      : null);
  const world = notNow ? state : draftedWorld(state, seat);
  return MOVES.filter((spec) => spec.role === role).map((spec) => {
    const base = {
      move: spec.name,
      role: spec.role,
      family: spec.family,
      label: spec.label,
      summary: spec.summary,
      delay: spec.delay,
      risk: spec.risk,
    };
    if (state.disabledMoves.includes(spec.name))
      return { ...base, allowed: false, reason: 'not in force in this scenario', choices: [] };
    if (notNow) return { ...base, allowed: false, reason: notNow, choices: [] };
    const ctx = { state: world, seat };
    const choices: MoveOption['choices'] = [];
    const reasons = new Map<string, number>();
    for (const args of spec.options(ctx)) {
      const cost = spec.cost(ctx, args);
      const reason =
        repeatProblem(plan?.orders ?? [], spec.name, args) ??
        spec.check(ctx, args) ??
        affordable(world, seat, cost);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else choices.push({ args, cost });
    }
    if (choices.length > 0) return { ...base, allowed: true, choices };
    return { ...base, allowed: false, reason: commonest(reasons) ?? 'nothing to do now', choices };
  });
}

/** The reason most of a move's options fail for, which best explains the move as a whole. */
function commonest(reasons: Map<string, number>): string | undefined {
  let best: string | undefined;
  let count = 0;
  for (const [reason, n] of reasons) if (n > count) [best, count] = [reason, n];
  return best;
}
