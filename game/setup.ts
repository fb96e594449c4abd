import { log } from './access';
import { CARDS } from './events/cards';
import { historyCalendar, prepareDeck } from './events/deal';
import { HOMES, HUBS, seatId, type PlaceId, type SeatId } from './ids';
import { emptyIndicators } from './indicators';
import { HUB_START } from './map';
import { openMarket, publishDemand } from './market';
import { seedRng } from './random';
import { openRound, recordIndicators } from './resolution';
import type { Scenario } from './scenarios/schema';
import type { FirmSecrets, FirmState, GameState, Place } from './state';

function startPlace(id: PlaceId, scenario: Scenario): Place {
  const hub = (HUBS as readonly string[]).includes(id)
    ? HUB_START[id as (typeof HUBS)[number]]
    : null;
  const o = hub ? (scenario.hubs[id as (typeof HUBS)[number]] ?? {}) : {};
  return {
    id,
    capacityMW: o.capacityMW ?? hub?.capacityMW ?? 0,
    servers: o.servers ?? hub?.servers ?? 0,
    demand: 0,
    demandLast: 0,
    standing: o.standing ?? hub?.standing ?? 10,
    customs: o.customs ?? hub?.customs ?? 'standard',
    permit: o.permit ?? hub?.permit ?? 'none',
    licence: o.licence ?? false,
    leasingFund: false,
    alertUntil: 0,
    pressure: 0,
  };
}

/** A firm's secrets before it has done anything: its purse and its data at home. */
export function freshSecrets(cash: number, homeTB: number): FirmSecrets {
  return {
    cash,
    homeTB,
    preparingTB: 0,
    dataAt: {},
    entities: [],
    leases: [],
    couriers: [],
    trainings: [],
    models: [],
    homeCompute: 0,
    smuggledPods: 0,
    heat: 0,
    unseenGain: 0,
    history: [],
    made: 0,
  };
}

function startFirm(seat: SeatId, name: string, scenario: Scenario): FirmState {
  const s = scenario.start;
  return {
    seat,
    name,
    capability: s.firmCapability,
    income: s.firmIncome,
    reachedFrontierRound: 0,
    secrets: freshSecrets(s.firmCash, s.firmDataTB),
  };
}

/**
 * The state of a new match: the scenario's starting values, the deck prepared with the match's
 * seed, and the first round opened (injects fired, cards dealt, desks laid). The generator and
 * the deck stay in `secret`.
 */
export function createInitialState(scenario: Scenario, seed: string): GameState {
  const s = scenario.start;
  const seats = scenario.seats.map((seat, i) => ({
    id: seatId(String(i)),
    role: seat.role,
    name: seat.name,
  }));
  const places = Object.fromEntries(
    [...HOMES, ...HUBS].map((id) => [id, startPlace(id, scenario)]),
  ) as Record<PlaceId, Place>;
  const firms: Record<string, FirmState> = {};
  for (const seat of seats)
    if (seat.role === 'firm') firms[seat.id] = startFirm(seat.id, seat.name, scenario);
  const rng = seedRng(seed);
  const planners = seats.filter((seat) => seat.role !== 'facilitator').map((seat) => seat.id);
  const cards = [
    ...scenario.cards,
    ...CARDS.filter((c) => !scenario.cards.some((o) => o.id === c.id)),
  ];
  const deckCards = scenario.deck
    .map((id) => cards.find((c) => c.id === id))
    .filter((c) => c !== undefined);
  const state: GameState = {
    scenario: scenario.id,
    round: 1,
    rounds: scenario.rounds,
    startYear: scenario.startYear,
    calendar: historyCalendar(
      deckCards.filter((c) => !scenario.scheduled.some((x) => x.card === c.id)),
      scenario.startDate,
      scenario.rounds,
    ),
    actionsPerRound: scenario.actionsPerRound,
    seats,
    planners,
    plans: Object.fromEntries(
      planners.map((seat) => [
        seat,
        { hand: [], orders: [], card: null, submitted: false, seal: null, salt: '' },
      ]),
    ),
    seals: [],
    opened: [],
    step: 0,
    over: false,
    places,
    controlLevel: s.controlLevel,
    kyc: s.kyc,
    tension: s.tension,
    frontier: s.frontier,
    frontierEvery: s.frontierEvery,
    frontierLead: s.frontierLead ?? null,
    pending: [],
    disabledMoves: [...scenario.disabledMoves],
    regulator: { pc: s.pc, pcPerRound: s.pcPerRound, intel: [] },
    vendor: {
      cash: s.vendorCash,
      generation: 0,
      compliantLevel: s.compliantLevel,
      audited: [],
      revenueShare: 'none',
      lobbyUntil: 0,
    },
    hub: { cash: s.hubCash, investment: s.hubInvestment },
    firms,
    news: [],
    market: null,
    scheduled: scenario.scheduled.map((x) => ({ ...x })),
    ...(scenario.injects.length > 0
      ? { conditionalInjects: structuredClone(scenario.injects) }
      : {}),
    customCards: scenario.cards.map((c) => structuredClone(c)),
    signals: [],
    log: [],
    indicators: emptyIndicators(),
    seizedTB: 0,
    searches: [],
    victory: { ...scenario.victory },
    outcome: null,
    secret: {
      rng,
      deck: prepareDeck(
        rng,
        deckCards.filter((c) => !scenario.scheduled.some((x) => x.card === c.id)),
        scenario.startDate,
        scenario.rounds,
        planners.length,
      ),
      dealt: [],
    },
  };
  state.market = openMarket(state);
  publishDemand(state, rng);
  log(state, `${scenario.name} begins.`);
  openRound(state);
  recordIndicators(state);
  state.indicators.round[0] = 0;
  return state;
}
