import type { BotChoice, BotLevel } from '../../../game/bots/types';
import { randomBot } from '../../../game/bots/random';
import { seedRng, type RngState } from '../../../game/random';
import type { GameState, SeatId } from '../../../game/engine';

/**
 * The one place the board asks a bot for a move. When game/bots/index.ts lands, switch to:
 *   import { chooseBotMove } from '../../../game/bots';
 *   export const botMove = chooseBotMove;
 */
export function botMove(view: GameState, seat: SeatId, level: BotLevel, rng: RngState | string): BotChoice {
  void level;
  return randomBot(view, seat, typeof rng === 'string' ? seedRng(rng) : rng);
}

export type { BotLevel };
