import { defineMove } from './types';
import { atHub, none, thing } from './arg-shapes';
import { z } from 'zod';
import { addHeat, addStanding, addTension, allFirms, log, seatName } from '../access';
import { searchHub } from '../detection';
import { releaseServers } from '../market';
import { announceRule } from '../lobbying';
import { RULES } from '../rules';
import { eachHub, hubArg, hubName, isPending, requireHub, dueAt } from './common';

const role = 'regulator' as const;

export const tightenControls = defineMove({
  name: 'tightenControls',
  args: none,
  role,
  family: 'Rules',
  label: 'Tighten chip controls',
  summary: 'Raise the performance line: the current China-edition chip becomes controlled.',
  delay: `Takes effect after ${RULES.tightenDelay} round.`,
  risk: `Tension +${RULES.tightenTension}; the vendor loses China sales until it redesigns.`,
  options: () => [{}],
  cost: () => ({ pc: RULES.tightenPc }),
  check: ({ state }) => {
    const planned = state.pending.filter((p) => p.kind === 'controlLevel').length;
    if (state.controlLevel >= RULES.maxControlLevel)
      return 'controls are already at the highest level';
    return state.controlLevel + planned >= RULES.maxControlLevel
      ? `a tightening to level ${RULES.maxControlLevel}, the highest, is already announced`
      : null;
  },
  apply: ({ state }) => {
    addTension(state, RULES.tightenTension);
    log(state, 'The regulator announces tighter chip controls (in force next round).');
    announceRule(state, { kind: 'controlLevel', at: dueAt(state, RULES.tightenDelay) });
  },
});

export const extendLicence = defineMove({
  name: 'extendLicence',
  args: atHub,
  role,
  family: 'Rules',
  label: 'Require licences for a hub',
  summary: `Top-chip exports to this hub need a licence: fewer, slower shipments, and end-use checks there find more (+${RULES.checkLicenceBonus}%).`,
  delay: `Takes effect after ${RULES.licenceDelay} round.`,
  risk: `The hub's standing −${RULES.licenceStandingLoss}; tension +${RULES.licenceTension}.`,
  options: eachHub,
  cost: () => ({ pc: RULES.licencePc }),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    const hub = requireHub(args);
    if (state.places[hub].licence) return `${hubName(hub)} already needs licences`;
    if (isPending(state, (p) => p.kind === 'licence' && p.hub === hub)) return 'already announced';
    return null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    addStanding(state, hub, -RULES.licenceStandingLoss);
    addTension(state, RULES.licenceTension);
    log(state, `The regulator extends licence requirements to ${hubName(hub)} (next round).`);
    announceRule(state, { kind: 'licence', hub, at: dueAt(state, RULES.licenceDelay) });
  },
});

export const listEntity = defineMove({
  name: 'listEntity',
  args: z.strictObject({ entity: thing }),
  role,
  family: 'Enforcement',
  label: 'Put an entity on the Entity List',
  summary: 'An exposed local entity is listed: its leases end and its trainings stop.',
  delay: 'At once.',
  risk: `Tension +${RULES.listTension}.`,
  options: ({ state }) =>
    allFirms(state).flatMap((f) =>
      f.secrets.entities.filter((e) => e.exposed && !e.listed).map((e) => ({ entity: e.id })),
    ),
  cost: () => ({ pc: RULES.listPc }),
  check: ({ state }, args) => {
    const entity = allFirms(state)
      .flatMap((f) => f.secrets.entities)
      .find((e) => e.id === args.entity);
    if (!entity) return 'choose an exposed entity';
    if (!entity.exposed) return 'that entity has not been exposed';
    if (entity.listed) return 'already listed';
    return null;
  },
  apply: ({ state }, args) => {
    for (const firm of allFirms(state)) {
      const entity = firm.secrets.entities.find((e) => e.id === args.entity);
      if (!entity) continue;
      entity.listed = true;
      for (const lease of firm.secrets.leases.filter((l) => l.entity === entity.id))
        releaseServers(state, lease.hub, lease.pods);
      firm.secrets.leases = firm.secrets.leases.filter((l) => l.entity !== entity.id);
      firm.secrets.trainings = firm.secrets.trainings.filter((t) => t.at !== entity.hub);
      addHeat(firm, RULES.listHeat);
      addTension(state, RULES.listTension);
      log(
        state,
        `The regulator lists ${seatName(state, firm.seat)}'s entity in ${hubName(entity.hub)}: its leases end.`,
      );
    }
  },
});

export const endUseCheck = defineMove({
  name: 'endUseCheck',
  args: atHub,
  role,
  family: 'Enforcement',
  label: 'End-use check in a hub',
  summary: 'Inspect who uses the servers in a hub; may expose hidden entities.',
  delay: 'At once.',
  risk: `Finds each hidden entity with ${RULES.checkBase}% + ${RULES.checkPerHeat}% per heat; better under a permit regime or where licences apply, worse where standing is low.`,
  options: eachHub,
  cost: () => ({ pc: RULES.checkPc }),
  check: (_ctx, args) => hubArg(args),
  apply: ({ state }, args, rng) => {
    const hub = requireHub(args);
    const found = searchHub(state, hub, rng, 'check', `An end-use check in ${hubName(hub)}`);
    if (found === 0) log(state, `An end-use check in ${hubName(hub)} finds nothing.`);
  },
});

export const customsAlert = defineMove({
  name: 'customsAlert',
  args: atHub,
  role,
  family: 'Enforcement',
  label: 'Alert customs at a hub airport',
  summary: `Couriers arriving at this hub this round and next are inspected more (+${RULES.alertBonus}%).`,
  delay: 'This round and the next.',
  risk: 'None, but it costs political capital.',
  options: eachHub,
  cost: () => ({ pc: RULES.alertPc }),
  check: ({ state }, args) =>
    hubArg(args) ??
    (state.places[requireHub(args)].alertUntil > state.round
      ? 'an alert is already in force there'
      : null),
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    state.places[hub].alertUntil = state.round + RULES.alertRounds - 1;
    log(state, `The regulator alerts customs in ${hubName(hub)}.`);
  },
});

export const pressHub = defineMove({
  name: 'pressHub',
  args: atHub,
  role,
  family: 'Diplomacy',
  label: 'Press a hub government',
  summary: 'Push a hub to adopt a permit regime: its standing falls each round until it does.',
  delay: 'At once; the pressure lasts until the hub adopts a permit regime.',
  risk: `The hub's standing −${RULES.pressStandingLoss} now and −${RULES.pressureStandingLossPerRound} each round it resists.`,
  options: eachHub,
  cost: () => ({ pc: RULES.pressPc }),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    const place = state.places[requireHub(args)];
    if (place.permit === 'permit') return 'that hub already has a permit regime';
    if (place.pressure > 0) return 'that hub is already under pressure';
    return null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    state.places[hub].pressure = 1;
    addStanding(state, hub, -RULES.pressStandingLoss);
    log(state, `The regulator presses ${hubName(hub)} to adopt a permit regime.`);
  },
});

export const cloudKyc = defineMove({
  name: 'cloudKyc',
  args: none,
  role,
  family: 'Rules',
  label: 'Know-your-customer rule for cloud rentals',
  summary: 'Cloud providers must vet customers: every lease risks exposure each round.',
  delay: `Takes effect after ${RULES.kycDelay} rounds.`,
  risk: 'None directly; it is slow.',
  options: () => [{}],
  cost: () => ({ pc: RULES.kycPc }),
  check: ({ state }) =>
    state.kyc
      ? 'the rule is already in force'
      : isPending(state, (p) => p.kind === 'kyc')
        ? 'already announced'
        : null,
  apply: ({ state }) => {
    log(
      state,
      `The regulator issues a cloud know-your-customer rule (in force in ${RULES.kycDelay} rounds).`,
    );
    announceRule(state, { kind: 'kyc', at: dueAt(state, RULES.kycDelay) });
  },
});

export const grantRevenueShare = defineMove({
  name: 'grantRevenueShare',
  args: none,
  role,
  family: 'Diplomacy',
  label: 'Grant a revenue-share licence',
  summary: `The vendor may sell its China edition above the line for a share: vendor $${RULES.revenueShareIncome} a round, you +${RULES.revenueSharePc} political capital a round.`,
  delay: 'From the end of this round, until controls tighten again.',
  risk: 'Chinese labs buy lawful chips again: their home training gets easier.',
  options: () => [{}],
  cost: () => ({}),
  check: ({ state }) =>
    state.vendor.revenueShare === 'applied'
      ? null
      : state.vendor.revenueShare === 'granted'
        ? 'a revenue-share licence is already in force'
        : 'the vendor has not applied for one',
  apply: ({ state }) => {
    state.vendor.revenueShare = 'granted';
    log(state, 'The regulator grants the vendor a revenue-share licence for China-edition chips.');
  },
});

export const REGULATOR_MOVES = [
  tightenControls,
  extendLicence,
  listEntity,
  endUseCheck,
  customsAlert,
  pressHub,
  cloudKyc,
  grantRevenueShare,
] as const;
