/**
 * The exact arguments each move takes, as the server checks them before a move runs (issue
 * #11): a move is sent as `args = [MoveArgs]` (or `[]` for none), and anything else (extra
 * keys, wrong types, oversized values) is refused with a clear error and never stored or
 * broadcast. One schema per move name; keep it in step with the moves (`MOVE_NAMES` in
 * types.ts, plus `pass`). Bounds here are shape limits only; whether a value is allowed now is
 * each move's own `check`.
 */
import { z } from 'zod';
import { HUBS, PERMITS, POSTURES } from '../ids';
import type { MoveName } from './types';

const hub = z.enum(HUBS);
/** A count of pods, carriers…: a small whole number. */
const count = z.number().int().min(1).max(100);
/** A secret thing's id, e.g. "e3-12". */
const thing = z.string().regex(/^[a-z]{1,3}[0-9]{1,2}-[0-9]{1,6}$/);

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
  // vendor
  shipChips: z.strictObject({ hub, pods: count }),
  designCompliantChip: none,
  lobby: none,
  auditDistributors: atHub,
  launchGeneration: none,
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
  // every seat
  pass: none,
} satisfies Record<MoveName | 'pass', z.ZodType>;

/**
 * Why `args` are not what `move` takes, or null if they are: `[]`, or `[object]` matching the
 * move's schema exactly.
 */
export function checkMoveArgs(move: string, args: unknown[]): string | null {
  const schema = Object.hasOwn(MOVE_ARGS, move)
    ? MOVE_ARGS[move as keyof typeof MOVE_ARGS]
    : undefined;
  if (!schema) return `unknown move ${move.slice(0, 40)}`;
  if (!Array.isArray(args) || args.length > 1) return 'a move takes one argument object';
  if (args.length === 0) return null;
  const parsed = schema.safeParse(args[0]);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid arguments'}`.slice(0, 200);
}
