import { FIRM_MOVES } from './firm';
import { HUB_MOVES } from './hub';
import { REGULATOR_MOVES } from './regulator';
import type { MoveName, MoveSpec } from './types';
import { VENDOR_MOVES } from './vendor';

/** The rulebook's moves, in the order the rulebook lists them. */
export const MOVES: readonly MoveSpec[] = [
  ...REGULATOR_MOVES,
  ...VENDOR_MOVES,
  ...FIRM_MOVES,
  ...HUB_MOVES,
];

export const MOVE_BY_NAME = Object.fromEntries(MOVES.map((m) => [m.name, m])) as Record<
  MoveName,
  MoveSpec
>;

export type { MoveArgs, MoveName, MoveOption, MoveSpec, Cost } from './types';
export { MOVE_NAMES } from './types';
