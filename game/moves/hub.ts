import { defineMove } from './types';
import { atHub, hub } from './arg-shapes';
import { z } from 'zod';
import { addStanding, log, roomFor } from '../access';
import { HUBS, PERMITS, POSTURES, type Posture } from '../ids';
import { RULES } from '../rules';
import { eachHub, hubArg, hubName, isPending, requireHub, dueAt } from './common';
import type { MoveArgs } from './types';

const role = 'hub' as const;

export const buildCapacity = defineMove({
  name: 'buildCapacity',
  args: atHub,
  role,
  family: 'Investment',
  label: 'Build data-centre capacity',
  summary: `+${RULES.buildMW} MW in a hub (room for one more pod of servers); investment +${RULES.buildInvestment}.`,
  delay: `Ready after ${RULES.buildDelay} round.`,
  risk: 'None but the cost.',
  options: eachHub,
  cost: () => ({ cash: RULES.buildCost }),
  check: (ctx, args) =>
    hubArg(args) ??
    (isPending(ctx.state, (p) => p.kind === 'capacity' && p.hub === args.hub)
      ? 'a build is already under way there'
      : null),
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    state.pending.push({
      kind: 'capacity',
      hub,
      mw: RULES.buildMW,
      at: dueAt(state, RULES.buildDelay),
    });
    state.hub.investment += RULES.buildInvestment;
    log(state, `${hubName(hub)} starts building ${RULES.buildMW} MW of data-centre capacity.`);
  },
});

export const setPermitRegime = defineMove({
  name: 'setPermitRegime',
  args: z.strictObject({ hub, permit: z.enum(PERMITS) }),
  role,
  family: 'Policy',
  label: 'Adopt or drop a permit regime',
  summary: `A strategic-trade permit for AI chips ($${RULES.permitCost} to set up): standing +${RULES.permitStandingGain}, customs and checks bite harder. Dropping it costs ${RULES.permitRevokeStandingLoss} standing.`,
  delay: `Adopting takes ${RULES.permitDelay} round of notice; dropping is at once.`,
  risk: 'Firms avoid permit hubs, so less leasing income there.',
  options: () =>
    HUBS.flatMap((hub) => [
      { hub, permit: 'permit' } as MoveArgs,
      { hub, permit: 'none' } as MoveArgs,
    ]),
  cost: (_ctx, args) => (args.permit === 'permit' ? { cash: RULES.permitCost } : {}),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    const hub = requireHub(args);
    if (args.permit !== 'permit' && args.permit !== 'none')
      return 'choose to adopt or drop the permit regime';
    if (state.places[hub].permit === args.permit)
      return args.permit === 'permit' ? 'already in force' : 'there is no permit regime to drop';
    if (isPending(state, (p) => p.kind === 'permit' && p.hub === hub))
      return 'a permit regime is already announced';
    return null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    if (args.permit === 'permit') {
      state.pending.push({ kind: 'permit', hub, at: dueAt(state, RULES.permitDelay) });
      log(state, `${hubName(hub)} announces a strategic-trade permit regime for AI chips.`);
      return;
    }
    state.places[hub].permit = 'none';
    addStanding(state, hub, -RULES.permitRevokeStandingLoss);
    log(state, `${hubName(hub)} drops its permit regime.`);
  },
});

const rank = (p: Posture): number => POSTURES.indexOf(p);

export const setCustomsPosture = defineMove({
  name: 'setCustomsPosture',
  args: z.strictObject({ hub, posture: z.enum(POSTURES) }),
  role,
  family: 'Policy',
  label: 'Set customs posture',
  summary: `Lax, standard or strict inspections: each step stricter is +${RULES.strictStandingGain} standing, each step laxer −${RULES.laxStandingLoss}.`,
  delay: 'At once.',
  risk: 'Strict customs scare off the couriers whose data fills your servers.',
  options: () => HUBS.flatMap((hub) => POSTURES.map((posture): MoveArgs => ({ hub, posture }))),
  cost: () => ({}),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    if (!args.posture || !POSTURES.includes(args.posture)) return 'choose lax, standard or strict';
    return state.places[requireHub(args)].customs === args.posture
      ? `customs are already ${args.posture}`
      : null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    const place = state.places[hub];
    const to = args.posture ?? 'standard';
    const steps = rank(to) - rank(place.customs);
    addStanding(
      state,
      hub,
      steps > 0 ? steps * RULES.strictStandingGain : steps * RULES.laxStandingLoss,
    );
    place.customs = to;
    log(state, `${hubName(hub)} sets its customs to ${to}.`);
  },
});

export const inviteLeasingFund = defineMove({
  name: 'inviteLeasingFund',
  args: atHub,
  role,
  family: 'Investment',
  label: 'Invite a server-leasing fund',
  summary: `A fund installs ${RULES.fundPods} pods of servers to rent out at a discount; investment +${RULES.fundInvestment}.`,
  delay: 'At once.',
  risk: `The regulator notices: standing −${RULES.fundStandingLoss}.`,
  options: eachHub,
  cost: () => ({ cash: RULES.fundCost }),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    const place = state.places[requireHub(args)];
    if (place.leasingFund) return 'a fund already operates there';
    if (roomFor(state, requireHub(args)) < RULES.fundPods)
      return 'not enough free capacity: build first';
    return null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    const place = state.places[hub];
    place.leasingFund = true;
    place.servers += RULES.fundPods;
    state.hub.investment += RULES.fundInvestment;
    addStanding(state, hub, -RULES.fundStandingLoss);
    log(state, `A leasing fund sets up ${RULES.fundPods} pods of servers in ${hubName(hub)}.`);
  },
});

export const HUB_MOVES = [
  buildCapacity,
  setPermitRegime,
  setCustomsPosture,
  inviteLeasingFund,
] as const;
