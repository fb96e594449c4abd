import { HUBS, type HubId } from '../ids';
import { PLACE_INFO } from '../map';
import type { GameState, Pending } from '../state';
import type { MoveArgs } from './types';

/** 1, 2, …, n: the counts a move offers (pods, carriers). */
export const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

export const eachHub = (): MoveArgs[] => HUBS.map((hub) => ({ hub }));

export const hubName = (hub: HubId | undefined): string => (hub ? PLACE_INFO[hub].name : 'nowhere');

export const isPending = (state: GameState, test: (p: Pending) => boolean): boolean =>
  state.pending.some(test);

export function requireHub(args: MoveArgs): HubId {
  if (!args.hub) throw new Error('move needs a hub');
  return args.hub;
}

/** A check that the arguments name a hub at all (the engine rejects hand-made bad input). */
export function hubArg(args: MoveArgs): string | null {
  return args.hub && (HUBS as readonly string[]).includes(args.hub) ? null : 'choose a hub';
}

export function intArg(
  value: number | undefined,
  lo: number,
  hi: number,
  what: string,
): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `choose a whole number of ${what}`;
  if (value < lo || value > hi) return `${what} must be from ${lo} to ${hi}`;
  return null;
}

/**
 * The round at whose end a change made now takes effect: a delay of 1 means "in force from
 * next round", 2 means "from the round after next".
 */
export const dueAt = (state: GameState, delay: number): number => state.round + delay - 1;
