import { averageStanding, podCapacity } from '../access';
import { freeServers } from '../market';
import { HUBS, type HubId } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { roundsLeft } from './context';

/** What the regulator reads off public signals. */

export const pc = (view: GameState): number => view.regulator.pc;

/** How close the nearest firm is to the frontier (0 or less: it is there). */
export const gap = (view: GameState): number =>
  Math.min(...Object.values(view.firms).map((f) => view.frontier - f.capability));

/** Couriers seized or logged in a hub in the last two rounds. */
const recentSignals = (view: GameState, hub: HubId): number =>
  view.signals.filter((s) => s.hub === hub && s.kind !== 'exposure' && s.round >= view.round - 2)
    .length;

/** An entity exposed there lately: that lead is spent. */
const recentlyExposed = (view: GameState, hub: HubId): boolean =>
  view.signals.some((s) => s.hub === hub && s.kind === 'exposure' && s.round >= view.round - 1);

/** KYC flags on a hub in the last two rounds. */
const recentFlags = (view: GameState, hub: HubId): number =>
  view.regulator.intel.filter((f) => f.hub === hub && f.round >= view.round - 2).length;

/**
 * Where the firms seem to be working: KYC flags weigh most, then a rise in demand, fresh signals
 * and busy servers. All of it is evidence, not proof: ordinary demand moves the readings too.
 */
export function suspicion(view: GameState, hub: HubId): number {
  const place = view.places[hub];
  if (recentlyExposed(view, hub)) return 0;
  const rise = Math.max(0, place.demand - place.demandLast);
  let s = 6 * recentFlags(view, hub) + 3 * rise + 5 * recentSignals(view, hub);
  if (place.customs === 'lax') s += 1;
  if (place.permit === 'permit') s += 1;
  if (place.standing < RULES.lowStanding) s -= 3;
  return s;
}

/** Free servers a firm could rent there: where the next lease is likely. */
export const openServers = (view: GameState, hub: HubId): number => freeServers(view, hub);

/** Pods of capacity a hub could still fill with new servers. */
export const roomFor = (view: GameState, hub: HubId): number =>
  podCapacity(view.places[hub]) - view.places[hub].servers;

/** Hubs under pressure that have not adopted (or announced) a permit regime. */
const resisting = (view: GameState): number =>
  HUBS.filter(
    (h) =>
      view.places[h].pressure > 0 &&
      view.places[h].permit !== 'permit' &&
      !view.pending.some((p) => p.kind === 'permit' && p.hub === h),
  ).length;

/**
 * How much average standing the regulator can still spend: what is left above its minimum
 * (plus a margin) once every resisting hub has bled for the rest of the game.
 */
export function standingBudget(view: GameState): number {
  const bleed = (resisting(view) * (roundsLeft(view) + 1)) / HUBS.length;
  return averageStanding(view) - bleed - view.victory.regulatorMinStanding - 1.2;
}

/** Cost in average standing of a move that takes `now` at once and bleeds `perRound` for a while. */
export const standingCost = (view: GameState, now: number, perRound = 0): number =>
  (now + perRound * Math.min(2, roundsLeft(view) + 1)) / HUBS.length;
