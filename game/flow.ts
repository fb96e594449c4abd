import type { CardUse, SeatId } from './ids';
import type { MoveArgs } from './moves/types';
import {
  addOrder,
  cardProblem,
  chooseCard,
  orderProblem,
  planningProblem,
  removeOrder,
  withdrawProblem,
} from './orders/plan';
import { sealOf } from './orders/seal';
import { resolveRound } from './resolution';
import type { GameState } from './state';

/**
 * A round: every seat plans its orders at once and in secret, then submits them sealed; when the
 * last seat has submitted, the round resolves in the published order (game/resolution.ts). These
 * functions mutate the state they are given: an immer draft inside boardgame.io, a private copy
 * in the simulator.
 */

export type MoveResult = { ok: true } | { ok: false; error: string };

/** What a seat can do while planning: add an order, withdraw one, choose a card, submit. */
export const PLAN_ACTIONS = ['order', 'withdraw', 'card', 'submit'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export type ActionPayload =
  | { action: 'order'; move: string; args: MoveArgs }
  | { action: 'withdraw'; index: number }
  | { action: 'card'; card: string | null; use: CardUse }
  | { action: 'submit' };

/** Seats that still have to submit this round. */
export const waitingFor = (state: GameState): SeatId[] =>
  state.over ? [] : state.planners.filter((seat) => !state.plans[seat].submitted);

const NO_SECRET = 'This state has no match secret: orders are taken on the server.';

/** Why this seat may not take this planning action now, or null. */
export function actionProblem(state: GameState, seat: SeatId, a: ActionPayload): string | null {
  const problem = problemOf(state, seat, a);
  if (problem) return problem;
  return a.action === 'submit' && !state.secret?.rng ? NO_SECRET : null;
}

function problemOf(state: GameState, seat: SeatId, a: ActionPayload): string | null {
  switch (a.action) {
    case 'order':
      return orderProblem(state, seat, a.move, a.args ?? {});
    case 'withdraw':
      return withdrawProblem(state, seat, a.index);
    case 'card':
      return cardProblem(state, seat, a.card, a.use);
    case 'submit':
      return planningProblem(state, seat);
    default:
      return 'Unknown planning action.';
  }
}

/**
 * Takes an action that `actionProblem` allowed on this same state. `before`, when `state` is a
 * draft of it, is the same state undrafted: what the action only reads is read from it, as
 * reading through a draft costs many times more (immer makes a draft of everything read).
 */
export function takeAllowedAction(
  state: GameState,
  seat: SeatId,
  a: ActionPayload,
  before: GameState = state,
): void {
  switch (a.action) {
    case 'order':
      return addOrder(state, seat, a.move, a.args ?? {});
    case 'withdraw':
      return removeOrder(state, seat, a.index);
    case 'card':
      return chooseCard(state, seat, a.card, a.use);
    case 'submit':
      return submit(state, seat, before);
  }
}

/** One planning action: validated, then taken; on error the state is left as it was. */
export function act(state: GameState, seat: SeatId, a: ActionPayload): MoveResult {
  const problem = actionProblem(state, seat, a);
  if (problem) return { ok: false, error: problem };
  takeAllowedAction(state, seat, a);
  return { ok: true };
}

export const planOrder = (state: GameState, seat: SeatId, move: string, args: MoveArgs = {}) =>
  act(state, seat, { action: 'order', move, args });

export const withdrawOrder = (state: GameState, seat: SeatId, index: number) =>
  act(state, seat, { action: 'withdraw', index });

export const playCard = (state: GameState, seat: SeatId, card: string | null, use: CardUse) =>
  act(state, seat, { action: 'card', card, use });

export const submitOrders = (state: GameState, seat: SeatId) =>
  act(state, seat, { action: 'submit' });

/**
 * Seals the seat's plan; the last seat to submit sets the round's resolution going. The seal is
 * of the plan as it was before (`before`: submitting changes neither its salt, orders nor card).
 */
function submit(state: GameState, seat: SeatId, before: GameState): void {
  const plan = state.plans[seat];
  const sealed = before.plans[seat];
  plan.submitted = true;
  plan.seal = sealOf(sealed.salt, sealed.orders, sealed.card);
  if (waitingFor(state).length === 0) resolveRound(state);
}
