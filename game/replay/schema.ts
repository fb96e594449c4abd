import { z } from 'zod';
import { EventCardSchema } from '../events/schema';
import { CARD_USES, ROLES } from '../ids';
import { ACTION_ARGS } from '../moves/args';

/**
 * A replay file: everything needed to play a match again, action by action, on any machine,
 * and to check that it was not changed. The engine is deterministic, so a match is its
 * scenario, its rules, its seed and the planning actions of every seat in the order the
 * authority took them; the rest (seals, each round's state hash, the result) is there to be
 * checked against the replay.
 */
export const REPLAY_FORMAT = 'chokepoint-replay';
/**
 * 2: the facilitator's console changes (`console`). A file of format 1 reads as having none.
 * 3: the table's talk (`messages`) may come from the facilitator and be addressed to one seat.
 */
export const REPLAY_FORMAT_VERSION = 3;

/** Most messages a file carries (a match keeps fewer; a class session's talk adds some). */
export const REPLAY_MAX_MESSAGES = 5_000;
/** Longest message, in characters: what the server lets anyone say (TALK_MAX_CHARS). */
export const REPLAY_MESSAGE_MAX_CHARS = 500;

const seat = z.string().regex(/^\d{1,2}$/, 'a seat number such as "0"');
const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`), `${n} hex digits`);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)');

/** One planning action of one seat, exactly as the server checks it (game/moves/args.ts). */
export const ReplayActionSchema = z.discriminatedUnion('action', [
  z
    .strictObject({
      seat,
      action: z.literal('order'),
      move: z.string(),
      args: z.record(z.string(), z.unknown()),
    })
    .superRefine((a, ctx) => {
      const parsed = ACTION_ARGS.order.safeParse({ move: a.move, args: a.args });
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }),
  z.strictObject({ seat, action: z.literal('withdraw'), index: z.number().int().min(0).max(20) }),
  z.strictObject({
    seat,
    action: z.literal('card'),
    card: z.string().max(60).nullable(),
    use: z.enum(CARD_USES),
  }),
  z.strictObject({ seat, action: z.literal('submit') }),
]);

/**
 * A change the facilitator's console made to a running match, which no seat's action explains:
 * an event card injected (from the deck by id, or written out in full), or the match ended
 * there and then. `at` is how many actions had been taken when it was made: it is applied
 * after action `at - 1` and before action `at` (0: before the first).
 */
export const ConsoleChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    at: z.number().int().min(0).max(20_000),
    kind: z.literal('inject'),
    card: z.union([z.string().min(1).max(60), EventCardSchema]),
  }),
  z.strictObject({ at: z.number().int().min(0).max(20_000), kind: z.literal('end') }),
]);

/**
 * One message of the table's talk, at the round it was said in: from a seat, or from the
 * facilitator of a class session; `to` a single seat for a private message (only the
 * facilitator's download has those). Messages are for people reading the match: the replay
 * does not read them, and no seal covers them.
 */
export const ReplayMessageSchema = z
  .strictObject({
    round: z.number().int().min(1).max(99),
    seat: seat.optional(),
    facilitator: z.literal(true).optional(),
    to: seat.optional(),
    text: z
      .string()
      .min(1, 'a message has some text')
      .max(REPLAY_MESSAGE_MAX_CHARS, `a message is at most ${REPLAY_MESSAGE_MAX_CHARS} characters`),
  })
  .refine((m) => (m.seat === undefined) !== (m.facilitator === undefined), {
    message: 'a message comes from one seat ("seat") or from the facilitator ("facilitator": true)',
  });

export const ReplayFileSchema = z
  .strictObject({
    format: z.literal(REPLAY_FORMAT),
    formatVersion: z.number().int().min(1),
    rules: z.strictObject({ version: z.string().max(20), fingerprint: hex(8) }),
    /** This match's id (an online match's id, or one drawn by the browser for a local match). */
    id,
    source: z.enum(['local', 'online']),
    /** When the file was written (ISO 8601), for people; the replay does not read it. */
    savedAt: z.string().max(40).optional(),
    /** A shipped scenario by id, or a custom one in full (checked like any scenario file). */
    scenario: z.strictObject({ id: z.string().max(64), custom: z.unknown().optional() }),
    seed: z.string().min(1).max(64),
    /** Who sat where, for people reading the file: roles and names, and whether a bot played. */
    seats: z
      .array(
        z.strictObject({
          seat,
          role: z.enum(ROLES),
          name: z.string().max(80),
          player: z.enum(['person', 'bot', 'open']).optional(),
        }),
      )
      .max(7),
    /** The scenario's scheduled injects (news that fires whatever the seats do), as played. */
    injects: z.array(z.strictObject({ round: z.number().int().min(1), card: z.string().max(60) })),
    /** The facilitator's injects and ending, in the order made, each at its place among the actions. */
    console: z.array(ConsoleChangeSchema).max(500).default([]),
    /** Every accepted planning action, in the order the authority took it. */
    actions: z.array(ReplayActionSchema).max(20_000),
    /** The seal each seat published when it submitted, by round. */
    seals: z
      .array(z.strictObject({ round: z.number().int().min(1), seat, seal: hex(32) }))
      .max(2_000),
    /** The state's hash at the start (index 0) and after each round resolved. */
    checkpoints: z.array(hex(32)).max(30),
    /** Where the match stood when the file was written, and the hash of that whole state. */
    final: z.strictObject({
      round: z.number().int().min(1),
      over: z.boolean(),
      winners: z.array(seat),
      hash: hex(32),
    }),
    /** Set when this match was started from another's position: the parent and the round. */
    fork: z.strictObject({ parent: id, round: z.number().int().min(1) }).optional(),
    /**
     * Rounds at whose opening the dice were drawn afresh from a new seed (a fork asked for new
     * dice for what follows; a fork of a fork keeps its parent's), in order.
     */
    reseeds: z
      .array(z.strictObject({ round: z.number().int().min(1), seed: z.string().min(1).max(64) }))
      .max(30)
      .default([]),
    /** The table's talk, in the order said, if the file was asked for with it. */
    messages: z
      .array(ReplayMessageSchema)
      .max(REPLAY_MAX_MESSAGES, `at most ${REPLAY_MAX_MESSAGES} messages`)
      .optional(),
  })
  .superRefine((file, ctx) => {
    // Each message at a round the match reached, in order, between seats the file names.
    const seats = new Set(file.seats.map((s) => s.seat));
    let round = 1;
    for (const [i, m] of (file.messages ?? []).entries()) {
      const at = (key: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: ['messages', i, key], message });
      if (m.round > file.final.round)
        at('round', `said in round ${m.round}, after the match's last (${file.final.round})`);
      else if (m.round < round) at('round', `round ${m.round} after a message of round ${round}`);
      round = Math.max(round, m.round);
      if (m.seat !== undefined && !seats.has(m.seat)) at('seat', `no seat ${m.seat} in this match`);
      if (m.to !== undefined && !seats.has(m.to)) at('to', `no seat ${m.to} in this match`);
    }
  });

export type ReplayAction = z.infer<typeof ReplayActionSchema>;
export type ReplayFile = z.infer<typeof ReplayFileSchema>;
export type ConsoleChange = z.infer<typeof ConsoleChangeSchema>;
export type ReplayMessage = z.infer<typeof ReplayMessageSchema>;
