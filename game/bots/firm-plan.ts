import { freeServers } from '../market';
import { leasedPods, liveEntity, rentFor } from '../training';
import { customsBase, inspectionChance } from '../detection';
import type { HubId } from '../ids';
import { RULES } from '../rules';
import type { FirmState, GameState } from '../state';

/** What the firm bot reads off its own secrets and the public map. */

export { leasedPods as leasedAt, liveEntity, homePods } from '../training';

/**
 * An exposed site the regulator has not listed within a full round of the exposure: the firm
 * bets it will not follow through and works the site again. The exposure's round is read off the
 * public signals (an exposure old enough to have left them is stale too).
 */
function staleExposure(view: GameState, hub: HubId): boolean {
  const last = view.signals.filter((s) => s.hub === hub && s.kind === 'exposure').at(-1);
  return !last || last.round <= view.round - 2;
}

/** The firm's unlisted entity in a hub, if it may still work there: hidden, or exposure gone stale. */
export function workableEntity(view: GameState, f: FirmState, hub: HubId) {
  const e = liveEntity(f, hub);
  return e && (!e.exposed || staleExposure(view, hub)) ? e : undefined;
}

/** One of the firm's entities in the hub has been exposed: a site it would rather not feed. */
export const exposedIn = (f: FirmState, hub: HubId): boolean =>
  f.secrets.entities.some((e) => e.hub === hub && e.exposed);

/** A site is busy while a training runs there or its model waits to fly home. */
export const trainingAt = (f: FirmState, at: HubId | 'home'): boolean =>
  f.secrets.trainings.some((t) => t.at === at) || f.secrets.models.some((m) => m.hub === at);

export const inflightTo = (f: FirmState, hub: HubId): number =>
  f.secrets.couriers.filter((c) => c.to === hub && c.model === 0).reduce((n, c) => n + c.tb, 0);

export const dataNear = (f: FirmState, hub: HubId): number =>
  (f.secrets.dataAt[hub] ?? 0) + inflightTo(f, hub);

/** Rent the firm must pay at the end of this round, so it keeps that much cash. */
export function rentDue(view: GameState, f: FirmState): number {
  return f.secrets.leases.reduce((n, l) => n + rentFor(view.places[l.hub], l.pods), 0);
}

/** Cash free to spend now: what is left after keeping this round's rent. */
export const spare = (view: GameState, f: FirmState): number => f.secrets.cash - rentDue(view, f);

/**
 * Pods the firm could run in a hub: its own leases plus the servers it hopes are free (the
 * public reading may be off by `demandNoise`), at most the cap.
 */
export const podsOpen = (view: GameState, f: FirmState, hub: HubId): number =>
  Math.min(
    RULES.maxLeasePods,
    leasedPods(f, hub) +
      Math.min(view.places[hub].servers, freeServers(view, hub) + RULES.demandNoise),
  );

/** How attractive a hub is for offshore training: room, lax customs, no permit, little scrutiny. */
export function siteScore(view: GameState, f: FirmState, hub: HubId): number {
  const place = view.places[hub];
  const mine = f.secrets.entities.filter((e) => e.hub === hub);
  const pods = podsOpen(view, f, hub);
  if (pods < 1) return -100;
  if (mine.some((e) => e.exposed && !e.listed) && !workableEntity(view, f, hub)) return -60;
  let score = 3 * pods - customsBase(place.customs) / 2;
  if (place.permit === 'permit') score -= 8;
  if (place.alertUntil >= view.round) score -= 2;
  if (place.standing < RULES.lowStanding) score += 3;
  if (mine.some((e) => e.listed)) score -= 8;
  if (liveEntity(f, hub)) score += 6;
  score += 3 * leasedPods(f, hub);
  if (dataNear(f, hub) >= RULES.trainMinTB) score += 6;
  if (place.demand - place.demandLast > 1) score -= 1;
  return score;
}

/** Percent chance customs stop one carrier of this load bound for the hub. */
export const carrierRisk = (view: GameState, f: FirmState, hub: HubId, load: number): number =>
  inspectionChance(view, hub, load, f.secrets.heat);

/** Carriers that make a trip cheapest: each costs cash, each lost TB costs the data's worth. */
export function bestCarriers(
  view: GameState,
  f: FirmState,
  hub: HubId,
  tb: number,
  cash: number,
): number {
  let best = 0;
  let bestCost = Infinity;
  for (let c = 1; c <= RULES.maxCarriers && c * RULES.carrierCost <= cash; c++) {
    if (tb / c > RULES.maxPerCarrierTB) continue;
    const risk = carrierRisk(view, f, hub, tb / c) / 100;
    const cost = c * RULES.carrierCost + risk * tb * 0.5 + risk * c * 2;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}
