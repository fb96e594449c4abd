import { FIRM_MOVES } from './firm';
import { HUB_MOVES } from './hub';
import { REGULATOR_MOVES } from './regulator';
import type { MoveName, MoveSpec } from './types';
import { VENDOR_MOVES } from './vendor';

/** The rulebook's moves, in the order the rulebook lists them. */
export const MOVES = [...REGULATOR_MOVES, ...VENDOR_MOVES, ...FIRM_MOVES, ...HUB_MOVES] as const;

/** Every move's name, taken from the moves themselves. */
export const MOVE_NAMES = MOVES.map((m) => m.name) as unknown as readonly [MoveName, ...MoveName[]];

export const MOVE_BY_NAME = Object.fromEntries(MOVES.map((m) => [m.name, m])) as unknown as Record<
  MoveName,
  MoveSpec
>;

export type { MoveArgs, MoveName, MoveOption, MoveSpec, Cost } from './types';
