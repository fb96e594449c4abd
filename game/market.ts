import { log, seatsOf } from './access';
import { HUBS, type HubId } from './ids';
import { hubName } from './moves/common';
import { randInt, rollPercent, type RngState } from './random';
import { RULES } from './rules';
import type { GameState, Market } from './state';

/**
 * The server market behind the public signals. Ordinary cloud customers rent pods in every
 * hub, and their demand drifts; a firm's leases add to the same utilisation. The public sees only
 * each hub's rounded, noisy reading, so a rise may be the firm or ordinary growth: evidence, not
 * proof. The true split lives in `state.market`, which no view but the omniscient contains.
 */

export function openMarket(state: GameState): Market {
  const ordinary = {} as Record<HubId, number>;
  const firms = {} as Record<HubId, number>;
  for (const hub of HUBS) {
    ordinary[hub] = Math.floor((state.places[hub].servers * RULES.ordinaryStartPct) / 100);
    firms[hub] = 0;
  }
  return { ordinary, firms };
}

/**
 * Pods a firm can lease in a hub now. On the full state, the truth; in a view (no market), the
 * best estimate a player has: installed servers less the public reading.
 */
export function freeServers(state: GameState, hub: HubId): number {
  const place = state.places[hub];
  const used = state.market ? state.market.ordinary[hub] + state.market.firms[hub] : place.demand;
  return Math.max(0, place.servers - used);
}

/** A firm takes pods: the true market on the full state; the reading in a seat's own drafts. */
export function takeServers(state: GameState, hub: HubId, pods: number): void {
  if (state.market) state.market.firms[hub] += pods;
  else state.places[hub].demand += pods;
}

export function releaseServers(state: GameState, hub: HubId, pods: number): void {
  if (state.market) state.market.firms[hub] = Math.max(0, state.market.firms[hub] - pods);
  else state.places[hub].demand = Math.max(0, state.places[hub].demand - pods);
}

/** Pods leased in all hubs, by everyone: what the hubs earn and invest from. */
export function podsRented(state: GameState): number {
  if (!state.market) return HUBS.reduce((n, h) => n + state.places[h].demand, 0);
  const { ordinary, firms } = state.market;
  return HUBS.reduce((n, h) => n + ordinary[h] + firms[h], 0);
}

/** Ordinary demand grows where servers stand idle and sometimes shrinks. */
export function driftOrdinaryDemand(state: GameState, rng: RngState): void {
  const market = state.market;
  if (!market) return;
  for (const hub of HUBS) {
    if (freeServers(state, hub) > 0 && rollPercent(rng, RULES.ordinaryGrowPct))
      market.ordinary[hub] += 1;
    else if (market.ordinary[hub] > 0 && rollPercent(rng, RULES.ordinaryShrinkPct))
      market.ordinary[hub] -= 1;
  }
}

/** Each hub's public reading: every rented pod, off by up to `demandNoise` either way. */
export function publishDemand(state: GameState, rng: RngState): void {
  const market = state.market;
  if (!market) return;
  for (const hub of HUBS) {
    const used = market.ordinary[hub] + market.firms[hub];
    const noise = randInt(rng, 2 * RULES.demandNoise + 1) - RULES.demandNoise;
    state.places[hub].demandLast = state.places[hub].demand;
    state.places[hub].demand = Math.max(0, Math.min(state.places[hub].servers, used + noise));
  }
}

/**
 * Under the cloud know-your-customer rule, providers report customers with an offshore parent:
 * the regulator privately hears of most hubs where a firm leases, and of a few where none does.
 */
export function reportKycFlags(state: GameState, rng: RngState): void {
  const market = state.market;
  if (!market || !state.kyc) return;
  const regulators = seatsOf(state, 'regulator');
  for (const hub of HUBS) {
    const chance = market.firms[hub] > 0 ? RULES.kycFlagPct : RULES.kycFalseFlagPct;
    if (market.ordinary[hub] + market.firms[hub] === 0 || !rollPercent(rng, chance)) continue;
    const text = `KYC reports flag a cloud customer with an offshore parent in ${hubName(hub)}.`;
    for (const seat of regulators) log(state, text, seat);
    state.regulator.intel.push({ round: state.round, hub });
    if (state.regulator.intel.length > 12) state.regulator.intel.shift();
  }
}
