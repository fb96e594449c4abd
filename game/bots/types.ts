import type { MoveArgs, MoveName } from '../moves/types';

export const BOT_LEVELS = ['random', 'heuristic'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** What a bot decides to do: a move with its arguments, or pass (end its turn). */
export interface BotChoice {
  move: MoveName | 'pass';
  args: MoveArgs;
}
