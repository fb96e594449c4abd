import { podCapacity } from '../access';
import { HUBS, type HubId } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { gap } from './regulator-signals';
import { bestHub, rankHubs, roundsLeft, runRules, type BotContext, type Rule } from './context';
import type { BotChoice } from './types';

/**
 * The chip vendor: keep a China edition that meets the rules, ship to hubs with room, audit
 * distributors where leasing is high, lobby against announced rules, launch a generation when
 * it would pay for itself.
 */

const cash = (view: GameState): number => view.vendor.cash;

const tighteningAhead = (view: GameState): boolean =>
  view.pending.some((p) => p.kind === 'controlLevel');

const incoming = (view: GameState, hub: HubId): number =>
  view.pending.reduce((n, p) => (p.kind === 'shipment' && p.hub === hub ? n + p.pods : n), 0);

const room = (view: GameState, hub: HubId): number =>
  podCapacity(view.places[hub]) - view.places[hub].servers - incoming(view, hub);

const design: Rule = (ctx) => {
  const v = ctx.view;
  if (tighteningAhead(v) || roundsLeft(v) < RULES.designDelay) return null;
  return ctx.legal.first('designCompliantChip');
};

const ship: Rule = (ctx) => {
  const v = ctx.view;
  const rate = (h: HubId): number =>
    v.places[h].licence ? RULES.shipLicencedRevenuePerPod : RULES.shipRevenuePerPod;
  const hubs = rankHubs(
    ctx,
    (h) => rate(h) * 10 + v.places[h].demand,
    (h) => room(v, h) > 0,
  );
  for (const hub of hubs) {
    const best = ctx.legal
      .of('shipChips')
      .filter((a) => a.hub === hub)
      .sort((a, b) => (b.pods ?? 0) - (a.pods ?? 0))[0];
    if (best) return { move: 'shipChips', args: best };
  }
  return null;
};

/**
 * Due diligence where its chips sell and demand climbs: an audit costs less than a fine, and
 * finding a front company first keeps the vendor's name out of the regulator's report.
 */
const audit: Rule = (ctx) => {
  const v = ctx.view;
  if (cash(v) < RULES.auditCost + 6 || roundsLeft(v) < 1) return null;
  if ((v.plans[ctx.seat]?.orders ?? []).some((o) => o.move === 'auditDistributors')) return null;
  const score = (h: HubId): number =>
    3 * (v.places[h].demand - v.places[h].demandLast) +
    v.places[h].servers / 2 +
    v.signals.filter((s) => s.hub === h && s.kind !== 'exposure' && s.round >= v.round - 2).length *
      4;
  return bestHub(ctx, 'auditDistributors', score, (h) => score(h) >= 6);
};

/**
 * Lobbyists on retainer when the regulator can afford a rule that would cost the vendor: a
 * tighter line while the China edition sells, or licences for the hubs its chips go to.
 */
const lobby: Rule = (ctx) => {
  const v = ctx.view;
  if (cash(v) < RULES.lobbyCost + 4 || roundsLeft(v) < 1) return null;
  const editionSells = v.vendor.compliantLevel >= 0 && v.vendor.compliantLevel === v.controlLevel;
  const tighteningThreat =
    editionSells &&
    v.controlLevel < RULES.maxControlLevel &&
    !tighteningAhead(v) &&
    v.regulator.pc > RULES.tightenPc &&
    gap(v) <= 7 &&
    v.tension + RULES.tightenTension < RULES.tensionRetaliationAt;
  const open = HUBS.filter((h) => !v.places[h].licence && room(v, h) > 0).length;
  const licenceThreat = open <= 2 && open > 0 && v.regulator.pc > RULES.licencePc;
  return tighteningThreat || licenceThreat ? ctx.legal.first('lobby') : null;
};

const generation: Rule = (ctx) => {
  const v = ctx.view;
  const paying = roundsLeft(v) - RULES.generationDelay + 1;
  if (
    paying * RULES.generationIncome < RULES.generationCost + 2 ||
    cash(v) < RULES.generationCost + 4
  )
    return null;
  return ctx.legal.first('launchGeneration');
};

/** Under a line its China edition no longer meets, the vendor offers the regulator a share. */
const revenueShare: Rule = (ctx) =>
  cash(ctx.view) >= RULES.revenueShareCost + 4 && gap(ctx.view) >= 4
    ? ctx.legal.first('applyRevenueShare')
    : null;

const RULES_IN_ORDER: readonly Rule[] = [design, ship, lobby, revenueShare, audit, generation];

export const vendorBot = (ctx: BotContext): BotChoice => runRules(ctx, RULES_IN_ORDER);
