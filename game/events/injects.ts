import { produce } from 'immer';
import { z } from 'zod';
import { log } from '../access';
import { lastIndicators } from '../indicators';
import { cardIn } from '../orders/cards';
import { decideOutcome } from '../scoring';
import type { GameState } from '../state';
import { EventCardSchema } from './schema';
import type { EventCard } from './types';

/**
 * A facilitator's injects: an event card pushed into a running match, from the deck (by id) or
 * written out (checked with the same schema as a scenario's cards). It joins the match's
 * scheduled injects for the next round, so it fires as that round opens, at the end of the
 * coming resolution, and the log says, as soon as it is pushed, that the facilitator injected it.
 * A card injected from the deck leaves the cards still to be dealt: it is never dealt later.
 * Pure: the state given is left as it was; the result is a new, frozen state.
 */

export interface CardFieldError {
  path: string;
  message: string;
}

/** A written card, or one message per faulty field. */
export function checkCustomCard(
  raw: unknown,
): { ok: true; card: EventCard } | { ok: false; errors: CardFieldError[] } {
  const parsed = EventCardSchema.safeParse(raw);
  if (parsed.success) return { ok: true, card: parsed.data as EventCard };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({
      path: i.path.length > 0 ? i.path.join('.') : '(card)',
      message: i.message,
    })),
  };
}

/** Why this card cannot be injected now, or null. */
export function injectProblem(state: GameState, card: string | EventCard): string | null {
  if (state.over) return 'This table has ended: nothing more can be injected.';
  if (state.round >= state.rounds)
    return 'This is the last round: an inject would fire after the game ends.';
  if (typeof card === 'string') return cardIn(state, card) ? null : `There is no card "${card}".`;
  const known = cardIn(state, card.id);
  if (known && JSON.stringify(known) !== JSON.stringify(card))
    return `A different card already has the id "${card.id}": choose another id.`;
  return null;
}

/** The state with the card injected for the next resolution, or the reason it cannot be. */
export function injectCard(
  state: GameState,
  card: string | EventCard,
): { ok: true; state: GameState } | { ok: false; error: string } {
  const problem = injectProblem(state, card);
  if (problem) return { ok: false, error: problem };
  const next = produce(state, (draft) => {
    if (typeof card !== 'string' && !cardIn(draft, card.id))
      draft.customCards.push(structuredClone(card));
    const id = typeof card === 'string' ? card : card.id;
    const title = cardIn(draft, id)?.title ?? id;
    // A card of the deck fires now as an inject: it leaves the deck, so it is not dealt later.
    if (draft.secret)
      draft.secret.deck = draft.secret.deck.map((deal) => deal.filter((x) => x !== id));
    draft.scheduled.push({ round: draft.round + 1, card: id });
    log(draft, `Inject by the facilitator: "${title}" takes effect at the next resolution.`);
  });
  return { ok: true, state: next };
}

/** The facilitator ends the match now: it is scored as it stands, and everything is revealed. */
export function endMatchNow(state: GameState): GameState {
  if (state.over) return state;
  return produce(state, (draft) => {
    draft.over = true;
    draft.step = 0;
    draft.outcome = decideOutcome(draft);
    log(draft, `The facilitator ended the game in round ${draft.round}.`);
  });
}

/*
 * Conditional injects: a scenario may say "if, at the end of round 3, any firm is within 1 of
 * the frontier, deal card X". Each is checked once, when that round's resolution ends (after
 * the round's indicators are recorded); if it holds, the card fires as the next round opens,
 * like a scheduled inject, and the log says why.
 */

const INDICATOR_NAMES = [
  'pc',
  'tension',
  'controlLevel',
  'frontier',
  'vendorCash',
  'hubInvestment',
  'standing',
  'demand',
  'seized',
] as const;

export const InjectConditionSchema = z.discriminatedUnion('kind', [
  /** Any firm's announced capability is at least the frontier minus `within`. */
  z
    .object({ kind: z.literal('firmNearFrontier'), within: z.number().int().min(0).max(20) })
    .strict(),
  /** A public indicator compared with a value. */
  z
    .object({
      kind: z.literal('indicator'),
      name: z.enum(INDICATOR_NAMES),
      op: z.enum(['>=', '<=']),
      value: z.number().min(-1000).max(1000),
    })
    .strict(),
]);

export const ConditionalInjectSchema = z
  .object({
    /** The round at whose end the condition is checked. */
    after: z.number().int().min(1).max(23),
    if: InjectConditionSchema,
    card: z.string().min(1).max(60),
  })
  .strict();

export type InjectCondition = z.infer<typeof InjectConditionSchema>;
export type ConditionalInject = z.infer<typeof ConditionalInjectSchema>;

/** Does the condition hold in this state (as the round's resolution ends)? */
export function conditionHolds(state: GameState, c: InjectCondition): boolean {
  if (c.kind === 'firmNearFrontier')
    return Object.values(state.firms).some((f) => f.capability >= state.frontier - c.within);
  const row = lastIndicators(state.indicators);
  const v = row ? row[c.name] : undefined;
  if (typeof v !== 'number') return false;
  return c.op === '>=' ? v >= c.value : v <= c.value;
}

export function describeCondition(c: InjectCondition): string {
  if (c.kind === 'firmNearFrontier')
    return c.within === 0
      ? 'a firm reached the frontier'
      : `a firm is within ${c.within} of the frontier`;
  return `${c.name} ${c.op === '>=' ? 'reached' : 'fell to'} ${c.value}`;
}

/**
 * Checks the conditional injects due at the end of this round (mutates: called inside the
 * resolution). Each one that holds joins the scheduled injects of the next round.
 */
export function checkConditionalInjects(state: GameState): void {
  if (state.round >= state.rounds) return;
  for (const inject of state.conditionalInjects ?? []) {
    if (inject.after !== state.round || !conditionHolds(state, inject.if)) continue;
    const card = cardIn(state, inject.card);
    if (!card) continue;
    state.scheduled.push({ round: state.round + 1, card: card.id });
    log(
      state,
      `Scenario inject: ${describeCondition(inject.if)} by the end of round ${state.round}, so "${card.title}" takes effect as round ${state.round + 1} opens.`,
    );
  }
}
