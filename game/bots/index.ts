import { roleOf } from '../access';
import type { SeatId } from '../ids';
import { draftedWorld, orderBudget } from '../orders/plan';
import { seedRng, type RngState } from '../random';
import type { GameState } from '../state';
import { chooseCard } from './cards';
import type { BotContext } from './context';
import { firmBot } from './firm';
import { hubBot } from './hub';
import { LegalSet } from './legal-set';
import { randomBot } from './random';
import { regulatorBot } from './regulator';
import type { BotChoice, BotLevel, BotPlan } from './types';
import { vendorBot } from './vendor';

const HEURISTIC = {
  regulator: regulatorBot,
  vendor: vendorBot,
  firm: firmBot,
  hub: hubBot,
} as const;

/** What a bot may be told beyond its seat's view: move families it must not use. */
export interface BotOptions {
  banned?: readonly string[];
}

/**
 * A bot's next order for a seat, decided only from what that seat can see: `world` is its view
 * with the orders it has planned so far applied. Every choice is one that `legalMoves` offers,
 * or a pass. `rng` is the bot's own generator (advanced in place) or a string seed.
 */
export function chooseBotMove(
  world: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState | string,
  options: BotOptions = {},
): BotChoice {
  const dice = typeof rng === 'string' ? seedRng(rng) : rng;
  const role = roleOf(world, seat);
  if (world.over || !role || role === 'facilitator') return { move: 'pass', args: {} };
  const legal = new LegalSet(world, seat, options.banned);
  if (level === 'random') return randomBot(legal, world, seat, dice);
  const ctx: BotContext = { view: world, seat, legal, rng: dice };
  return HEURISTIC[role](ctx);
}

/**
 * A bot's whole plan for the round, from its seat's view: first the card it plays (which may
 * buy an extra order), then one order at a time, each chosen on the world as the earlier ones
 * leave it, until the budget is spent or the bot passes.
 */
export function planBotOrders(
  view: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState | string,
  options: BotOptions = {},
): BotPlan {
  const dice = typeof rng === 'string' ? seedRng(rng) : rng;
  const plan = view.plans[seat];
  if (view.over || !plan || plan.submitted) return { orders: [], card: null };
  const desk: GameState = {
    ...view,
    plans: { ...view.plans, [seat]: { ...plan, orders: [...plan.orders], card: null } },
  };
  const card = chooseCard(desk, seat, level, dice);
  desk.plans[seat].card = card;
  const orders: BotPlan['orders'] = [];
  while (desk.plans[seat].orders.length < orderBudget(desk, seat)) {
    const choice = chooseBotMove(draftedWorld(desk, seat), seat, level, dice, options);
    if (choice.move === 'pass') break;
    const order = { move: choice.move, args: choice.args };
    orders.push(order);
    desk.plans[seat].orders.push(order);
  }
  return { orders, card };
}

export { BOT_LEVELS, type BotChoice, type BotLevel, type BotPlan } from './types';
