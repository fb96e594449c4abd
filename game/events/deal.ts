import { randInt, type RngState } from '../random';
import { cardById } from './cards';

/**
 * Deals the news deck so that history moves forward: the scenario's cards, in date order, are
 * cut into one slice per round and each round's card is drawn at random from its slice. The
 * seed decides which card of each slice comes up; no round shows news from the game's future
 * slice. Cards the scenario schedules for a round are left out (they come on their own).
 */
export function dealDeck(
  rng: RngState,
  deck: readonly string[],
  rounds: number,
  scheduled: readonly string[],
): string[] {
  const dated = deck
    .filter((id) => !scheduled.includes(id))
    .map((id, index) => ({ id, index, date: cardById(id)?.date ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.index - b.index);
  const slices = Math.min(rounds, dated.length);
  const dealt: string[] = [];
  for (let i = 0; i < slices; i++) {
    const from = Math.floor((i * dated.length) / slices);
    const to = Math.floor(((i + 1) * dated.length) / slices);
    dealt.push(dated[from + randInt(rng, to - from)].id);
  }
  return dealt;
}
