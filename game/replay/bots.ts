import { planBotOrders } from '../bots';
import type { BotLevel } from '../bots/types';
import { waitingFor, type ActionPayload } from '../flow';
import type { SeatId } from '../ids';
import type { GameState } from '../state';
import { afterAction } from '../update';
import { playerView } from '../views';
import { replayActionOf } from './replay';
import type { ReplayAction } from './schema';

/**
 * Bots play on from a position, as a table of bots would (each seat plans its round from its
 * own view, gives its card and orders, then submits), recording every action they take. Stops
 * when the game ends, or when `untilRound` opens.
 */
export function botActions(
  from: GameState,
  levels: Readonly<Record<string, BotLevel>>,
  botSeed: string,
  untilRound = Infinity,
  /** Also withdraw each seat's last order and give it again, as a person revising a plan. */
  revise = false,
): { actions: ReplayAction[]; state: GameState; states: GameState[] } {
  let state = from;
  const actions: ReplayAction[] = [];
  const states: GameState[] = [state];
  const take = (seat: SeatId, p: ActionPayload): void => {
    const next = afterAction(state, seat, p);
    if (!next) return;
    state = next;
    actions.push(replayActionOf(seat, p));
    states.push(state);
  };
  for (let guard = 0; guard < 500 && !state.over && state.round < untilRound; guard++) {
    const seat = waitingFor(state)[0];
    if (seat === undefined) break;
    const view = playerView(state, seat);
    const plan = planBotOrders(
      view,
      seat,
      levels[seat] ?? 'heuristic',
      `${botSeed}/${seat}/${state.round}`,
    );
    if (plan.card && !state.plans[seat].card)
      take(seat, { action: 'card', card: plan.card.card, use: plan.card.use });
    for (const o of plan.orders) take(seat, { action: 'order', move: o.move, args: o.args });
    const last = plan.orders[plan.orders.length - 1];
    const given = state.plans[seat].orders.length;
    if (revise && last && given > 0) {
      take(seat, { action: 'withdraw', index: given - 1 });
      take(seat, { action: 'order', move: last.move, args: last.args });
    }
    take(seat, { action: 'submit' });
  }
  return { actions, state, states };
}
