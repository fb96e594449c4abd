import { chooseBotMove } from '../../../game/bots';
import type { BotChoice, BotLevel } from '../../../game/bots/types';
import type { RngState } from '../../../game/random';
import type { GameState, SeatId } from '../../../game/engine';

/** The one place the board asks a bot for a move (random or heuristic), from the bot's own view. */
export function botMove(
  view: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState | string,
): BotChoice {
  return chooseBotMove(view, seat, level, rng);
}
