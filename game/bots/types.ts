import type { CardPlay } from '../state';
import type { MoveArgs, MoveName } from '../moves/types';

export const BOT_LEVELS = ['random', 'heuristic'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** One decision of a bot: a move with its arguments, or pass (give no more orders this round). */
export interface BotChoice {
  move: MoveName | 'pass';
  args: MoveArgs;
}

/** A bot's whole plan for a round: its orders and the card it plays, if any. */
export interface BotPlan {
  orders: { move: MoveName; args: MoveArgs }[];
  card: CardPlay | null;
}
