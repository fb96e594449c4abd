import { planBotOrders } from '../../../game/bots';
import type { BotLevel } from '../../../game/bots/types';
import type { SeatId } from '../../../game/engine';
import type { LocalMatch } from './localMatch';

/**
 * A bot seat's whole round, planned from its own view and given through the same path as a
 * person's: its card, its orders one by one (any the engine refuses is left out), then submit.
 */
export function playBotRound(match: LocalMatch, seat: SeatId, level: BotLevel, seed: string): void {
  const view = match.view(seat);
  const plan = planBotOrders(view, seat, level, `${seed}/seat${seat}/round${view.round}`);
  if (plan.card) match.act(seat, { action: 'card', card: plan.card.card, use: plan.card.use });
  for (const order of plan.orders)
    match.act(seat, { action: 'order', move: order.move, args: order.args });
  match.act(seat, { action: 'submit' });
}
