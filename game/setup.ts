import { log } from './access';
import { drawNews } from './events/news';
import { HOMES, HUBS, seatId, type PlaceId, type SeatId } from './ids';
import { HUB_START } from './map';
import { seedRng } from './random';
import { dealDeck } from './events/deal';
import { recordIndicators } from './resolution';
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
    leased: 0,
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
    heat: 0,
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
 * The state of a new match: the scenario's starting values, the deck dealt with the match's
 * seed and the first round's news drawn. The generator and the deck stay in `secret`.
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
  const state: GameState = {
    scenario: scenario.id,
    round: 1,
    rounds: scenario.rounds,
    startYear: scenario.startYear,
    actionsPerTurn: scenario.actionsPerTurn,
    seats,
    order: seats.filter((seat) => seat.role !== 'facilitator').map((seat) => seat.id),
    turn: 0,
    actionsLeft: scenario.actionsPerTurn,
    over: false,
    places,
    controlLevel: s.controlLevel,
    kyc: s.kyc,
    tension: s.tension,
    frontier: s.frontier,
    frontierEvery: s.frontierEvery,
    pending: [],
    disabledMoves: [...scenario.disabledMoves],
    regulator: { pc: s.pc, pcPerRound: s.pcPerRound },
    vendor: { cash: s.vendorCash, generation: 0, compliantLevel: s.compliantLevel, audited: [] },
    hub: { cash: s.hubCash, investment: s.hubInvestment },
    firms,
    news: null,
    scheduled: scenario.scheduled.map((x) => ({ ...x })),
    signals: [],
    log: [],
    indicators: [],
    seizedTB: 0,
    victory: { ...scenario.victory },
    outcome: null,
    secret: {
      rng,
      deck: dealDeck(
        rng,
        scenario.deck,
        scenario.rounds,
        scenario.scheduled.map((s) => s.card),
      ),
    },
  };
  log(state, `${scenario.name} begins.`);
  drawNews(state);
  recordIndicators(state);
  state.indicators[0].round = 0;
  return state;
}
