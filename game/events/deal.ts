import { randInt, shuffle, type RngState } from '../random';
import { RULES } from '../rules';
import type { GameState, SeatPlan } from '../state';
import { isDated } from './dates';
import { reappliesRuleInForce } from './in-force';
import type { EventCard } from './types';
import { log } from '../access';

/**
 * History deals the cards. The scenario's cards dated on or after its start are sorted by date
 * and cut into one slice per deal (every `RULES.dealEvery` rounds, from the first); each deal
 * takes up to one card per planning seat from its slice, at random by the match's seed, and
 * keeps them in date order. So dealt cards always move forward in time.
 */
export function prepareDeck(
  rng: RngState,
  cards: readonly EventCard[],
  start: string,
  rounds: number,
  seats: number,
): string[][] {
  const dated = cards
    .map((card, index) => ({ card, index }))
    .filter(({ card }) => isDated(card.date) && card.date >= start)
    .sort((a, b) => a.card.date.localeCompare(b.card.date) || a.index - b.index);
  const deals = Math.ceil(rounds / RULES.dealEvery);
  const out: string[][] = [];
  for (let d = 0; d < deals; d++) {
    const slice = dated.slice(
      Math.floor((d * dated.length) / deals),
      Math.floor(((d + 1) * dated.length) / deals),
    );
    const picked: typeof slice = [];
    const pool = slice.slice();
    while (picked.length < seats && pool.length > 0)
      picked.push(...pool.splice(randInt(rng, pool.length), 1));
    picked.sort((a, b) => a.card.date.localeCompare(b.card.date) || a.index - b.index);
    out.push(picked.map(({ card }) => card.id));
  }
  return out;
}

/**
 * Each round's stretch of history, from the scenario alone (its start and its deck, never the
 * seed): from the end of the previous deal's cards to the newest card this round's deal could
 * hold. No card a seat holds or sees played in a round is dated after its `to`.
 */
export function historyCalendar(
  cards: readonly EventCard[],
  start: string,
  rounds: number,
): { from: string; to: string }[] {
  const dates = cards
    .map((c) => c.date)
    .filter((d) => isDated(d) && d >= start)
    .sort();
  const deals = Math.ceil(rounds / RULES.dealEvery);
  const endOf = (deal: number): string => {
    const last = Math.floor(((deal + 1) * dates.length) / deals) - 1;
    return dates[last] ?? dates[dates.length - 1] ?? start;
  };
  return Array.from({ length: rounds }, (_, i) => {
    const deal = Math.floor(i / RULES.dealEvery);
    return { from: deal === 0 ? start : endOf(deal - 1), to: endOf(deal) };
  });
}

/** A round on which cards are dealt. */
export const isDealRound = (round: number): boolean => (round - 1) % RULES.dealEvery === 0;

/**
 * Deals this round's cards, one to each planning seat, in an order the match's seed shuffles, so
 * that who holds which piece of history changes from game to game. A card whose rule is already
 * in force is history that has happened: it is set aside. A full hand lets its oldest card go.
 */
export function dealCards(state: GameState, cardOf: (id: string) => EventCard | undefined): void {
  const secret = state.secret;
  if (!secret) return;
  const cards = secret.deck.shift() ?? [];
  const seats = shuffle(secret.rng, state.planners);
  let next = 0;
  for (const id of cards) {
    const card = cardOf(id);
    if (!card || card.effects.some((e) => reappliesRuleInForce(state, e))) continue;
    const seat = seats[next % seats.length];
    next += 1;
    const plan: SeatPlan = state.plans[seat];
    plan.hand.push(id);
    secret.dealt.push(id);
    if (plan.hand.length > RULES.handLimit) {
      const gone = plan.hand.shift() as string;
      log(state, `"${cardOf(gone)?.title ?? gone}" leaves your hand: history moved on.`, seat);
    }
    log(state, `You are dealt "${card.title}" (${card.date}).`, seat);
  }
}
