import { roleOf } from '../access';
import type { SeatId } from '../ids';
import { seedRng, type RngState } from '../random';
import type { GameState } from '../state';
import type { BotContext } from './context';
import { firmBot } from './firm';
import { hubBot } from './hub';
import { LegalSet } from './legal-set';
import { randomBot } from './random';
import { regulatorBot } from './regulator';
import type { BotChoice, BotLevel } from './types';
import { vendorBot } from './vendor';

const HEURISTIC = {
  regulator: regulatorBot,
  vendor: vendorBot,
  firm: firmBot,
  hub: hubBot,
} as const;

/**
 * A bot's next choice for a seat, decided only from that seat's view. Every choice is one that
 * `legalMoves(view, seat)` offers, or a pass. `rng` is the bot's own generator (advanced in
 * place) or a string seed for a one-off decision.
 */
export function chooseBotMove(
  view: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState | string,
): BotChoice {
  const dice = typeof rng === 'string' ? seedRng(rng) : rng;
  const role = roleOf(view, seat);
  if (view.over || !role || role === 'facilitator') return { move: 'pass', args: {} };
  if (level === 'random') return randomBot(view, seat, dice);
  const ctx: BotContext = { view, seat, legal: new LegalSet(view, seat), rng: dice };
  return HEURISTIC[role](ctx);
}

export { BOT_LEVELS, type BotChoice, type BotLevel } from './types';
