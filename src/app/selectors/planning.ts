import { actionProblem } from '../../../game/flow';
import {
  MOVE_BY_NAME,
  RULES,
  cardIn,
  draftedWorld,
  orderBudget,
  waitingFor,
  type ActionPayload,
  type CardUse,
  type Cost,
  type GameState,
  type Order,
  type SeatId,
} from '../../../game/engine';
import { formatCost, formatDate, whenOf, roleOfSeat, seatName } from './format';
import { badgeOf } from './marks';
import { labeler, orderArgsText } from './moves';
import type { CardFace } from './news';

/** The first characters of a seal, enough to tell two apart at a glance. */
export const sealPrefix = (seal: string | null): string => (seal ?? '').slice(0, 12);

/** One planning seat as every seat sees it: still planning, or submitted with its seal. */
export interface SeatStatus {
  seat: SeatId;
  name: string;
  mark: string;
  /** The badge's colour class (a second lab has its own). */
  badge: string;
  role: string;
  submitted: boolean;
  /** First 12 hex digits of the seal, once submitted. */
  seal: string;
}

/** One planned order, numbered as the seat will give it, with what it costs. */
export interface PlannedOrder {
  index: number;
  label: string;
  detail: string;
  cost: string;
}

/** A card in the seat's hand, as the card table shows it. */
export interface HandCard extends CardFace {
  id: string;
  /** Whether the event fires even when played for an extra order or for capital. */
  firesAnyway: boolean;
}

export interface PlanningInfo {
  round: number;
  rounds: number;
  quarter: string;
  over: boolean;
  seats: SeatStatus[];
  /** Names of the seats that have not submitted yet. */
  waiting: string[];
  /** This seat gives orders this round (a planning seat, game not over). */
  planner: boolean;
  /** This seat may still change its plan. */
  mine: boolean;
  submitted: boolean;
  seal: string;
  budget: number;
  used: number;
  orders: PlannedOrder[];
  hand: HandCard[];
  card: { id: string; title: string; use: CardUse } | null;
  /** What a card played for capital gives this seat, in words. */
  capital: string;
}

/** What one seat (or a spectator, null) knows about this round's planning. */
export function planningInfo(G: GameState, seat: SeatId | null): PlanningInfo {
  const seats = G.planners.map((s) => {
    const plan = G.plans[s];
    const role = roleOfSeat(G, s) ?? 'facilitator';
    return {
      seat: s,
      name: seatName(G, s),
      mark: badgeOf(G.seats, s).mark,
      badge: badgeOf(G.seats, s).className,
      role,
      submitted: plan?.submitted ?? false,
      seal: sealPrefix(plan?.seal ?? null),
    };
  });
  const plan = seat === null ? undefined : G.plans[seat];
  const planner = !G.over && plan !== undefined;
  const role = seat === null ? undefined : roleOfSeat(G, seat);
  const card = plan?.card ? cardIn(G, plan.card.card) : undefined;
  return {
    round: G.round,
    rounds: G.rounds,
    quarter: whenOf(G, G.round),
    over: G.over,
    seats,
    waiting: waitingFor(G).map((s) => seatName(G, s)),
    planner,
    mine: planner && !plan.submitted,
    submitted: plan?.submitted ?? false,
    seal: sealPrefix(plan?.seal ?? null),
    budget: planner && seat !== null ? orderBudget(G, seat) : 0,
    used: plan?.orders.length ?? 0,
    orders: planner && seat !== null ? plannedOrders(G, seat) : [],
    hand: (plan?.hand ?? []).flatMap((id) => {
      const c = handCard(G, seat, id);
      return c ? [c] : [];
    }),
    card: plan?.card && card ? { id: card.id, title: card.title, use: plan.card.use } : null,
    capital:
      role === 'regulator'
        ? `+${RULES.cardCapital} political capital`
        : `+$${RULES.cardCapital} cash`,
  };
}

function handCard(G: GameState, seat: SeatId | null, id: string): HandCard | null {
  const c = cardIn(G, id);
  if (!c) return null;
  const role = seat === null ? undefined : roleOfSeat(G, seat);
  return {
    id,
    title: c.title,
    date: formatDate(c.date),
    source: c.source,
    text: c.text,
    effect: c.effectText,
    favours: c.favours,
    firesAnyway: c.favours !== 'neutral' && c.favours !== role,
  };
}

/** What an order costs when given after the orders before it (a world with those applied). */
function orderCost(G: GameState, seat: SeatId, orders: Order[], index: number): Cost {
  const plan = G.plans[seat];
  const desk: GameState = {
    ...G,
    plans: { ...G.plans, [seat]: { ...plan, orders: orders.slice(0, index) } },
  };
  const world = draftedWorld(desk, seat);
  return MOVE_BY_NAME[orders[index].move].cost({ state: world, seat }, orders[index].args);
}

/** The seat's orders in the order it gives them, each with its cost. */
export function plannedOrders(G: GameState, seat: SeatId): PlannedOrder[] {
  const orders = G.plans[seat]?.orders ?? [];
  const label = labeler(G);
  return orders.map((o, i) => ({
    index: i,
    label: MOVE_BY_NAME[o.move]?.label ?? o.move,
    detail: orderArgsText(o.args, label),
    cost: formatCost(orderCost(G, seat, orders, i)),
  }));
}

/**
 * Why the engine would refuse this planning action from this seat's own view, or null. Submit
 * is judged on the plan alone: the view has no match secret, the authority adds it.
 */
export function planProblem(G: GameState, seat: SeatId, payload: ActionPayload): string | null {
  if (payload.action === 'submit') {
    if (G.over) return 'The game is over.';
    const plan = G.plans[seat];
    if (!plan) return 'This seat gives no orders.';
    return plan.submitted ? 'Your orders for this round are submitted and sealed.' : null;
  }
  return actionProblem(G, seat, payload);
}
