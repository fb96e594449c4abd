import { addHeat, addStanding, hubPlace, log, seatName, signal } from './access';
import type { HubId, Posture } from './ids';
import { PLACE_INFO } from './map';
import { rollPercent, type RngState } from './random';
import { RULES } from './rules';
import type { Entity, FirmState, GameState } from './state';

/** How detection works: customs inspections, audits and exposure. */

export function customsBase(posture: Posture): number {
  if (posture === 'strict') return RULES.customsStrict;
  if (posture === 'standard') return RULES.customsStandard;
  return RULES.customsLax;
}

/** Percent chance that customs in `hub` inspects one carrier holding `tbPerCarrier`. */
export function inspectionChance(
  state: GameState,
  hub: HubId,
  tbPerCarrier: number,
  heat: number,
): number {
  const place = hubPlace(state, hub);
  const load = tbPerCarrier / RULES.maxPerCarrierTB;
  let chance = customsBase(place.customs) + Math.round(RULES.customsLoadAtFull * load * load);
  if (place.permit === 'permit') chance += RULES.customsPermitBonus;
  if (place.alertUntil >= state.round) chance += RULES.alertBonus;
  chance += RULES.customsPerHeat * heat;
  return Math.min(RULES.chanceCap, chance);
}

/** Percent chance that a smuggled pod of servers is stopped on its way out of a hub. */
export function smuggleChance(state: GameState, hub: HubId, heat: number): number {
  const place = hubPlace(state, hub);
  let chance = RULES.smuggleRisk + customsBase(place.customs) + RULES.customsPerHeat * heat;
  if (place.permit === 'permit') chance += RULES.customsPermitBonus;
  if (place.alertUntil >= state.round) chance += RULES.alertBonus;
  return Math.min(RULES.chanceCap, chance);
}

/** Percent chance that an end-use check or a distributor audit finds one entity. */
export function findChance(
  state: GameState,
  hub: HubId,
  heat: number,
  by: 'check' | 'audit',
): number {
  const place = hubPlace(state, hub);
  if (by === 'audit') return Math.min(RULES.chanceCap, RULES.auditBase + RULES.auditPerHeat * heat);
  let chance = RULES.checkBase + RULES.checkPerHeat * heat;
  if (place.permit === 'permit') chance += RULES.checkPermitBonus;
  if (place.licence) chance += RULES.checkLicenceBonus;
  if (place.standing < RULES.lowStanding) chance -= RULES.checkLowStandingPenalty;
  return Math.max(RULES.chanceFloor, Math.min(RULES.chanceCap, chance));
}

/**
 * Percent chance that customs stop one carrier of a courier trip at a hub: the inspection odds
 * for its load per carrier; a courier carrying trained weights home faces only `carryRiskPct`
 * of them.
 */
export function carrierStopChance(
  state: GameState,
  hub: HubId,
  courier: { tb: number; carriers: number; model: number },
  heat: number,
): number {
  const chance = inspectionChance(state, hub, courier.tb / courier.carriers, heat);
  return courier.model > 0 ? Math.round((chance * RULES.carryRiskPct) / 100) : chance;
}

/** Percent chance that cloud know-your-customer screening exposes one hidden lease in a round. */
export const kycScreenChance = (heat: number): number =>
  Math.min(RULES.chanceCap, RULES.kycDetectBase + RULES.kycDetectPerHeat * heat);

/**
 * Whether a hub showed a public red flag the vendor should have looked into: its utilisation
 * reading jumped, or couriers were seized or noticed there lately. Ignoring one is self-blinding,
 * and only then is the vendor fined for a front company found among its customers.
 */
export function redFlagged(state: GameState, hub: HubId): boolean {
  const place = state.places[hub];
  if (place.demand - place.demandLast >= RULES.redFlagRise) return true;
  return state.signals.some(
    (s) => s.hub === hub && s.kind !== 'exposure' && s.round > state.round - RULES.redFlagRounds,
  );
}

/** An entity is found: it, its leases and the trainings next to them become public. */
export function exposeEntity(state: GameState, firm: FirmState, entity: Entity, how: string): void {
  if (entity.exposed) return;
  entity.exposed = true;
  for (const lease of firm.secrets.leases) if (lease.entity === entity.id) lease.exposed = true;
  for (const t of firm.secrets.trainings) if (t.at === entity.hub) t.exposed = true;
  addHeat(firm, RULES.detectedHeat);
  const place = hubPlace(state, entity.hub);
  if (place.permit !== 'permit') addStanding(state, entity.hub, -RULES.exposedStandingLoss);
  if (!state.vendor.audited.includes(entity.hub) && redFlagged(state, entity.hub)) {
    const fine = Math.min(RULES.fineUnaudited, state.vendor.cash);
    state.vendor.cash -= fine;
    if (fine > 0)
      log(
        state,
        `The chip vendor is fined $${fine}: its chips served ${seatName(state, firm.seat)} in ${PLACE_INFO[entity.hub].name} where red flags showed and it had not audited its distributors.`,
      );
  }
  const text = `${how} exposed a local entity of ${seatName(state, firm.seat)} in ${PLACE_INFO[entity.hub].name}.`;
  log(state, text);
  signal(state, entity.hub, 'exposure', text);
}

/** Rolls to find each hidden entity of every firm in a hub; returns how many were found. */
export function searchHub(
  state: GameState,
  hub: HubId,
  rng: RngState,
  by: 'check' | 'audit',
  how: string,
): number {
  let found = 0;
  for (const firm of Object.values(state.firms)) {
    for (const entity of firm.secrets.entities) {
      if (entity.hub !== hub || entity.exposed || entity.listed) continue;
      if (rollPercent(rng, findChance(state, hub, firm.secrets.heat, by))) {
        exposeEntity(state, firm, entity, how);
        found += 1;
      }
    }
  }
  state.searches.push({ round: state.round, hub, by, found });
  return found;
}
