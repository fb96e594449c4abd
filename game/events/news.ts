import { log } from '../access';
import type { GameState } from '../state';
import { cardById } from './cards';
import { applyEffect } from './effects';

/**
 * The news step that opens each round: a card scheduled by the scenario for this round, or else
 * the round's card from the dealt deck (game/events/deal.ts). Its effects resolve at once, whoever they help.
 */
export function drawNews(state: GameState): void {
  const scheduled = state.scheduled.filter((s) => s.round === state.round).map((s) => s.card);
  // The round's dealt card is used up even when an inject replaces it, so later rounds keep
  // their own slice of history.
  const dealt = state.secret?.deck.splice(0, 1) ?? [];
  const ids = scheduled.length > 0 ? scheduled : dealt;
  state.news = null;
  for (const id of ids) {
    const card = cardById(id);
    if (!card) continue;
    for (const effect of card.effects) applyEffect(state, effect);
    state.news ??= { id, round: state.round };
    log(state, `News: ${card.title} (${card.date}). ${card.effectText}`);
  }
}
