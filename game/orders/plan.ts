import { affordable, pay, roleOf } from '../access';
import { CARD_USES, type CardUse, type SeatId } from '../ids';
import { MOVE_BY_NAME } from '../moves';
import type { MoveArgs, MoveName } from '../moves/types';
import { seedRng, type RngState } from '../random';
import type { GameState, Order, SeatPlan } from '../state';
import { cardCapital, cardIn } from './cards';
import { playerView } from '../views';

/**
 * Planning: every seat drafts its orders for the round at the same time, in secret, and may
 * revise them until it submits. An order is checked as if the seat's earlier orders had already
 * happened (so "register an entity, then lease there" is one plan), against what the seat can
 * see; at resolution each order is checked again against the world as it then is.
 */

export const planOf = (state: GameState, seat: SeatId): SeatPlan | undefined => state.plans[seat];

/** Orders a seat may give this round: the scenario's budget, one more for a card played for an action. */
export function orderBudget(state: GameState, seat: SeatId): number {
  const plan = planOf(state, seat);
  return state.actionsPerRound + (plan?.card?.use === 'action' ? 1 : 0);
}

/** Why this seat cannot change its plan at all now, or null. */
export function planningProblem(state: GameState, seat: SeatId): string | null {
  if (state.over) return 'The game is over.';
  const plan = planOf(state, seat);
  if (!plan) return 'This seat gives no orders.';
  if (plan.submitted) return 'Your orders for this round are submitted and sealed.';
  return null;
}

/**
 * The world as this seat expects it after its planned orders: a private copy of the seat's own
 * view with its card capital and orders applied. Built from the view, a check can only use what
 * the seat may see; dice rolled here are a throwaway generator's.
 */
export function draftedWorld(state: GameState, seat: SeatId): GameState {
  // Read straight through any draft: `current()` of this project's immer cannot read the drafts
  // of the immer boardgame.io bundles, and a scratch copy never writes to what it copies.
  const world = scratchCopy(playerView(state, seat));
  const plan = planOf(world, seat);
  if (!plan) return world;
  const capital = plan.card ? cardCapital(world, seat, plan.card) : null;
  if (capital) pay(world, seat, { cash: -(capital.cash ?? 0), pc: -(capital.pc ?? 0) });
  const dice: RngState = seedRng(`draft/${seat}`);
  for (const order of plan.orders) {
    const spec = MOVE_BY_NAME[order.move];
    const ctx = { state: world, seat };
    pay(world, seat, spec.cost(ctx, order.args));
    spec.apply(ctx, order.args, dice);
  }
  return world;
}

/** Why this move with these arguments would be refused as the seat's next order, or null. */
export function moveProblemIn(
  world: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs,
): string | null {
  const spec = MOVE_BY_NAME[name as MoveName];
  if (!spec) return `There is no move called "${name}".`;
  if (spec.role !== roleOf(world, seat)) return `${spec.label} is a ${spec.role} move.`;
  if (world.disabledMoves.includes(spec.name))
    return `${spec.label} is not in force in this scenario.`;
  const ctx = { state: world, seat };
  const reason = spec.check(ctx, args);
  if (reason) return `${spec.label}: ${reason}.`;
  const cannotPay = affordable(world, seat, spec.cost(ctx, args));
  return cannotPay ? `${spec.label}: ${cannotPay}.` : null;
}

export function orderProblem(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs,
): string | null {
  const problem = planningProblem(state, seat);
  if (problem) return problem;
  const plan = planOf(state, seat) as SeatPlan;
  if (plan.orders.length >= orderBudget(state, seat))
    return `You have given all ${orderBudget(state, seat)} orders for this round: withdraw one to change your plan.`;
  const twice = repeatProblem(plan.orders, name, args);
  if (twice) return twice;
  return moveProblemIn(draftedWorld(state, seat), seat, name, args);
}

/**
 * Each move may be ordered once a round for each hub (once a round for a move without a hub), and
 * a shipment of chips once a round in all: one order says all a seat wants of it.
 */
export function repeatProblem(
  orders: readonly Order[],
  name: string,
  args: MoveArgs,
): string | null {
  const spec = MOVE_BY_NAME[name as MoveName];
  if (!spec) return null;
  const same = orders.filter((o) => o.move === name);
  if (spec.oncePerRound && same.length > 0) return `${spec.label}: once a round.`;
  if (same.some((o) => o.args.hub === args.hub))
    return args.hub
      ? `${spec.label}: you have already ordered that for this hub this round.`
      : `${spec.label}: once a round.`;
  return null;
}

export function addOrder(state: GameState, seat: SeatId, name: string, args: MoveArgs): void {
  const order: Order = { move: name as MoveName, args: { ...args } };
  (planOf(state, seat) as SeatPlan).orders.push(order);
}

export function withdrawProblem(state: GameState, seat: SeatId, index: unknown): string | null {
  const problem = planningProblem(state, seat);
  if (problem) return problem;
  const plan = planOf(state, seat) as SeatPlan;
  if (
    typeof index !== 'number' ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= plan.orders.length
  )
    return 'There is no such order to withdraw.';
  return laterOrdersProblem(
    state,
    seat,
    plan.orders.filter((_, i) => i !== index),
  );
}

export function removeOrder(state: GameState, seat: SeatId, index: number): void {
  (planOf(state, seat) as SeatPlan).orders.splice(index, 1);
}

export function cardProblem(
  state: GameState,
  seat: SeatId,
  card: unknown,
  use: unknown,
): string | null {
  const problem = planningProblem(state, seat);
  if (problem) return problem;
  const plan = planOf(state, seat) as SeatPlan;
  if (card === null) {
    if (!plan.card) return 'You have not chosen a card to play.';
    if (plan.card.use === 'action' && plan.orders.length > state.actionsPerRound)
      return 'That card pays for one of your orders: withdraw an order first.';
    return laterOrdersProblem(state, seat, plan.orders, null);
  }
  if (typeof card !== 'string' || !plan.hand.includes(card) || !cardIn(state, card))
    return 'That card is not in your hand.';
  if (!(CARD_USES as readonly unknown[]).includes(use))
    return 'Play a card for its event, for an extra order or for capital.';
  if (use !== 'action' && plan.card?.use === 'action' && plan.orders.length > state.actionsPerRound)
    return 'Your current card pays for one of your orders: withdraw an order first.';
  return laterOrdersProblem(state, seat, plan.orders, { card, use: use as CardUse });
}

export function chooseCard(
  state: GameState,
  seat: SeatId,
  card: string | null,
  use: CardUse,
): void {
  (planOf(state, seat) as SeatPlan).card = card === null ? null : { card, use };
}

/** A plan change is refused if the orders left would no longer all be possible in sequence. */
function laterOrdersProblem(
  state: GameState,
  seat: SeatId,
  orders: Order[],
  card: SeatPlan['card'] = (planOf(state, seat) as SeatPlan).card,
): string | null {
  if (orders.length === 0) return null;
  const trial: GameState = {
    ...state,
    plans: { ...state.plans, [seat]: { ...state.plans[seat] } },
  };
  const plan = planOf(trial, seat) as SeatPlan;
  plan.orders = [];
  plan.card = card;
  for (const order of orders) {
    const problem = moveProblemIn(draftedWorld(trial, seat), seat, order.move, order.args);
    if (problem) return `Your later order would fail: ${problem}`;
    plan.orders.push(order);
  }
  return null;
}

/**
 * A copy a seat's orders can be tried on: every part a move may change is copied; the lists a
 * move only appends to are copied shallowly, and the record of the past (seals, opened plans,
 * indicators) is shared.
 */
function scratchCopy(view: GameState): GameState {
  const firms: GameState['firms'] = {};
  for (const [seat, firm] of Object.entries(view.firms)) {
    const x = firm.secrets;
    firms[seat] = {
      ...firm,
      secrets: {
        ...x,
        dataAt: { ...x.dataAt },
        entities: x.entities.map((e) => ({ ...e })),
        leases: x.leases.map((l) => ({ ...l })),
        couriers: x.couriers.map((c) => ({ ...c })),
        trainings: x.trainings.map((t) => ({ ...t })),
        models: x.models.map((m) => ({ ...m })),
        history: [],
      },
    };
  }
  const places = {} as GameState['places'];
  for (const [id, place] of Object.entries(view.places))
    places[id as keyof typeof places] = { ...place };
  const plans: GameState['plans'] = {};
  for (const [seat, plan] of Object.entries(view.plans))
    plans[seat] = {
      ...plan,
      hand: [...plan.hand],
      orders: plan.orders.map((o) => ({ move: o.move, args: { ...o.args } })),
      card: plan.card ? { ...plan.card } : null,
    };
  return {
    ...view,
    places,
    pending: view.pending.map((p) => ({ ...p })),
    regulator: { ...view.regulator, intel: [...view.regulator.intel] },
    vendor: { ...view.vendor, audited: [...view.vendor.audited] },
    hub: { ...view.hub },
    firms,
    plans,
    log: [...view.log],
    signals: [...view.signals],
    searches: [...view.searches],
    news: [...view.news],
    secret: null,
  };
}
