import { z } from 'zod';
import { CARD_BY_ID, DECKS } from '../events/cards';
import { isDated } from '../events/dates';
import { EventCardSchema } from '../events/schema';
import { ConditionalInjectSchema } from '../events/injects';
import { HUBS, PERMITS, POSTURES, ROLES } from '../ids';
import { MOVE_NAMES } from '../moves';
import { RULES } from '../rules';
import { PROMPT_FIELDS, placeholdersOf } from './prompts';

const int = (lo: number, hi: number) => z.number().int().min(lo).max(hi);
const cardId = z.string().min(1).max(60);

const HubOverride = z
  .object({
    capacityMW: int(0, 20000).optional(),
    servers: int(0, 200).optional(),
    standing: int(0, 10).optional(),
    customs: z.enum(POSTURES).optional(),
    permit: z.enum(PERMITS).optional(),
    licence: z.boolean().optional(),
  })
  .strict();

const Seat = z.object({ role: z.enum(ROLES), name: z.string().trim().min(1).max(40) }).strict();

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(80),
    briefing: z.string().trim().min(40, 'write a briefing of at least a sentence or two').max(1200),
    startYear: int(2022, 2035),
    /** The day history starts: no card dated before it is dealt. Defaults to 1 January of startYear. */
    startDate: z.string().refine(isDated, { message: 'give a full date, YYYY-MM-DD' }).optional(),
    rounds: int(2, 24),
    actionsPerRound: int(1, 4),
    seats: z.array(Seat).min(4).max(7),
    start: z
      .object({
        pc: int(0, 50),
        pcPerRound: int(0, 10),
        vendorCash: int(0, 200),
        hubCash: int(0, 100),
        hubInvestment: int(0, 200),
        firmCash: int(0, 200),
        firmIncome: int(0, 30),
        firmCapability: int(0, 100),
        firmDataTB: int(0, 1000),
        controlLevel: int(0, RULES.maxControlLevel),
        compliantLevel: int(-1, RULES.maxControlLevel),
        tension: int(0, RULES.tensionMax),
        frontier: int(1, 200),
        frontierEvery: int(0, 12),
        /** A model carried home lifts capability at most this far past the frontier; absent: no limit. */
        frontierLead: int(0, 10).optional(),
        kyc: z.boolean(),
      })
      .strict(),
    hubs: z.partialRecord(z.enum(HUBS), HubOverride).default({}),
    disabledMoves: z.array(z.enum(MOVE_NAMES)).default([]),
    deck: z
      .union([
        z.enum(Object.keys(DECKS) as [keyof typeof DECKS, ...(keyof typeof DECKS)[]]),
        z.array(cardId).min(1),
      ])
      .transform((d) => (typeof d === 'string' ? [...DECKS[d]] : d)),
    scheduled: z.array(z.object({ round: int(1, 24), card: cardId }).strict()).default([]),
    /** Injects dealt only if a condition holds at the end of a round (game/events/injects.ts). */
    injects: z.array(ConditionalInjectSchema).max(20).default([]),
    /** Event cards of the scenario's own, usable in its deck and its injects. */
    cards: z.array(EventCardSchema).max(60).default([]),
    victory: z
      .object({
        vendorCash: int(0, 500),
        hubInvestment: int(0, 500),
        hubMinStanding: int(0, 10),
        regulatorMinStanding: int(0, 10),
      })
      .strict(),
    /** Questions for the debrief; {placeholders} (game/scenarios/prompts.ts) take this match's facts. */
    prompts: z
      .array(
        z
          .string()
          .trim()
          .min(10)
          .max(400)
          .refine((t) => placeholdersOf(t).every((p) => Object.hasOwn(PROMPT_FIELDS, p)), {
            message: `use only these placeholders: ${Object.keys(PROMPT_FIELDS)
              .map((k) => `{${k}}`)
              .join(', ')}`,
          }),
      )
      .max(12)
      .default([]),
  })
  .strict()
  .transform((s) => ({ ...s, startDate: s.startDate ?? `${s.startYear}-01-01` }))
  .superRefine((s, ctx) => {
    const own = new Map(s.cards.map((c) => [c.id, c]));
    const known = (id: string) => own.get(id) ?? CARD_BY_ID[id];
    s.cards.forEach((card, i) => {
      if (s.cards.findIndex((c) => c.id === card.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i, 'id'],
          message: 'two cards have this id',
        });
    });
    s.deck.forEach((id, i) => {
      if (!known(id))
        ctx.addIssue({
          code: 'custom',
          path: ['deck', i],
          message: `no event card has the id "${id}"`,
        });
    });
    s.scheduled.forEach((inject, i) => {
      if (!known(inject.card))
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', i, 'card'],
          message: `no event card has the id "${inject.card}"`,
        });
    });
    s.cards.forEach((card, i) => {
      if (card.date < s.startDate)
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i, 'date'],
          message: `${card.date} is before the scenario starts (${s.startDate})`,
        });
    });
    const count = (role: string) => s.seats.filter((seat) => seat.role === role).length;
    for (const role of ['regulator', 'vendor', 'hub'] as const) {
      if (count(role) !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['seats'],
          message: `needs exactly one ${role} seat (found ${count(role)})`,
        });
    }
    if (count('firm') < 1 || count('firm') > 2)
      ctx.addIssue({
        code: 'custom',
        path: ['seats'],
        message: `needs one or two firm seats (found ${count('firm')})`,
      });
    if (count('facilitator') > 1)
      ctx.addIssue({ code: 'custom', path: ['seats'], message: 'at most one facilitator seat' });
    s.injects.forEach((inject, i) => {
      if (!known(inject.card))
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'card'],
          message: `no event card has the id "${inject.card}"`,
        });
      if (inject.after >= s.rounds)
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'after'],
          message: `round ${inject.after} is the last round or after it (${s.rounds}): the card could never fire`,
        });
    });
    s.scheduled.forEach((inject, i) => {
      if (inject.round > s.rounds)
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', i, 'round'],
          message: `round ${inject.round} is after the last round (${s.rounds})`,
        });
    });
  });

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export interface ScenarioError {
  /** Where the fault is, e.g. "start.pc" or "seats[2].role". */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  ) || '(the file)';

/** Parses a scenario from plain data (e.g. a JSON file); every fault is named by its field. */
export function parseScenario(data: unknown): ParseResult {
  const result = ScenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      field: fieldName(issue.path),
      message: issue.message,
    })),
  };
}

/** Parses scenario JSON text; a syntax error is reported like any other fault. */
export function parseScenarioText(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [{ field: '(the file)', message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  return parseScenario(data);
}

export const formatErrors = (errors: ScenarioError[]): string =>
  errors.map((e) => `${e.field}: ${e.message}`).join('\n');
