import { legalMoves } from '../legal';
import { randInt, type RngState } from '../random';
import type { GameState } from '../state';
import type { SeatId } from '../ids';
import type { BotChoice } from './types';

/** Uniform over every legal choice of every move, and passing. */
export function randomBot(view: GameState, seat: SeatId, rng: RngState): BotChoice {
  const choices: BotChoice[] = [{ move: 'pass', args: {} }];
  for (const option of legalMoves(view, seat))
    for (const c of option.choices) choices.push({ move: option.move, args: c.args });
  return choices[randInt(rng, choices.length)];
}
