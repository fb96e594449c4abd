import type { HubId } from '../ids';
import { onRetainer } from '../lobbying';
import { RULES } from '../rules';
import { bestHub, chance, runRules, type BotContext, type Rule } from './context';
import {
  gap,
  openServers,
  pc,
  roomFor,
  standingBudget,
  standingCost,
  suspicion,
} from './regulator-signals';
import type { BotChoice } from './types';

/**
 * The regulator reads public signals (leased pods per hub, seizures, exposures, capability
 * against the frontier): it checks where leasing is and lists what it exposes, presses hubs
 * towards permit regimes and licences where servers pile up, tightens as a firm nears the
 * frontier, always keeping the hubs' standing above its own minimum.
 */

const list: Rule = ({ legal }) => legal.first('listEntity');

/** Evidence worth a check: a KYC flag, a jump in demand, or fresh signals. */
const SUSPICION_BAR = 10;

const check: Rule = (ctx) => {
  const v = ctx.view;
  if (pc(v) < RULES.checkPc + RULES.listPc && !chance(ctx, 30)) return null;
  const planned = new Set(
    (v.plans[ctx.seat]?.orders ?? [])
      .filter((o) => o.move === 'endUseCheck')
      .map((o) => o.args.hub),
  );
  return bestHub(
    ctx,
    'endUseCheck',
    (h) => suspicion(v, h),
    (h) => suspicion(v, h) >= SUSPICION_BAR && !planned.has(h),
  );
};

/** One check a round comes first; a second only when nothing else is worth doing. */
const firstCheck: Rule = (ctx) =>
  (ctx.view.plans[ctx.seat]?.orders ?? []).every((o) => o.move !== 'endUseCheck')
    ? check(ctx)
    : null;

/**
 * The vendor's lobbyists on retainer would push a new rule back: wait them out, unless a firm is
 * too close to the frontier to wait.
 */
const waitOutLobbyists = (v: BotContext['view']): boolean => onRetainer(v) && gap(v) > 2;

const tighten: Rule = (ctx) => {
  const v = ctx.view;
  if (waitOutLobbyists(v)) return null;
  if (gap(v) > 7 || v.tension + RULES.tightenTension >= RULES.tensionRetaliationAt) return null;
  if (v.vendor.compliantLevel !== v.controlLevel || pc(v) < RULES.tightenPc + 1) return null;
  return ctx.legal.first('tightenControls');
};

/** Where a firm could rent next: leasing, fresh signals, idle servers and room for more. */
const exposure = (v: BotContext['view'], h: HubId): number =>
  suspicion(v, h) + openServers(v, h) + roomFor(v, h);

const licence: Rule = (ctx) => {
  const v = ctx.view;
  if (waitOutLobbyists(v)) return null;
  if (pc(v) < RULES.licencePc + 1) return null;
  if (v.tension + RULES.licenceTension >= RULES.tensionRetaliationAt) return null;
  if (standingBudget(v) < standingCost(v, RULES.licenceStandingLoss)) return null;
  return bestHub(ctx, 'extendLicence', (h) => exposure(v, h));
};

const press: Rule = (ctx) => {
  const v = ctx.view;
  if (pc(v) < RULES.pressPc + 1) return null;
  const cost = standingCost(v, RULES.pressStandingLoss, RULES.pressureStandingLossPerRound);
  if (standingBudget(v) < cost) return null;
  const worth = (h: HubId): number => suspicion(v, h) + openServers(v, h);
  const bar = pc(v) >= 4 ? 0 : 3;
  return bestHub(ctx, 'pressHub', worth, (h) => worth(h) >= bar && v.places[h].standing >= 4);
};

const alert: Rule = (ctx) => {
  const v = ctx.view;
  if (pc(v) < RULES.alertPc + RULES.listPc) return null;
  return bestHub(
    ctx,
    'customsAlert',
    (h) => suspicion(v, h),
    (h) => suspicion(v, h) > 2,
  );
};

/** Know-your-customer screening pays off over time: worth it once leasing shows and capital is spare. */
const kyc: Rule = (ctx) => {
  const v = ctx.view;
  if (v.rounds - v.round < RULES.kycDelay + 1 || pc(v) < RULES.kycPc + 3) return null;
  const busy = Object.values(v.places).some((p) => p.demand > 0);
  return busy ? ctx.legal.first('cloudKyc') : null;
};

/** A revenue-share licence buys capital; granted only while the firms are far from the frontier. */
const grantShare: Rule = (ctx) =>
  gap(ctx.view) >= 4 ? ctx.legal.first('grantRevenueShare') : null;

const IN_ORDER: readonly Rule[] = [
  list,
  firstCheck,
  grantShare,
  tighten,
  kyc,
  licence,
  press,
  check,
  alert,
];

export const regulatorBot = (ctx: BotContext): BotChoice => runRules(ctx, IN_ORDER);
