import { z } from 'zod';
import { HUBS, PERMITS, POSTURES } from '../ids';
import { isDated } from './dates';

/** An event card as data, as a scenario file (or a facilitator) writes it. */
const delta = z.number().int().min(-20).max(20);
const hub = z.enum(HUBS);

export const EffectSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('pc'), delta }).strict(),
  z.object({ op: z.literal('tension'), delta }).strict(),
  z.object({ op: z.literal('controlLevel'), delta: z.number().int().min(-1).max(1) }).strict(),
  z.object({ op: z.literal('kyc'), on: z.boolean() }).strict(),
  z.object({ op: z.literal('licence'), hub, on: z.boolean() }).strict(),
  z.object({ op: z.literal('permit'), hub, permit: z.enum(PERMITS) }).strict(),
  z.object({ op: z.literal('customs'), hub, posture: z.enum(POSTURES) }).strict(),
  z.object({ op: z.literal('standing'), hub: z.union([hub, z.literal('all')]), delta }).strict(),
  z.object({ op: z.literal('capacity'), hub, mw: z.number().int().min(-1000).max(1000) }).strict(),
  z.object({ op: z.literal('servers'), hub, pods: z.number().int().min(-10).max(10) }).strict(),
  z.object({ op: z.literal('vendorCash'), delta }).strict(),
  z.object({ op: z.literal('vendorTarget'), delta }).strict(),
  z
    .object({ op: z.literal('vendorTargetPerRound'), delta: z.number().int().min(-3).max(3) })
    .strict(),
  z.object({ op: z.literal('compliantObsolete') }).strict(),
  z.object({ op: z.literal('hubCash'), delta }).strict(),
  z.object({ op: z.literal('investment'), delta }).strict(),
  z.object({ op: z.literal('firmCash'), delta }).strict(),
  z.object({ op: z.literal('firmHeat'), delta }).strict(),
  z.object({ op: z.literal('firmCapability'), delta: z.number().int().min(-3).max(3) }).strict(),
  z.object({ op: z.literal('frontier'), delta: z.number().int().min(-3).max(3) }).strict(),
  z.object({ op: z.literal('alert'), hub }).strict(),
]);

export const EventCardSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes')
      .max(60),
    title: z.string().trim().min(1).max(80),
    date: z.string().refine(isDated, { message: 'give a full date, YYYY-MM-DD' }),
    source: z.string().trim().min(1, 'say where the event is documented').max(120),
    text: z.string().trim().min(1).max(400),
    effectText: z.string().trim().min(1).max(200),
    effects: z.array(EffectSchema).min(1).max(6),
    favours: z.enum(['regulator', 'vendor', 'firm', 'hub', 'neutral']),
  })
  .strict();
