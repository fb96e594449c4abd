import { averageStanding } from '../access';
import { HUBS, type HubId } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { chance, rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import type { BotChoice } from './types';

/**
 * The regulator reads public signals (leased pods per hub, seizures, exposures, capability
 * against the frontier), checks and alerts where leasing is, lists what it exposes, and
 * tightens as a firm nears the frontier, always keeping the hubs' standing above its minimum.
 */

const pc = (view: GameState): number => view.regulator.pc;

/** How close the nearest firm is to the frontier (0 or less: it is there). */
const gap = (view: GameState): number =>
  Math.min(...Object.values(view.firms).map((f) => view.frontier - f.capability));

/** Signals about a hub in the last two rounds (seizures, exposures). */
const recentSignals = (view: GameState, hub: HubId): number =>
  view.signals.filter((s) => s.hub === hub && s.round >= view.round - 2).length;

/** Where the firms seem to be working: leased pods weigh most, then fresh signals. */
function suspicion(view: GameState, hub: HubId): number {
  const place = view.places[hub];
  let s = 3 * place.leased + 2 * recentSignals(view, hub);
  if (place.permit === 'permit') s += 1;
  if (place.standing < RULES.lowStanding) s -= 2;
  return s;
}

/** Standing the hubs would keep to the end if every pressed hub resisted, with one more press. */
function standingAfterPress(view: GameState): number {
  const pressed = HUBS.filter(
    (h) => view.places[h].pressure > 0 && view.places[h].permit !== 'permit',
  ).length;
  return averageStanding(view) - ((pressed + 1) * (roundsLeft(view) + 1)) / HUBS.length;
}

const list: Rule = ({ legal }) => legal.first('listEntity');

const check: Rule = (ctx) => {
  if (pc(ctx.view) < RULES.checkPc + RULES.listPc && !chance(ctx, 30)) return null;
  const hub = rankHubs(
    ctx,
    (h) => suspicion(ctx.view, h),
    (h) => ctx.view.places[h].leased > 0,
  )[0];
  return hub ? ctx.legal.find('endUseCheck', { hub }) : null;
};

const alert: Rule = (ctx) => {
  if (pc(ctx.view) < RULES.alertPc + RULES.listPc || roundsLeft(ctx.view) < 2) return null;
  const hub = rankHubs(
    ctx,
    (h) => suspicion(ctx.view, h),
    (h) => suspicion(ctx.view, h) > 0,
  )[0];
  return hub ? ctx.legal.find('customsAlert', { hub }) : null;
};

const tighten: Rule = (ctx) => {
  const v = ctx.view;
  if (gap(v) > 5 || v.tension + RULES.tightenTension >= RULES.tensionRetaliationAt) return null;
  if (v.vendor.compliantLevel !== v.controlLevel || pc(v) < RULES.tightenPc + RULES.listPc)
    return null;
  return ctx.legal.first('tightenControls');
};

const kyc: Rule = (ctx) => {
  const v = ctx.view;
  if (roundsLeft(v) < RULES.kycDelay + 1 || pc(v) < RULES.kycPc + 2) return null;
  return HUBS.some((h) => v.places[h].leased > 0) ? ctx.legal.first('cloudKyc') : null;
};

const press: Rule = (ctx) => {
  const v = ctx.view;
  if (pc(v) < RULES.pressPc + 2 || standingAfterPress(v) < v.victory.regulatorMinStanding + 0.5)
    return null;
  const hub = rankHubs(
    ctx,
    (h) => suspicion(v, h),
    (h) => v.places[h].leased > 0 && v.places[h].standing >= 5,
  )[0];
  return hub ? ctx.legal.find('pressHub', { hub }) : null;
};

const RULES_IN_ORDER: readonly Rule[] = [list, check, tighten, alert, kyc, press];

export const regulatorBot = (ctx: BotContext): BotChoice => runRules(ctx, RULES_IN_ORDER);
