import { log, roleOf, seatName, pay } from '../access';
import { cardById } from '../events/cards';
import { applyEffect } from '../events/effects';
import type { EventCard } from '../events/types';
import type { SeatId } from '../ids';
import type { Cost } from '../moves/types';
import { RULES } from '../rules';
import type { CardPlay, GameState } from '../state';

/** A card by id: the scenario's own cards first, then the shipped deck. */
export const cardIn = (state: GameState, id: string): EventCard | undefined =>
  state.customCards.find((c) => c.id === id) ?? cardById(id);

/** What a card played for capital is worth to this seat: political capital or cash. */
export function cardCapital(state: GameState, seat: SeatId, play: CardPlay): Cost | null {
  if (play.use !== 'capital') return null;
  return roleOf(state, seat) === 'regulator'
    ? { pc: RULES.cardCapital }
    : { cash: RULES.cardCapital };
}

/**
 * A card's event fires when it is played for its event, and also when it is played for an
 * action or for capital while it favours another role: as in Twilight Struggle, using the
 * opponent's history for your own ends still lets that history happen.
 */
export function eventFires(state: GameState, seat: SeatId, play: CardPlay): boolean {
  if (play.use === 'event') return true;
  const favours = cardIn(state, play.card)?.favours;
  return favours !== undefined && favours !== 'neutral' && favours !== roleOf(state, seat);
}

/** Resolution step 1: every played card, in date order; the cards leave their hands. */
export function resolveCards(state: GameState): void {
  const plays = state.planners
    .map((seat) => ({ seat, play: state.plans[seat].card }))
    .filter((p): p is { seat: SeatId; play: CardPlay } => p.play !== null)
    .map((p) => ({ ...p, card: cardIn(state, p.play.card) }))
    .filter((p): p is typeof p & { card: EventCard } => p.card !== undefined)
    .sort((a, b) => a.card.date.localeCompare(b.card.date));
  for (const { seat, play, card } of plays) {
    const plan = state.plans[seat];
    plan.hand = plan.hand.filter((id) => id !== card.id);
    const who = seatName(state, seat);
    const fires = eventFires(state, seat, play);
    const use =
      play.use === 'event'
        ? 'for its event'
        : play.use === 'action'
          ? 'for an extra order'
          : 'for capital';
    log(state, `${who} plays "${card.title}" (${card.date}) ${use}.`);
    state.news.push({ id: card.id, round: state.round, by: seat });
    const capital = cardCapital(state, seat, play);
    if (capital) pay(state, seat, { cash: -(capital.cash ?? 0), pc: -(capital.pc ?? 0) });
    if (!fires) continue;
    for (const effect of card.effects) applyEffect(state, effect);
    log(state, `News: ${card.title}. ${card.effectText}`);
  }
}

/** Scheduled injects for this round fire as the round opens, whoever they help. */
export function fireInjects(state: GameState): void {
  for (const inject of state.scheduled.filter((s) => s.round === state.round)) {
    const card = cardIn(state, inject.card);
    if (!card) continue;
    for (const effect of card.effects) applyEffect(state, effect);
    state.news.push({ id: card.id, round: state.round, by: null });
    log(state, `News: ${card.title} (${card.date}). ${card.effectText}`);
  }
}
