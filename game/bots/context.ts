import { HUBS, type HubId, type SeatId } from '../ids';
import { randInt, type RngState } from '../random';
import type { GameState } from '../state';
import type { LegalSet } from './legal-set';
import type { BotChoice } from './types';
import type { MoveName } from '../moves/types';

/** What a heuristic bot decides from: its seat's view, what it may do now, and its own dice. */
export interface BotContext {
  /** The world as the seat expects it after the orders it has planned so far. */
  view: GameState;
  seat: SeatId;
  legal: LegalSet;
  rng: RngState;
}

/** One idea of a bot: a legal choice worth making now, or null to try the next idea. */
export type Rule = (ctx: BotContext) => BotChoice | null;

/** Tries the rules in order; the first that has something to do wins, else the bot passes. */
export function runRules(ctx: BotContext, rules: readonly Rule[]): BotChoice {
  for (const rule of rules) {
    const choice = rule(ctx);
    if (choice) return choice;
  }
  return { move: 'pass', args: {} };
}

/** Hubs sorted best first by a score; a little seeded jitter breaks ties so games vary. */
export function rankHubs(
  ctx: BotContext,
  score: (hub: HubId) => number,
  keep: (hub: HubId) => boolean = () => true,
): HubId[] {
  const scored = HUBS.filter(keep).map((hub) => ({
    hub,
    s: score(hub) + randInt(ctx.rng, 100) / 1000,
  }));
  return scored.sort((a, b) => b.s - a.s).map((x) => x.hub);
}

/** True with the given percent chance, from the bot's own generator. */
export const chance = (ctx: BotContext, percent: number): boolean =>
  randInt(ctx.rng, 100) < percent;

/** Rounds left after the current one. */
export const roundsLeft = (view: GameState): number => view.rounds - view.round;

/**
 * The best-scoring hub where a one-hub move is legal now (and passes `keep`), as a choice.
 */
export function bestHub(
  ctx: BotContext,
  move: MoveName,
  score: (hub: HubId) => number,
  keep: (hub: HubId) => boolean = () => true,
): BotChoice | null {
  const legal = new Set(ctx.legal.of(move).map((a) => a.hub));
  const hub = rankHubs(ctx, score, (h) => legal.has(h) && keep(h))[0];
  return hub ? ctx.legal.find(move, { hub }) : null;
}
