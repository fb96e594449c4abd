import { roleOf } from '../access';
import { CARD_USES, type SeatId } from '../ids';
import { cardIn } from '../orders/cards';
import { randInt, type RngState } from '../random';
import { RULES } from '../rules';
import type { CardPlay, GameState } from '../state';
import type { BotLevel } from './types';

/**
 * Which card a bot plays. The heuristic plays its own side's history for the event, a neutral
 * card for capital, and holds the opponents' cards (whose events would fire anyway) until its
 * hand is full, then spends the oldest for an extra order. The random bot picks anything.
 */
export function chooseCard(
  view: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState,
): CardPlay | null {
  const hand = view.plans[seat]?.hand ?? [];
  if (hand.length === 0) return null;
  if (level === 'random') {
    const pick = randInt(rng, hand.length + 1);
    return pick === hand.length ? null : { card: hand[pick], use: CARD_USES[randInt(rng, 3)] };
  }
  const role = roleOf(view, seat);
  const mine = hand.find((id) => cardIn(view, id)?.favours === role);
  if (mine) return { card: mine, use: 'event' };
  const neutral = hand.find((id) => cardIn(view, id)?.favours === 'neutral');
  if (neutral && (hand.length >= RULES.handLimit || randInt(rng, 100) < 50))
    return { card: neutral, use: 'capital' };
  if (hand.length >= RULES.handLimit) return { card: hand[0], use: 'action' };
  return null;
}
