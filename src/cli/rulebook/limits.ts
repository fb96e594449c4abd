import { RULES } from '../../../game/rules';

/**
 * When each move is refused, in words, beyond the refusals every move shares (not your turn,
 * switched off by the scenario, cannot pay). Each sentence restates a `check` in game/moves;
 * tests/rulebook.test.ts plays one refused case per move to keep them honest.
 */
export const MOVE_LIMITS: Record<string, string> = {
  tightenControls: `Controls, counting tightenings already announced, are already at the highest level (${RULES.maxControlLevel}).`,
  extendLicence: 'The hub already needs licences, or licences for it are already announced.',
  listEntity: 'The entity has not been exposed, or is already listed.',
  endUseCheck: 'Never: any hub may be checked.',
  customsAlert: 'An alert at that hub already covers the next round.',
  pressHub: 'The hub already has a permit regime in force, or is already under pressure.',
  cloudKyc: 'The rule is already in force or already announced.',
  shipChips: `More than ${RULES.shipMaxPods} pods (${RULES.shipLicencedMaxPods} to a hub that needs licences), or more than the hub has room for: the pods its capacity holds, less the servers installed and those already on the way.`,
  designCompliantChip:
    'A design is already under way, or your China edition already meets the current control level.',
  lobby:
    'Your lobbyists are already on retainer (through the end of next round after you hire them).',
  auditDistributors: 'You already audited that hub this year.',
  launchGeneration: 'A generation is already in development.',
  applyRevenueShare:
    'You have already applied (or hold a licence); you have no China-edition chip; or your China edition already meets the current control level.',
  grantRevenueShare:
    'The vendor has not applied (its application resolves after your rules and diplomacy step, so grant it the round after), or a licence is already in force.',
  prepareData: 'Never.',
  courierData: `More data than you have prepared at home; more than ${RULES.maxPerCarrierTB} TB per carrier; fewer than one or more than ${RULES.maxCarriers} carriers.`,
  registerEntity: 'You already have an entity there that is not listed.',
  leaseServers: `You have no unlisted entity in the hub; the hub has no servers at all; fewer than one or more than ${RULES.maxLeasePods} pods; or your leases there would pass ${RULES.maxLeasePods} pods. (You get the pods that are free when the order resolves; the money for the rest is refunded.)`,
  train: `A training is already running at that site; there is not one full pod there (no lease in the hub, or too little compute at home); there is less than ${RULES.trainMinTB} TB of data at the site; or, at home, your capability has reached the home ceiling.`,
  carryModelHome: 'No trained model of yours waits in that hub.',
  buyDomesticChips: 'Never.',
  buyCompliantChips: 'The vendor has no China-edition chip that meets the current control level.',
  smuggleChips: 'The hub has no free (unrented) pod of servers.',
  buildCapacity: 'A build is already under way in that hub.',
  setPermitRegime:
    'The hub already has the regime you choose, or a permit regime is already announced there.',
  setCustomsPosture: 'Customs there are already at that posture.',
  inviteLeasingFund: `A fund already operates there, or the hub lacks room for ${RULES.fundPods} more pods (build first).`,
};

/** Refusals every move shares. */
export const COMMON_LIMITS = [
  'You have submitted your orders for this round, or given all the orders your budget allows.',
  'The scenario has switched the move off.',
  'You cannot pay its cost.',
];
