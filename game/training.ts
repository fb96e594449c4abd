import { HUBS, type HubId } from './ids';
import { RULES } from './rules';
import type { FirmState, GameState, Place } from './state';

/**
 * The firm's position, as the rules read it: one definition each, used by the moves, the
 * resolution, the bots and the board.
 */

/** Capability a training run adds: one per pod, plus one per `tbPerCapability` TB used. */
export const trainingGain = (pods: number, tb: number): number =>
  pods + Math.floor(tb / RULES.tbPerCapability);

/** The data a training run can use: each pod digests at most one full carrier's worth. */
export const usableTB = (pods: number, tb: number): number =>
  Math.min(tb, pods * RULES.maxPerCarrierTB);

/**
 * The most capability a model trained at home can reach: domestic and China-edition chips trail
 * the frontier by `homeGap`; smuggled top chips close the gap by one pod each, up to
 * `maxSmuggledLift`.
 */
export const homeCeiling = (state: GameState, firm: FirmState): number =>
  state.frontier - RULES.homeGap + Math.min(firm.secrets.smuggledPods, RULES.maxSmuggledLift);

/** The firm's unlisted local entity in a hub, if it has one. */
export const liveEntity = (firm: FirmState, hub: HubId) =>
  firm.secrets.entities.find((e) => e.hub === hub && !e.listed);

/** Pods the firm leases in a hub. */
export const leasedPods = (firm: FirmState, hub: HubId): number =>
  firm.secrets.leases.filter((l) => l.hub === hub).reduce((n, l) => n + l.pods, 0);

export const trainingAt = (firm: FirmState, at: HubId | 'home') =>
  firm.secrets.trainings.find((t) => t.at === at);

/** Pods of chips at home the firm can train on. */
export const homePods = (firm: FirmState): number =>
  Math.floor(firm.secrets.homeCompute / RULES.computePerPod);

/** Rent due each round for pods leased in a place: a leasing fund there halves it. */
export const rentFor = (place: Place, pods: number): number =>
  place.leasingFund
    ? Math.ceil((pods * RULES.rentPerPod * RULES.fundRentDiscountPct) / 100)
    : pods * RULES.rentPerPod;

/** Where the firm could train now: pods and data at home or in a hub. */
export function trainingSite(firm: FirmState, at: HubId | 'home'): { pods: number; tb: number } {
  if (at === 'home') return { pods: homePods(firm), tb: firm.secrets.homeTB };
  return { pods: leasedPods(firm, at), tb: firm.secrets.dataAt[at] ?? 0 };
}

/** Capability the firm's pipeline may still bring home: models waiting, trainings, weights in flight. */
export function pipelineGain(firm: FirmState): number {
  const waiting = firm.secrets.models.reduce((n, m) => n + m.gain, 0);
  const training = firm.secrets.trainings
    .filter((t) => t.at !== 'home')
    .reduce((n, t) => n + trainingGain(t.pods, t.tb), 0);
  const flying = firm.secrets.couriers.reduce((n, c) => n + c.model, 0);
  return waiting + training + flying;
}

export const isOffshore = (at: string): at is HubId => (HUBS as readonly string[]).includes(at);
