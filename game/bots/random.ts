import type { SeatId } from '../ids';
import { MOVE_NAMES } from '../moves';
import { randInt, type RngState } from '../random';
import type { GameState } from '../state';
import type { LegalSet } from './legal-set';
import type { BotChoice } from './types';

/** Uniform over every legal choice of every move, and passing. */
export function randomBot(
  legal: LegalSet,
  _world: GameState,
  _seat: SeatId,
  rng: RngState,
): BotChoice {
  const choices: BotChoice[] = [{ move: 'pass', args: {} }];
  for (const move of MOVE_NAMES) for (const args of legal.of(move)) choices.push({ move, args });
  return choices[randInt(rng, choices.length)];
}
