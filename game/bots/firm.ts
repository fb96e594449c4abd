import { HUBS, type HubId } from '../ids';
import { RULES } from '../rules';
import type { FirmState } from '../state';
import { rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import {
  bestCarriers,
  dataNear,
  homePods,
  leasedAt,
  liveEntity,
  podsOpen,
  siteScore,
  spare,
  trainingAt,
} from './firm-plan';
import type { BotChoice } from './types';

/**
 * The AI firm: rent servers in a lax hub through a local entity, courier prepared data there in
 * light bags, train, carry the model home; buy China-edition chips and train at home too.
 */
const me = (ctx: BotContext): FirmState => ctx.view.firms[ctx.seat];

/** A firm idea, given the hub chosen for the offshore site this decision. */
type FirmRule = (ctx: BotContext, hub: HubId | null) => BotChoice | null;

/** Pods of home chips worth owning: more cannot be fed with data. */
const HOME_PODS_WANTED = 2;

/** The hub the firm builds its offshore site in: the best-scoring one with room. */
function target(ctx: BotContext): HubId | null {
  const f = me(ctx);
  const score = (h: HubId): number => siteScore(ctx.view, f, h);
  return rankHubs(ctx, score, (h) => score(h) > -50)[0] ?? null;
}

/** An offshore training started now finishes and flies home before the game ends. */
const offshoreTime = (ctx: BotContext): boolean => roundsLeft(ctx.view) >= RULES.trainRounds;

const carryHome: FirmRule = ({ legal }) => legal.first('carryModelHome');

const trainOffshore: FirmRule = (ctx) => {
  if (!offshoreTime(ctx)) return null;
  const f = me(ctx);
  return ctx.legal.first(
    'train',
    (a) => a.at !== 'home' && !!a.at && !liveEntity(f, a.at)?.exposed,
  );
};

/** An offshore site leased and idle with too little data there or on the way. */
const starving = (f: FirmState): boolean =>
  HUBS.some((h) => leasedAt(f, h) > 0 && !trainingAt(f, h) && dataNear(f, h) < RULES.trainMinTB);

const trainHome: FirmRule = (ctx) => {
  const f = me(ctx);
  if (roundsLeft(ctx.view) < RULES.trainRounds - 1) return null;
  if (starving(f) && f.secrets.homeTB < homePods(f) * RULES.maxPerCarrierTB + 20) return null;
  return ctx.legal.find('train', { at: 'home' });
};

const buyCompliant: FirmRule = (ctx) => {
  const f = me(ctx);
  if (roundsLeft(ctx.view) < RULES.trainRounds || homePods(f) >= HOME_PODS_WANTED) return null;
  const cushion = RULES.trainCost + RULES.carrierCost * 2 + RULES.prepareCost;
  const enough = spare(ctx.view, f) >= RULES.compliantCost + cushion;
  return enough ? ctx.legal.first('buyCompliantChips') : null;
};

const lease: FirmRule = (ctx, hub) => {
  const f = me(ctx);
  if (!hub || !offshoreTime(ctx) || trainingAt(f, hub)) return null;
  if (dataNear(f, hub) < RULES.trainMinTB) return null;
  const entity = liveEntity(f, hub);
  if (!entity || entity.exposed) return null;
  const want = podsOpen(ctx.view, f, hub) - leasedAt(f, hub);
  const perPod = RULES.leaseUpfrontPerPod + RULES.rentPerPod;
  const pods = Math.min(want, Math.floor((spare(ctx.view, f) - RULES.trainCost) / perPod));
  return pods >= 1 ? ctx.legal.find('leaseServers', { hub, pods }) : null;
};

const register: FirmRule = (ctx, hub) => {
  const f = me(ctx);
  if (!hub || liveEntity(f, hub) || roundsLeft(ctx.view) < RULES.trainRounds + 1) return null;
  if (f.secrets.homeTB + dataNear(f, hub) < 20) return null;
  const permit = ctx.view.places[hub].permit === 'permit';
  const cost = permit ? RULES.registerPermitCost : RULES.registerCost;
  return spare(ctx.view, f) >= cost + 2 ? ctx.legal.find('registerEntity', { hub }) : null;
};

/** TB the firm keeps at home for its next home training. */
const homeKeep = (f: FirmState): number =>
  trainingAt(f, 'home') ? 0 : homePods(f) * RULES.maxPerCarrierTB;

/** Where data should fly: a leased site waiting for its next run first, else the target. */
function destination(ctx: BotContext, hub: HubId | null): HubId | null {
  const f = me(ctx);
  const usable = (h: HubId): boolean => !!liveEntity(f, h) && !liveEntity(f, h)?.exposed;
  const waiting = HUBS.filter((h) => usable(h) && leasedAt(f, h) > 0 && dataNear(f, h) < 20);
  return (
    waiting.sort((a, b) => leasedAt(f, b) - leasedAt(f, a))[0] ?? (hub && usable(hub) ? hub : null)
  );
}

const courier: FirmRule = (ctx, target) => {
  const f = me(ctx);
  const hub = destination(ctx, target);
  if (!hub || roundsLeft(ctx.view) < RULES.trainRounds + 1) return null;
  if (ctx.view.places[hub].alertUntil >= ctx.view.round) return null;
  const need = podsOpen(ctx.view, f, hub) * RULES.maxPerCarrierTB - dataNear(f, hub);
  const can = f.secrets.homeTB - (starving(f) ? 0 : homeKeep(f));
  if (dataNear(f, hub) >= 20 && can < 80) return null;
  const half = Math.max(20, can / 2);
  const tb = [160, 120, 80, 60, 40, 20].find((t) => t <= can && t <= half && t < need + 20);
  if (!tb) return null;
  const carriers = bestCarriers(ctx.view, f, hub, tb, spare(ctx.view, f));
  return carriers > 0 ? ctx.legal.find('courierData', { hub, tb, carriers }) : null;
};

const prepare: FirmRule = (ctx) => {
  const f = me(ctx);
  if (roundsLeft(ctx.view) < RULES.trainRounds) return null;
  const digest = (h: HubId): number =>
    leasedAt(f, h) > 0 || liveEntity(f, h)
      ? podsOpen(ctx.view, f, h) * RULES.maxPerCarrierTB - dataNear(f, h)
      : 0;
  const offshore = HUBS.reduce((n, h) => n + Math.max(0, digest(h)), 0);
  const want = Math.max(40, homePods(f) * RULES.maxPerCarrierTB + offshore);
  if (f.secrets.homeTB + f.secrets.preparingTB >= want) return null;
  return spare(ctx.view, f) >= RULES.prepareCost ? ctx.legal.first('prepareData') : null;
};

const buyDomestic: FirmRule = (ctx) => {
  const f = me(ctx);
  if (ctx.legal.can('buyCompliantChips') || homePods(f) >= 1) return null;
  if (roundsLeft(ctx.view) < RULES.trainRounds) return null;
  return spare(ctx.view, f) >= RULES.domesticCost + 4 ? ctx.legal.first('buyDomesticChips') : null;
};

const IN_ORDER: readonly FirmRule[] = [
  carryHome,
  trainOffshore,
  trainHome,
  lease,
  register,
  courier,
  buyCompliant,
  prepare,
  buyDomestic,
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
