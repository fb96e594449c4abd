import { defineMove } from './types';
import { atHub, count, hub, none } from './arg-shapes';
import { z } from 'zod';
import { addHeat, log, newId, secretly, seatName } from '../access';
import { exposeEntity, smuggleChance } from '../detection';
import { HUBS } from '../ids';
import { freeServers, takeServers } from '../market';
import { rollPercent } from '../random';
import { RULES } from '../rules';
import type { FirmState, GameState } from '../state';
import {
  homeCeiling,
  leasedPods,
  liveEntity,
  trainingAt,
  trainingSite,
  usableTB,
} from '../training';
import { dueAt, eachHub, hubArg, hubName, intArg, requireHub, upTo } from './common';
import type { MoveArgs, MoveContext } from './types';

const role = 'firm' as const;

/** A China edition is lawful when it meets the current line, or under a revenue-share licence. */
export const chinaEditionOnSale = (state: GameState): boolean =>
  state.vendor.compliantLevel === state.controlLevel ||
  (state.vendor.compliantLevel >= 0 && state.vendor.revenueShare === 'granted');

const firm = ({ state, seat }: MoveContext): FirmState => state.firms[seat];

export const prepareData = defineMove({
  name: 'prepareData',
  args: none,
  role,
  family: 'Data',
  label: 'Prepare training data',
  summary: `Clean and compress ${RULES.prepareTB} TB of data at home.`,
  delay: 'Ready at the end of the round.',
  risk: 'None: it happens at home.',
  options: () => [{}],
  cost: () => ({ cash: RULES.prepareCost }),
  check: () => null,
  apply: (ctx) => {
    firm(ctx).secrets.preparingTB += RULES.prepareTB;
    secretly(ctx.state, firm(ctx), `Prepared ${RULES.prepareTB} TB of training data.`);
  },
});

export const courierData = defineMove({
  name: 'courierData',
  args: z.strictObject({ hub, tb: z.number().int().min(1).max(10_000), carriers: count }),
  role,
  family: 'Data',
  label: 'Courier data on drives',
  summary: `Engineers fly prepared data to a hub, at most ${RULES.maxPerCarrierTB} TB each; more carriers, lighter bags.`,
  delay: 'Arrives at the end of the round.',
  risk: 'Customs may inspect each carrier: heavier bags, stricter customs and more heat raise the odds. Seized drives are lost.',
  options: ({ state, seat }) => {
    const f = state.firms[seat];
    const most = Math.min(f?.secrets.homeTB ?? 0, RULES.maxCarriers * RULES.maxPerCarrierTB);
    const tbs = upTo(Math.floor(most / RULES.courierStepTB)).map((n) => n * RULES.courierStepTB);
    return HUBS.flatMap((hub) =>
      tbs.flatMap((tb) =>
        upTo(RULES.maxCarriers)
          .filter((c) => tb / c <= RULES.maxPerCarrierTB)
          .map((carriers): MoveArgs => ({ hub, tb, carriers })),
      ),
    );
  },
  cost: (_ctx, args) => ({ cash: RULES.carrierCost * (args.carriers ?? 1) }),
  check: (ctx, args) => {
    const bad =
      hubArg(args) ??
      intArg(args.carriers, 1, RULES.maxCarriers, 'carriers') ??
      intArg(args.tb, 1, 10000, 'TB');
    if (bad) return bad;
    if ((args.tb ?? 0) > firm(ctx).secrets.homeTB)
      return `you have ${firm(ctx).secrets.homeTB} TB of prepared data at home`;
    if ((args.tb ?? 0) / (args.carriers ?? 1) > RULES.maxPerCarrierTB)
      return `each carrier holds at most ${RULES.maxPerCarrierTB} TB`;
    return null;
  },
  apply: (ctx, args, rng) => {
    const f = firm(ctx);
    const hub = requireHub(args);
    const tb = args.tb ?? 0;
    f.secrets.homeTB -= tb;
    f.secrets.couriers.push({
      id: newId(f, 'c', rng),
      from: 'CN',
      to: hub,
      carriers: args.carriers ?? 1,
      tb,
      model: 0,
      sentRound: ctx.state.round,
    });
    secretly(ctx.state, f, `Sent ${args.carriers} carriers with ${tb} TB to ${hubName(hub)}.`);
  },
});

export const registerEntity = defineMove({
  name: 'registerEntity',
  args: atHub,
  role,
  family: 'Offshore',
  label: 'Register a local entity',
  summary: 'A local company with local directors, to rent servers in a hub.',
  delay: 'At once.',
  risk: `Costs more under a permit regime ($${RULES.registerPermitCost}) and adds heat there.`,
  options: eachHub,
  cost: ({ state }, args) => ({
    cash:
      args.hub && state.places[args.hub]?.permit === 'permit'
        ? RULES.registerPermitCost
        : RULES.registerCost,
  }),
  check: (ctx, args) =>
    hubArg(args) ??
    (liveEntity(firm(ctx), requireHub(args)) ? 'you already have an entity there' : null),
  apply: (ctx, args, rng) => {
    const hub = requireHub(args);
    const f = firm(ctx);
    f.secrets.entities.push({ id: newId(f, 'e', rng), hub, exposed: false, listed: false });
    if (ctx.state.places[hub].permit === 'permit') addHeat(f, RULES.registerPermitHeat);
    secretly(ctx.state, f, `Registered a local entity in ${hubName(hub)}.`);
  },
});

export const leaseServers = defineMove({
  name: 'leaseServers',
  args: z.strictObject({ hub, pods: count }),
  role,
  family: 'Offshore',
  label: 'Lease offshore servers',
  summary: `Rent pods of top-chip servers through your local entity: $${RULES.leaseUpfrontPerPod} a pod now, $${RULES.rentPerPod} a pod each round.`,
  delay: 'At once.',
  risk: 'You get only the pods that are free when your order resolves (the rest is refunded); under a cloud know-your-customer rule every lease may be exposed each round.',
  options: () =>
    HUBS.flatMap((hub) => upTo(RULES.maxLeasePods).map((pods): MoveArgs => ({ hub, pods }))),
  cost: (_ctx, args) => ({ cash: RULES.leaseUpfrontPerPod * (args.pods ?? 1) }),
  check: (ctx, args) => {
    const bad = hubArg(args) ?? intArg(args.pods, 1, RULES.maxLeasePods, 'pods');
    if (bad) return bad;
    const hub = requireHub(args);
    const f = firm(ctx);
    if (!liveEntity(f, hub)) return `register a local entity in ${hubName(hub)} first`;
    if (ctx.state.places[hub].servers === 0) return `${hubName(hub)} has no servers to rent`;
    if (leasedPods(f, hub) + (args.pods ?? 0) > RULES.maxLeasePods)
      return `at most ${RULES.maxLeasePods} pods per hub`;
    return null;
  },
  apply: (ctx, args, rng) => {
    const hub = requireHub(args);
    const f = firm(ctx);
    const entity = liveEntity(f, hub);
    if (!entity) return;
    const asked = args.pods ?? 1;
    const pods = Math.min(asked, freeServers(ctx.state, hub));
    f.secrets.cash += (asked - pods) * RULES.leaseUpfrontPerPod;
    if (pods === 0) {
      secretly(
        ctx.state,
        f,
        `No servers were free in ${hubName(hub)}: the lease money is refunded.`,
      );
      return;
    }
    f.secrets.leases.push({
      id: newId(f, 'l', rng),
      hub,
      entity: entity.id,
      pods,
      exposed: entity.exposed,
    });
    takeServers(ctx.state, hub, pods);
    secretly(
      ctx.state,
      f,
      pods < asked
        ? `Leased ${pods} of the ${asked} pods you asked for in ${hubName(hub)} (the rest was taken).`
        : `Leased ${pods} pods of servers in ${hubName(hub)}.`,
    );
  },
});

export const train = defineMove({
  name: 'train',
  args: z.strictObject({ at: z.union([hub, z.literal('home')]) }),
  role,
  family: 'Training',
  label: 'Train a model',
  summary: `Where data and servers meet: +1 capability per pod and per ${RULES.tbPerCapability} TB used.`,
  delay: `Done after ${RULES.trainRounds} rounds.`,
  risk: `Listing your entity ends the training abroad; exposure makes it public. At home it is safe and the data stays for the next run, but home chips trail: a home model reaches at most the frontier −${RULES.homeGap}.`,
  options: () => [...HUBS.map((hub): MoveArgs => ({ at: hub })), { at: 'home' }],
  cost: () => ({ cash: RULES.trainCost }),
  check: (ctx, args) => {
    const at = args.at;
    if (at !== 'home' && !(HUBS as readonly string[]).includes(at ?? ''))
      return 'choose where to train';
    const f = firm(ctx);
    const where = at === 'home' || !at ? 'at home' : `in ${hubName(at)}`;
    if (trainingAt(f, at ?? 'home')) return `a training is already running ${where}`;
    const site = trainingSite(f, at ?? 'home');
    if (site.pods < 1)
      return at === 'home'
        ? 'you need at least one pod of chips at home'
        : `lease servers ${where} first`;
    if (site.tb < RULES.trainMinTB) return `you need ${RULES.trainMinTB} TB of data ${where}`;
    if (at === 'home' && f.capability >= homeCeiling(ctx.state, f))
      return `home chips cannot lift you past capability ${homeCeiling(ctx.state, f)}: train abroad`;
    return null;
  },
  apply: (ctx, args, rng) => {
    const f = firm(ctx);
    const at = args.at ?? 'home';
    const site = trainingSite(f, at);
    const tb = usableTB(site.pods, site.tb);
    // The lab's own data stays at home for its next run; data couriered abroad is spent there.
    if (at !== 'home') f.secrets.dataAt[at] = (f.secrets.dataAt[at] ?? 0) - tb;
    f.secrets.trainings.push({
      id: newId(f, 't', rng),
      at,
      pods: site.pods,
      tb,
      doneRound: dueAt(ctx.state, RULES.trainRounds),
      exposed: false,
    });
    secretly(
      ctx.state,
      f,
      `Started training on ${site.pods} pods with ${tb} TB ${at === 'home' ? 'at home' : `in ${hubName(at)}`}.`,
    );
  },
});

export const carryModelHome = defineMove({
  name: 'carryModelHome',
  args: atHub,
  role,
  family: 'Training',
  label: 'Carry the trained model home',
  summary: 'Fly the weights home; capability counts once they arrive.',
  delay: 'Arrives at the end of the round.',
  risk: `Exit customs may inspect the courier (${RULES.carryRiskPct}% of the usual odds).`,
  options: eachHub,
  cost: () => ({ cash: RULES.carryCost }),
  check: (ctx, args) =>
    hubArg(args) ??
    (firm(ctx).secrets.models.some((m) => m.hub === args.hub)
      ? null
      : `no trained model waiting in ${hubName(args.hub)}`),
  apply: (ctx, args, rng) => {
    const f = firm(ctx);
    const hub = requireHub(args);
    const model = f.secrets.models.find((m) => m.hub === hub);
    if (!model) return;
    f.secrets.models = f.secrets.models.filter((m) => m !== model);
    f.secrets.couriers.push({
      id: newId(f, 'c', rng),
      from: hub,
      to: 'CN',
      carriers: 1,
      tb: 1,
      model: model.gain,
      sentRound: ctx.state.round,
    });
    secretly(
      ctx.state,
      f,
      `An engineer carries a trained model (+${model.gain}) home from ${hubName(hub)}.`,
    );
  },
});

export const buyDomesticChips = defineMove({
  name: 'buyDomesticChips',
  args: none,
  role,
  family: 'Chips',
  label: 'Buy domestic accelerators',
  summary: `${RULES.domesticCompute / RULES.computePerPod} of a pod of slower home-grown chips for training at home.`,
  delay: 'At once.',
  risk: 'None, but they are dear and slow.',
  options: () => [{}],
  cost: () => ({ cash: RULES.domesticCost }),
  check: () => null,
  apply: (ctx) => {
    firm(ctx).secrets.homeCompute += RULES.domesticCompute;
    secretly(ctx.state, firm(ctx), 'Bought domestic accelerators.');
  },
});

export const buyCompliantChips = defineMove({
  name: 'buyCompliantChips',
  args: none,
  role,
  family: 'Chips',
  label: 'Buy China-edition chips',
  summary:
    'Lawful chips just under the line: most of a pod for training at home; the vendor is paid.',
  delay: 'At once.',
  risk: 'Only while the vendor has a chip that meets the current rules.',
  options: () => [{}],
  cost: () => ({ cash: RULES.compliantCost }),
  check: ({ state }) =>
    chinaEditionOnSale(state)
      ? null
      : 'the vendor has no China-edition chip that meets the current rules',
  apply: (ctx) => {
    firm(ctx).secrets.homeCompute += RULES.compliantCompute;
    ctx.state.vendor.cash += RULES.compliantCost;
    log(ctx.state, `${seatName(ctx.state, ctx.seat)} buys China-edition chips from the vendor.`);
    secretly(ctx.state, firm(ctx), 'Bought China-edition chips.');
  },
});

export const smuggleChips = defineMove({
  name: 'smuggleChips',
  args: atHub,
  role,
  family: 'Chips',
  label: 'Smuggle a pod of chips home',
  summary: `Buy servers in a hub under a false end-user statement and ship them home: top chips lift your home ceiling by ${RULES.maxSmuggledLift}, once.`,
  delay: 'At once.',
  risk: `Caught with ${RULES.smuggleRisk}% + the hub's customs odds (with alerts and permits) + ${RULES.customsPerHeat}% per heat: heat +${RULES.smuggleHeat}, your entity there is exposed.`,
  options: eachHub,
  cost: () => ({ cash: RULES.smuggleCost }),
  check: ({ state }, args) =>
    hubArg(args) ?? (freeServers(state, requireHub(args)) < 1 ? 'no free servers there' : null),
  apply: (ctx, args, rng) => {
    const f = firm(ctx);
    const hub = requireHub(args);
    const place = ctx.state.places[hub];
    if (rollPercent(rng, smuggleChance(ctx.state, hub, f.secrets.heat))) {
      addHeat(f, RULES.smuggleHeat);
      log(
        ctx.state,
        `Customs in ${hubName(hub)} stop a smuggled server shipment bound for ${seatName(ctx.state, ctx.seat)}.`,
      );
      secretly(ctx.state, f, `A smuggling attempt from ${hubName(hub)} was caught.`);
      const entity = liveEntity(f, hub);
      if (entity) exposeEntity(ctx.state, f, entity, 'The smuggling case');
      return;
    }
    place.servers -= 1;
    f.secrets.homeCompute += RULES.smuggleCompute;
    f.secrets.smuggledPods += 1;
    secretly(ctx.state, f, `Smuggled a pod of servers home from ${hubName(hub)}.`);
  },
});

export const FIRM_MOVES = [
  prepareData,
  courierData,
  registerEntity,
  leaseServers,
  train,
  carryModelHome,
  buyDomesticChips,
  buyCompliantChips,
  smuggleChips,
] as const;
