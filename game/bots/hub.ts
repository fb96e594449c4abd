import { averageStanding, podCapacity } from '../access';
import { HUBS, POSTURES, type HubId } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import type { BotChoice } from './types';

/**
 * The hub governments: invest (leasing funds, new capacity) while the average standing stays
 * above the minimum; answer regulator pressure with a permit regime; tighten customs where no
 * one leases when standing runs low.
 */

const margin = (view: GameState): number => averageStanding(view) - view.victory.hubMinStanding;

const permitPending = (view: GameState, hub: HubId): boolean =>
  view.pending.some((p) => p.kind === 'permit' && p.hub === hub);

/** Standing the hubs are losing each round to pressure they have not answered yet. */
const bleeding = (view: GameState): number =>
  HUBS.filter(
    (h) =>
      view.places[h].pressure > 0 && view.places[h].permit !== 'permit' && !permitPending(view, h),
  ).length;

const answerPressure: Rule = (ctx) => {
  const hub = HUBS.find((h) => ctx.view.places[h].pressure > 0 && !permitPending(ctx.view, h));
  return hub ? ctx.legal.find('setPermitRegime', { hub, permit: 'permit' }) : null;
};

/** With standing near the line, a stricter customs post where no one leases costs nothing. */
const shoreUp: Rule = (ctx) => {
  const v = ctx.view;
  if (margin(v) - bleeding(v) / HUBS.length >= 0.8) return null;
  const rank = (h: HubId): number => POSTURES.indexOf(v.places[h].customs);
  const hub = rankHubs(
    ctx,
    (h) => -v.places[h].leased * 3 - rank(h),
    (h) => rank(h) < 2,
  )[0];
  if (hub) return ctx.legal.find('setCustomsPosture', { hub, posture: POSTURES[rank(hub) + 1] });
  const quiet = rankHubs(
    ctx,
    (h) => -v.places[h].leased,
    (h) => v.places[h].permit !== 'permit' && !permitPending(v, h),
  )[0];
  return quiet ? ctx.legal.find('setPermitRegime', { hub: quiet, permit: 'permit' }) : null;
};

const fund: Rule = (ctx) => {
  const v = ctx.view;
  if (margin(v) - RULES.fundStandingLoss / HUBS.length < 0.8) return null;
  const hub = rankHubs(
    ctx,
    (h) => (v.places[h].customs === 'lax' ? 2 : 0) - v.places[h].servers / 4,
  )[0];
  const pick = HUBS.includes(hub) ? ctx.legal.find('inviteLeasingFund', { hub }) : null;
  return pick ?? ctx.legal.first('inviteLeasingFund');
};

const build: Rule = (ctx) => {
  const v = ctx.view;
  if (roundsLeft(v) < 1 && v.hub.cash < RULES.buildCost) return null;
  const roomOf = (h: HubId): number => podCapacity(v.places[h]) - v.places[h].servers;
  const hub = rankHubs(
    ctx,
    (h) => v.places[h].leased - roomOf(h) + (v.places[h].leasingFund ? 0 : 1),
  )[0];
  return (hub && ctx.legal.find('buildCapacity', { hub })) ?? ctx.legal.first('buildCapacity');
};

const RULES_IN_ORDER: readonly Rule[] = [answerPressure, shoreUp, fund, build];

export const hubBot = (ctx: BotContext): BotChoice => runRules(ctx, RULES_IN_ORDER);
