import { HUBS, type HubId } from '../ids';
import { RULES } from '../rules';
import type { FirmState } from '../state';
import { homeCeiling } from '../training';
import { chance, rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import {
  bestCarriers,
  dataNear,
  exposedIn,
  homePods,
  leasedAt,
  liveEntity,
  podsOpen,
  siteScore,
  spare,
  trainingAt,
  workableEntity,
} from './firm-plan';
import type { BotChoice } from './types';

/**
 * The AI firm plays the story: a local entity in the best hub, data flown there in light bags,
 * servers leased as the data lands, a training run, the weights carried home; home chips keep it
 * close behind the frontier meanwhile (they trail it), and now and then a smuggled pod.
 */
const me = (ctx: BotContext): FirmState => ctx.view.firms[ctx.seat];

type FirmRule = (ctx: BotContext, hub: HubId | null) => BotChoice | null;

/** The hub the firm builds its offshore site in: the best-scoring one with room. */
function target(ctx: BotContext): HubId | null {
  const f = me(ctx);
  const score = (h: HubId): number => siteScore(ctx.view, f, h);
  return rankHubs(ctx, score, (h) => score(h) > -50)[0] ?? null;
}

/** Rounds an offshore run needs from now: train, finish, fly home. */
const offshoreTime = (ctx: BotContext): boolean => roundsLeft(ctx.view) >= RULES.trainRounds;

const carryHome: FirmRule = ({ legal }) => legal.first('carryModelHome');

const trainOffshore: FirmRule = (ctx) => {
  if (!offshoreTime(ctx)) return null;
  const f = me(ctx);
  const ready = ctx.legal
    .of('train')
    .filter((a) => a.at !== 'home' && !!a.at && !!workableEntity(ctx.view, f, a.at as HubId));
  return ready[0] ? { move: 'train', args: ready[0] } : null;
};

const register: FirmRule = (ctx, hub) => {
  const f = me(ctx);
  if (!hub || liveEntity(f, hub) || roundsLeft(ctx.view) < RULES.trainRounds + 1) return null;
  const sites = HUBS.filter((h) => workableEntity(ctx.view, f, h));
  // A second site spreads the risk, when cash allows and time remains for a run there.
  const rich = spare(ctx.view, f) >= 12 && roundsLeft(ctx.view) >= RULES.trainRounds + 2;
  if (sites.some((h) => leasedAt(f, h) > 0) && (!rich || sites.length >= 2)) return null;
  return ctx.legal.find('registerEntity', { hub });
};

/**
 * Where data should fly: a site with an entity that is short of data for its pods, an unexposed
 * one first, then the one with the most pods leased.
 */
function destination(ctx: BotContext, hub: HubId | null): HubId | null {
  const f = me(ctx);
  const usable = (h: HubId): boolean => !!workableEntity(ctx.view, f, h);
  const short = (h: HubId): number =>
    podsOpen(ctx.view, f, h) * RULES.maxPerCarrierTB - dataNear(f, h);
  const sites = HUBS.filter((h) => usable(h) && !trainingAt(f, h) && short(h) >= 20);
  return (
    sites.sort(
      (a, b) =>
        Number(exposedIn(f, a)) - Number(exposedIn(f, b)) || leasedAt(f, b) - leasedAt(f, a),
    )[0] ?? (hub && usable(hub) ? hub : null)
  );
}

const courier: FirmRule = (ctx, site) => {
  const f = me(ctx);
  const hub = destination(ctx, site);
  if (!hub || roundsLeft(ctx.view) < RULES.trainRounds + 1) return null;
  if (ctx.view.places[hub].alertUntil >= ctx.view.round && chance(ctx, 60)) return null;
  const need = podsOpen(ctx.view, f, hub) * RULES.maxPerCarrierTB - dataNear(f, hub);
  const can = f.secrets.homeTB;
  const most = Math.min(can, need, RULES.maxCarriers * RULES.maxPerCarrierTB);
  const tb = Math.floor(most / RULES.courierStepTB) * RULES.courierStepTB;
  if (tb < RULES.trainMinTB) return null;
  const carriers = bestCarriers(ctx.view, f, hub, tb, spare(ctx.view, f));
  return carriers > 0 ? ctx.legal.find('courierData', { hub, tb, carriers }) : null;
};

/**
 * Pods leased beyond the data at hand: each pod adds capability of its own, so spare cash is
 * better spent on compute than kept, at the price of a larger footprint in the hub's demand.
 */
const EXTRA_PODS = 2;

/** With this few rounds left, a run leased now is the firm's last (train, then fly the weights home). */
const LAST_RUN_ROUNDS = 3;

/** Pods to lease beyond the data: one more on the firm's last run, when cash kept back buys nothing. */
const extraPods = (ctx: BotContext): number =>
  roundsLeft(ctx.view) <= LAST_RUN_ROUNDS ? EXTRA_PODS + 1 : EXTRA_PODS;

const lease: FirmRule = (ctx) => {
  const f = me(ctx);
  if (!offshoreTime(ctx)) return null;
  const sites = HUBS.filter((h) => workableEntity(ctx.view, f, h) && !trainingAt(f, h)).filter(
    (h) => dataNear(f, h) >= RULES.trainMinTB,
  );
  for (const hub of sites) {
    const want = Math.min(
      podsOpen(ctx.view, f, hub) - leasedAt(f, hub),
      Math.ceil(dataNear(f, hub) / RULES.maxPerCarrierTB) + extraPods(ctx) - leasedAt(f, hub),
    );
    const perPod = RULES.leaseUpfrontPerPod + RULES.rentPerPod;
    const pods = Math.min(want, Math.floor((spare(ctx.view, f) - RULES.trainCost) / perPod));
    if (pods >= 1) {
      const choice = ctx.legal.find('leaseServers', { hub, pods });
      if (choice) return choice;
    }
  }
  return null;
};

const prepare: FirmRule = (ctx) => {
  const f = me(ctx);
  if (roundsLeft(ctx.view) < RULES.trainRounds + 1) return null;
  if (f.secrets.homeTB + f.secrets.preparingTB >= 120 || f.secrets.preparingTB > 0) return null;
  return spare(ctx.view, f) >= RULES.prepareCost + 2 ? ctx.legal.first('prepareData') : null;
};

/** Cheap capability at home while it is under the home ceiling. */
const trainHome: FirmRule = (ctx) => {
  const f = me(ctx);
  if (f.capability >= homeCeiling(ctx.view, f) || roundsLeft(ctx.view) < RULES.trainRounds - 1)
    return null;
  return ctx.legal.find('train', { at: 'home' });
};

const homeChips: FirmRule = (ctx) => {
  const f = me(ctx);
  if (homePods(f) >= 1 || f.capability >= homeCeiling(ctx.view, f)) return null;
  if (roundsLeft(ctx.view) < RULES.trainRounds) return null;
  if (spare(ctx.view, f) < RULES.compliantCost + 6) return null;
  return ctx.legal.first('buyCompliantChips') ?? ctx.legal.first('buyDomesticChips');
};

/** A smuggled pod lifts the home ceiling; worth a gamble when customs are lax and cash spare. */
const smuggle: FirmRule = (ctx) => {
  const f = me(ctx);
  if (spare(ctx.view, f) < RULES.smuggleCost + 8 || f.secrets.heat > 3 || !chance(ctx, 25))
    return null;
  return ctx.legal.first('smuggleChips', (a) => ctx.view.places[a.hub as HubId].customs === 'lax');
};

/** Home steps first: they keep the firm near the rising frontier while the offshore chain is built. */
const IN_ORDER: readonly FirmRule[] = [
  carryHome,
  trainOffshore,
  trainHome,
  homeChips,
  register,
  courier,
  lease,
  prepare,
  smuggle,
];

export function firmBot(ctx: BotContext): BotChoice {
  const hub = target(ctx);
  return runRules(
    ctx,
    IN_ORDER.map(
      (rule): Rule =>
        (c) =>
          rule(c, hub),
    ),
  );
}
