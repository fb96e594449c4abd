import type { HubId, PlayingRole, Posture, SeatId } from '../ids';
import type { RngState } from '../random';
import type { GameState } from '../state';

export const MOVE_NAMES = [
  // regulator
  'tightenControls',
  'extendLicence',
  'listEntity',
  'endUseCheck',
  'customsAlert',
  'pressHub',
  'cloudKyc',
  'grantRevenueShare',
  // vendor
  'shipChips',
  'designCompliantChip',
  'lobby',
  'auditDistributors',
  'launchGeneration',
  'applyRevenueShare',
  // firm
  'prepareData',
  'courierData',
  'registerEntity',
  'leaseServers',
  'train',
  'carryModelHome',
  'buyDomesticChips',
  'buyCompliantChips',
  'smuggleChips',
  // hub government
  'buildCapacity',
  'setPermitRegime',
  'setCustomsPosture',
  'inviteLeasingFund',
] as const;
export type MoveName = (typeof MOVE_NAMES)[number];

/** The arguments a move takes. Every field is optional; each move names those it reads. */
export interface MoveArgs {
  hub?: HubId;
  pods?: number;
  carriers?: number;
  tb?: number;
  entity?: string;
  posture?: Posture;
  permit?: 'none' | 'permit';
  at?: HubId | 'home';
}

export interface Cost {
  cash?: number;
  pc?: number;
}

export interface MoveContext {
  state: GameState;
  seat: SeatId;
}

/**
 * One move of the rulebook. Every move has the same verbs: the argument combinations worth
 * offering (`options`), why a combination is not allowed now (`check`), what it costs, and what
 * it does (`apply`, which mutates the state it is given and may roll the match's dice).
 */
export interface MoveSpec {
  name: MoveName;
  role: PlayingRole;
  family: string;
  label: string;
  /** What the move does, one sentence for the move list. */
  summary: string;
  /** When it takes effect, in words. */
  delay: string;
  /** What can go wrong, in words. */
  risk: string;
  /** At most one such order a round, whatever the hub. */
  oncePerRound?: boolean;
  options(ctx: MoveContext): MoveArgs[];
  cost(ctx: MoveContext, args: MoveArgs): Cost;
  /** Why these arguments are not allowed now, or null when they are. Uses only what the seat can see. */
  check(ctx: MoveContext, args: MoveArgs): string | null;
  apply(ctx: MoveContext, args: MoveArgs, rng: RngState): void;
}

/** What `legalMoves` tells a seat about one move. */
export interface MoveOption {
  move: MoveName;
  role: PlayingRole;
  family: string;
  label: string;
  summary: string;
  delay: string;
  risk: string;
  allowed: boolean;
  /** Why the move cannot be made now (when `allowed` is false). */
  reason?: string;
  /** Every argument combination the seat may send now, with its cost. */
  choices: { args: MoveArgs; cost: Cost }[];
}
