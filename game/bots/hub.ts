import { averageStanding, podCapacity } from '../access';
import { HUBS, POSTURES, type HubId } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { bestHub, rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import type { BotChoice } from './types';

/**
 * The hub governments: invest (leasing funds, new capacity) while the average standing stays
 * above the minimum; answer regulator pressure with a permit regime; shore standing up with
 * permits (or stricter customs where no one leases) when it runs low, and keep more of it once
 * investment is on course for the target.
 */

/** Average standing the hubs keep above their minimum, as a cushion against next round. */
const CUSHION = 0.4;
/** The cushion once investment is on course: standing is then what can still lose the game. */
const SAFE_CUSHION = 1.2;

/** Investment on course for the target: what the hubs have plus this round's lease income to the end. */
function investmentOnCourse(view: GameState): boolean {
  const leased = HUBS.reduce((n, h) => n + view.places[h].demand, 0);
  const ahead = Math.floor(leased / RULES.leaseInvestmentPerPods) * (roundsLeft(view) + 1);
  return view.hub.investment + ahead >= view.victory.hubInvestment;
}

const cushion = (view: GameState): number => (investmentOnCourse(view) ? SAFE_CUSHION : CUSHION);

const permitPending = (view: GameState, hub: HubId): boolean =>
  view.pending.some((p) => p.kind === 'permit' && p.hub === hub);

/** A permit announced now is in force before the game ends. */
const permitInTime = (view: GameState): boolean => roundsLeft(view) >= RULES.permitDelay;

/**
 * Average standing above the minimum as it will stand: pressed hubs bleed at the end of this
 * round, announced permits add their gain when they come into force.
 */
function margin(view: GameState): number {
  const bleed = HUBS.filter(
    (h) => view.places[h].pressure > 0 && view.places[h].permit !== 'permit',
  ).length;
  const coming = HUBS.filter((h) => permitPending(view, h)).length;
  const points = -bleed * RULES.pressureStandingLossPerRound + coming * RULES.permitStandingGain;
  return averageStanding(view) + points / HUBS.length - view.victory.hubMinStanding;
}

const canPermit = (view: GameState, h: HubId): boolean =>
  view.places[h].permit !== 'permit' && !permitPending(view, h);

const answerPressure: Rule = (ctx) => {
  const v = ctx.view;
  if (!permitInTime(v)) return null;
  const hub = HUBS.find((h) => v.places[h].pressure > 0 && canPermit(v, h));
  return hub ? ctx.legal.find('setPermitRegime', { hub, permit: 'permit' }) : null;
};

const rank = (view: GameState, h: HubId): number => POSTURES.indexOf(view.places[h].customs);

/** With standing near the line: a permit regime where no one leases, else stricter customs. */
const shoreUp: Rule = (ctx) => {
  const v = ctx.view;
  if (margin(v) >= cushion(v)) return null;
  const quiet = (h: HubId): number => -3 * v.places[h].demand - rank(v, h);
  if (permitInTime(v)) {
    const permit = rankHubs(ctx, quiet, (h) => canPermit(v, h))[0];
    if (permit) return ctx.legal.find('setPermitRegime', { hub: permit, permit: 'permit' });
  }
  const hub = rankHubs(ctx, quiet, (h) => rank(v, h) < POSTURES.length - 1)[0];
  return hub
    ? ctx.legal.find('setCustomsPosture', { hub, posture: POSTURES[rank(v, hub) + 1] })
    : null;
};

const fund: Rule = (ctx) => {
  const v = ctx.view;
  if (margin(v) - RULES.fundStandingLoss / HUBS.length < cushion(v)) return null;
  const score = (h: HubId): number =>
    (v.places[h].customs === 'lax' ? 2 : 0) - v.places[h].servers / 4;
  return bestHub(ctx, 'inviteLeasingFund', score);
};

const build: Rule = (ctx) => {
  const v = ctx.view;
  const room = (h: HubId): number => podCapacity(v.places[h]) - v.places[h].servers;
  return bestHub(ctx, 'buildCapacity', (h) => v.places[h].demand - room(h));
};

const IN_ORDER: readonly Rule[] = [answerPressure, shoreUp, fund, build];

export const hubBot = (ctx: BotContext): BotChoice => runRules(ctx, IN_ORDER);
