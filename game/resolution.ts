import {
  addHeat,
  addStanding,
  addTension,
  allFirms,
  averageStanding,
  log,
  podCapacity,
  seatName,
  secretly,
  signal,
} from './access';
import { carrierStopChance, exposeEntity, kycScreenChance } from './detection';
import { dealCards, isDealRound } from './events/deal';
import { checkConditionalInjects } from './events/injects';
import {
  driftOrdinaryDemand,
  podsRented,
  publishDemand,
  releaseServers,
  reportKycFlags,
} from './market';
import { cardIn, fireInjects, resolveCards } from './orders/cards';
import { resolveOrdersAt } from './orders/resolve';
import { newSalt } from './orders/seal';
import { stepNumber, type ResolutionStep } from './orders/steps';
import { HUBS, isHub } from './ids';
import { addIndicators } from './indicators';
import { hubName } from './moves/common';
import { rollPercent, type RngState } from './random';
import { RULES } from './rules';
import { decideOutcome, provisionalWinners } from './scoring';
import { homeCeiling, rentFor, trainingGain } from './training';
import type { Courier, FirmState, GameState, Pending } from './state';

/**
 * Resolution, once every seat has submitted: the steps of RESOLUTION_STEPS in order, then the
 * next round opens (or the game ends). Each step stamps the log lines it writes with its number,
 * which is what the round recap groups by.
 */
export function resolveRound(state: GameState): void {
  const rng = state.secret?.rng;
  if (!rng) throw new Error('resolution needs the match secret');
  const at = (name: ResolutionStep): void => {
    state.step = stepNumber(name);
  };
  state.news = [];
  // The log tells the round recap: this resolution, then the next round's opening. Earlier
  // lines have been told, and the match's replay gathers them all (replay/summary.ts).
  state.log = [];
  at('Cards played');
  resolveCards(state);
  for (const name of ORDER_STEPS) {
    at(name);
    resolveOrdersAt(state, stepNumber(name), rng);
  }
  at('Rules and deliveries fall due');
  applyDuePending(state);
  at('Couriers arrive');
  for (const firm of allFirms(state)) arriveCouriers(state, firm, rng);
  at('Trainings finish');
  for (const firm of allFirms(state)) finishTrainings(state, firm);
  for (const firm of allFirms(state)) finishDataPreparation(firm);
  at('Cloud screening');
  if (state.kyc) {
    for (const firm of allFirms(state)) screenLeases(state, firm, rng);
    reportKycFlags(state, rng);
  }
  at('Income and rent');
  payIncome(state);
  for (const firm of allFirms(state)) payRent(state, firm);
  at('Pressure, tension and heat');
  applyPressure(state);
  settleTension(state);
  for (const firm of allFirms(state)) addHeat(firm, -RULES.heatDecayPerRound);
  at('Markets report');
  driftOrdinaryDemand(state, rng);
  publishDemand(state, rng);
  at('Frontier and standings');
  advanceFrontier(state);
  if (state.round >= state.rounds) reckon(state);
  recordIndicators(state);
  checkConditionalInjects(state);
  sealRound(state);
  state.step = 0;
  if (state.round >= state.rounds) {
    state.over = true;
    state.outcome = decideOutcome(state);
    clearDesks(state);
    log(state, 'The game is over.');
    return;
  }
  state.round += 1;
  if ((state.round - 1) % RULES.roundsPerYear === 0) annualReview(state);
  openRound(state);
}

const ORDER_STEPS: readonly ResolutionStep[] = [
  'Hub governments',
  'Regulator: rules and diplomacy',
  'Chip vendor',
  'AI firms',
  'Regulator: enforcement',
];

/** Keeps the round's seals for the whole match, and its plans, opened, until the next round resolves. */
function sealRound(state: GameState): void {
  const seals: Record<string, string> = {};
  state.opened = state.planners.map((seat) => {
    const plan = state.plans[seat];
    seals[seat] = plan.seal ?? '';
    return {
      round: state.round,
      seat,
      seal: plan.seal ?? '',
      salt: plan.salt,
      orders: plan.orders,
      card: plan.card,
    };
  });
  state.seals.push(seals);
}

/**
 * The game is over: each desk keeps only that its seat submitted, and under which seal; its
 * orders, card and salt are in `opened`, and its hand is no longer needed.
 */
function clearDesks(state: GameState): void {
  for (const seat of state.planners) {
    const plan = state.plans[seat];
    plan.hand = [];
    plan.orders = [];
    plan.card = null;
    plan.salt = '';
  }
}

/**
 * A round opens: scheduled injects fire, cards are dealt on deal rounds, and every seat gets a
 * clean desk with a fresh secret salt for its seal.
 */
export function openRound(state: GameState): void {
  const rng = state.secret?.rng;
  if (!rng) throw new Error('a round needs the match secret');
  state.news = [];
  for (const seat of state.planners) {
    const plan = state.plans[seat];
    plan.orders = [];
    plan.card = null;
    plan.submitted = false;
    plan.seal = null;
    plan.salt = newSalt(rng);
  }
  fireInjects(state);
  if (isDealRound(state.round)) dealCards(state, (id) => cardIn(state, id));
}

function applyDuePending(state: GameState): void {
  const due = state.pending.filter((p) => p.at <= state.round);
  state.pending = state.pending.filter((p) => p.at > state.round);
  for (const p of due) applyPending(state, p);
}

function applyPending(state: GameState, p: Pending): void {
  switch (p.kind) {
    case 'controlLevel':
      state.controlLevel = Math.min(RULES.maxControlLevel, state.controlLevel + 1);
      state.vendor.revenueShare = 'none';
      log(state, `Tighter chip controls are in force (level ${state.controlLevel}).`);
      return;
    case 'licence':
      state.places[p.hub].licence = true;
      log(state, `Licences are now required for top chips to ${hubName(p.hub)}.`);
      return;
    case 'kyc':
      state.kyc = true;
      log(state, 'The cloud know-your-customer rule is in force.');
      return;
    case 'permit':
      state.places[p.hub].permit = 'permit';
      state.places[p.hub].pressure = 0;
      addStanding(state, p.hub, RULES.permitStandingGain);
      log(state, `${hubName(p.hub)}'s permit regime is in force.`);
      return;
    case 'capacity':
      state.places[p.hub].capacityMW += p.mw;
      return;
    case 'shipment': {
      const place = state.places[p.hub];
      // Capacity can shrink under a shipment in transit (an event); what does not fit is not sold.
      const pods = Math.max(0, Math.min(p.pods, podCapacity(place) - place.servers));
      place.servers += pods;
      const rate = place.licence ? RULES.shipLicencedRevenuePerPod : RULES.shipRevenuePerPod;
      state.vendor.cash += pods * rate;
      log(state, `${pods} pods of servers arrive in ${hubName(p.hub)}.`);
      return;
    }
    case 'compliantChip':
      if (p.level === state.controlLevel) {
        state.vendor.compliantLevel = p.level;
        log(state, 'The vendor launches a China-edition chip that meets the current rules.');
      } else log(state, 'The China-edition design is obsolete on arrival: the rules moved.');
      return;
    case 'generation':
      state.vendor.generation += 1;
      state.frontier += RULES.generationFrontier;
      log(state, `A new chip generation ships: the frontier moves to ${state.frontier}.`);
      return;
  }
}

function arriveCouriers(state: GameState, firm: FirmState, rng: RngState): void {
  const arriving = firm.secrets.couriers;
  firm.secrets.couriers = [];
  for (const courier of arriving) arrive(state, firm, courier, rng);
}

function arrive(state: GameState, firm: FirmState, c: Courier, rng: RngState): void {
  const customsHub = isHub(c.to) ? c.to : isHub(c.from) ? c.from : null;
  let caught = 0;
  if (customsHub) {
    const chance = carrierStopChance(state, customsHub, c, firm.secrets.heat);
    for (let i = 0; i < c.carriers; i++) if (rollPercent(rng, chance)) caught += 1;
  }
  const lostTB = Math.round((c.tb * caught) / c.carriers);
  if (caught > 0 && customsHub) {
    addHeat(firm, RULES.seizedHeatPerCarrier * caught);
    if (c.model === 0) state.seizedTB += lostTB;
    const what = c.model > 0 ? 'trained model weights' : `${lostTB} TB of drives`;
    const text = `Customs in ${hubName(customsHub)} seize ${what} carried for ${seatName(state, firm.seat)}.`;
    log(state, text);
    signal(state, customsHub, 'seizure', text);
    secretly(
      state,
      firm,
      `${caught} of ${c.carriers} carriers were stopped in ${hubName(customsHub)}.`,
    );
  } else if (customsHub && c.model === 0 && rollPercent(rng, noticeChance(c.carriers))) {
    signal(
      state,
      customsHub,
      'notice',
      `Customs in ${hubName(customsHub)} log travellers carrying unusually many hard drives.`,
    );
    log(
      state,
      `Customs in ${hubName(customsHub)} log travellers carrying unusually many hard drives.`,
    );
  }
  if (c.model > 0) {
    if (caught === 0) {
      firm.capability = Math.max(
        firm.capability,
        Math.min(firm.capability + c.model, state.frontier + (state.frontierLead ?? Infinity)),
      );
      log(
        state,
        `${seatName(state, firm.seat)} releases a new model: capability ${firm.capability}.`,
      );
    }
    return;
  }
  const kept = c.tb - lostTB;
  if (kept > 0 && isHub(c.to)) firm.secrets.dataAt[c.to] = (firm.secrets.dataAt[c.to] ?? 0) + kept;
}

/** Chance that customs log a courier trip they let through: every extra traveller is one more face. */
export const noticeChance = (carriers: number): number =>
  Math.min(RULES.chanceCap, RULES.noticeBase + RULES.noticePerCarrier * (carriers - 1));

function finishTrainings(state: GameState, firm: FirmState): void {
  const done = firm.secrets.trainings.filter((t) => t.doneRound <= state.round);
  firm.secrets.trainings = firm.secrets.trainings.filter((t) => t.doneRound > state.round);
  for (const t of done) {
    const gain = trainingGain(t.pods, t.tb);
    if (t.at !== 'home' && !t.exposed) firm.secrets.unseenGain += gain;
    if (t.at === 'home') {
      const before = firm.capability;
      firm.capability = Math.max(before, Math.min(before + gain, homeCeiling(state, firm)));
      log(
        state,
        firm.capability > before
          ? `${seatName(state, firm.seat)} releases a model trained at home: capability ${firm.capability}.`
          : `${seatName(state, firm.seat)}'s home-trained model is no better than its last: domestic chips trail the frontier.`,
      );
    } else {
      firm.secrets.models.push({ id: t.id, hub: t.at, gain });
      secretly(
        state,
        firm,
        `A training in ${hubName(t.at)} finished: a model (+${gain}) waits there.`,
      );
    }
  }
}

function finishDataPreparation(firm: FirmState): void {
  firm.secrets.homeTB += firm.secrets.preparingTB;
  firm.secrets.preparingTB = 0;
}

function screenLeases(state: GameState, firm: FirmState, rng: RngState): void {
  for (const lease of firm.secrets.leases) {
    if (lease.exposed) continue;
    if (!rollPercent(rng, kycScreenChance(firm.secrets.heat))) continue;
    const entity = firm.secrets.entities.find((e) => e.id === lease.entity);
    if (entity) exposeEntity(state, firm, entity, 'Cloud know-your-customer screening');
  }
}

function payRent(state: GameState, firm: FirmState): void {
  for (const lease of [...firm.secrets.leases]) {
    const place = state.places[lease.hub];
    const rent = rentFor(place, lease.pods);
    if (firm.secrets.cash >= rent) {
      firm.secrets.cash -= rent;
      continue;
    }
    releaseServers(state, lease.hub, lease.pods);
    firm.secrets.leases = firm.secrets.leases.filter((l) => l !== lease);
    secretly(state, firm, `A lease in ${hubName(lease.hub)} lapsed: the rent was not paid.`);
  }
}

/**
 * The game ends and the orders are opened: every model a lab trained on the hubs' servers without
 * being seen comes out, and investors and chip deals pull back from the hubs.
 */
function reckon(state: GameState): void {
  const points = allFirms(state).reduce((n, f) => n + f.secrets.unseenGain, 0);
  if (points === 0) return;
  const loss = Math.min(state.hub.investment, points * RULES.reckoningInvestmentPerPoint);
  state.hub.investment -= loss;
  log(
    state,
    `The orders are opened: the labs trained models worth ${points} capability unseen on the hubs' servers. Investors and chip deals pull back: hub investment −${loss}.`,
  );
}

function payIncome(state: GameState): void {
  state.regulator.pc += state.regulator.pcPerRound;
  state.vendor.cash += RULES.vendorIncome + RULES.generationIncome * state.vendor.generation;
  if (state.vendor.compliantLevel === state.controlLevel)
    state.vendor.cash += RULES.chinaEditionIncome;
  else if (state.vendor.revenueShare === 'granted' && state.vendor.compliantLevel >= 0) {
    state.vendor.cash += RULES.revenueShareIncome;
    state.regulator.pc += RULES.revenueSharePc;
  }
  const rented = podsRented(state);
  state.hub.cash += RULES.hubBaseIncome + Math.floor(rented / RULES.hubRentSharePerPods);
  state.hub.investment += Math.floor(rented / RULES.leaseInvestmentPerPods);
  for (const firm of allFirms(state)) firm.secrets.cash += firm.income;
}

function applyPressure(state: GameState): void {
  for (const hub of HUBS) {
    const place = state.places[hub];
    if (place.pressure > 0 && place.permit !== 'permit')
      addStanding(state, hub, -RULES.pressureStandingLossPerRound);
  }
}

function settleTension(state: GameState): void {
  if (state.tension >= RULES.tensionRetaliationAt) {
    state.vendor.cash = Math.max(0, state.vendor.cash - RULES.retaliationVendorLoss);
    state.regulator.pc = Math.max(0, state.regulator.pc - RULES.retaliationPcLoss);
    state.tension = RULES.tensionAfterRetaliation;
    log(
      state,
      `China retaliates with export bans on critical minerals: vendor −$${RULES.retaliationVendorLoss}, regulator −${RULES.retaliationPcLoss} political capital.`,
    );
    return;
  }
  addTension(state, -RULES.tensionDecayPerRound);
}

function advanceFrontier(state: GameState): void {
  if (state.frontierEvery > 0 && state.round % state.frontierEvery === 0)
    state.frontier += RULES.frontierStep;
  for (const firm of allFirms(state)) {
    if (firm.reachedFrontierRound === 0 && firm.capability >= state.frontier) {
      firm.reachedFrontierRound = state.round;
      log(
        state,
        `${seatName(state, firm.seat)} reaches the frontier (${firm.capability} ≥ ${state.frontier}).`,
      );
    }
  }
}

function annualReview(state: GameState): void {
  state.vendor.audited = [];
  log(state, 'Annual review: distributor audits expire.');
}

export function recordIndicators(state: GameState): void {
  const capability: Record<string, number> = {};
  for (const firm of allFirms(state)) capability[firm.seat] = firm.capability;
  const row = {
    round: state.round,
    pc: state.regulator.pc,
    tension: state.tension,
    controlLevel: state.controlLevel,
    frontier: state.frontier,
    vendorCash: state.vendor.cash,
    hubInvestment: state.hub.investment,
    standing: Math.round(averageStanding(state) * 10) / 10,
    demand: HUBS.reduce((n, h) => n + state.places[h].demand, 0),
    seized: state.seizedTB,
    capability,
    leaders: provisionalWinners(state),
  };
  addIndicators(state.indicators, row);
}
