/**
 * The exact arguments of everything a seat can send, as the server checks them before an action
 * runs (issue #11): the four planning actions (`order`, `withdraw`, `card`, `submit`), and inside
 * an `order` the arguments of the move it orders. Anything else (extra keys, wrong types,
 * oversized values) is refused with a clear error and never stored or broadcast. Bounds here are
 * shape limits only; whether a value is allowed now is each move's own `check`.
 */
import { z } from 'zod';
import { CARD_USES, HUBS, PERMITS, POSTURES } from '../ids';
import { MOVE_NAMES, type MoveName } from './types';

const hub = z.enum(HUBS);
/** A count of pods, carriers…: a small whole number. */
const count = z.number().int().min(1).max(100);
/** A secret thing's id, e.g. "e3-k2x9q1" (a seat number and a random tag). */
const thing = z.string().regex(/^[a-z]{1,3}[0-9]{1,2}-[0-9a-z]{1,8}$/);

const none = z.strictObject({});
const atHub = z.strictObject({ hub });

/** The argument object of every move, keyed by move name (`pass` takes none). */
export const MOVE_ARGS = {
  // regulator
  tightenControls: none,
  extendLicence: atHub,
  listEntity: z.strictObject({ entity: thing }),
  endUseCheck: atHub,
  customsAlert: atHub,
  pressHub: atHub,
  cloudKyc: none,
  grantRevenueShare: none,
  // vendor
  shipChips: z.strictObject({ hub, pods: count }),
  designCompliantChip: none,
  lobby: none,
  auditDistributors: atHub,
  launchGeneration: none,
  applyRevenueShare: none,
  // firm
  prepareData: none,
  courierData: z.strictObject({ hub, tb: z.number().int().min(1).max(10_000), carriers: count }),
  registerEntity: atHub,
  leaseServers: z.strictObject({ hub, pods: count }),
  train: z.strictObject({ at: z.union([hub, z.literal('home')]) }),
  carryModelHome: atHub,
  buyDomesticChips: none,
  buyCompliantChips: none,
  smuggleChips: atHub,
  // hub government
  buildCapacity: atHub,
  setPermitRegime: z.strictObject({ hub, permit: z.enum(PERMITS) }),
  setCustomsPosture: z.strictObject({ hub, posture: z.enum(POSTURES) }),
  inviteLeasingFund: atHub,
} satisfies Record<MoveName, z.ZodType>;

/** An order: a move of the rulebook and exactly the arguments that move takes. */
const order = z
  .strictObject({ move: z.enum(MOVE_NAMES), args: z.record(z.string(), z.unknown()) })
  .superRefine((o, ctx) => {
    const parsed = MOVE_ARGS[o.move].safeParse(o.args);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['args', ...issue.path], message: issue.message });
  });

/** The planning actions a seat sends, keyed by the boardgame.io move name (game/bgio.ts). */
export const ACTION_ARGS = {
  order,
  withdraw: z.strictObject({ index: z.number().int().min(0).max(20) }),
  card: z.strictObject({ card: z.string().max(60).nullable(), use: z.enum(CARD_USES) }),
  submit: none,
} satisfies Record<string, z.ZodType>;

/**
 * Why `args` are not what the action `move` takes, or null if they are: `[]` for an action
 * without arguments, or `[object]` matching its schema exactly.
 */
export function checkMoveArgs(move: string, args: unknown[]): string | null {
  const schema = Object.hasOwn(ACTION_ARGS, move)
    ? ACTION_ARGS[move as keyof typeof ACTION_ARGS]
    : undefined;
  if (!schema) return `unknown move ${move.slice(0, 40)}`;
  if (!Array.isArray(args) || args.length > 1) return 'a move takes one argument object';
  if (args.length === 0) return schema === none ? null : 'this action needs its arguments';
  const parsed = schema.safeParse(args[0]);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid arguments'}`.slice(0, 200);
}
