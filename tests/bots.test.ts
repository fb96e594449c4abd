import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBotMove, planBotOrders, type BotLevel, type BotPlan } from '../game/bots';
import { LegalSet } from '../game/bots/legal-set';
import {
  createInitialState,
  draftedWorld,
  HUBS,
  legalMoves,
  playerView,
  SCENARIO_IDS,
  SCENARIOS,
  waitingFor,
  type GameState,
  type SeatId,
} from '../game/engine';
import { seedRng } from '../game/random';
import { RULES } from '../game/rules';
import { must, playGame, seatOfRole } from './helpers';

/**
 * Plays a game of bots round by round; `visit` sees each seat's view and the plan its bot made
 * from it, before the plan is given (card, then orders one by one, then the submission).
 */
function play(
  scenario: string,
  seed: string,
  level: BotLevel,
  visit: (state: GameState, seat: SeatId, view: GameState, plan: BotPlan) => void,
): GameState {
  const state = createInitialState(SCENARIOS[scenario]!, seed);
  const rng = seedRng(`bots-${seed}`);
  while (!state.over) {
    for (const seat of waitingFor(state)) {
      const view = playerView(state, seat);
      const plan = planBotOrders(view, seat, level, rng);
      visit(state, seat, view, plan);
      if (plan.card) must(state, seat, { action: 'card', ...plan.card });
      for (const order of plan.orders) {
        const offered = legalMoves(state, seat).find((o) => o.move === order.move);
        expect(
          offered?.choices.some((c) => JSON.stringify(c.args) === JSON.stringify(order.args)),
          `${scenario} ${seed} round ${state.round}: ${JSON.stringify(order)} is offered`,
        ).toBe(true);
        must(state, seat, { action: 'order', ...order });
      }
      must(state, seat, { action: 'submit' });
    }
  }
  return state;
}

/** The view with every other firm's secrets replaced by made-up numbers and hidden things. */
function scrambled(view: GameState, seat: SeatId, salt: number): GameState {
  const copy = structuredClone(view);
  for (const [id, firm] of Object.entries(copy.firms)) {
    if (id === seat) continue;
    const s = firm.secrets;
    s.cash = 97 + salt;
    s.homeTB = 140;
    s.preparingTB = 20;
    s.heat = salt % 10;
    s.homeCompute = 37;
    s.dataAt = { MY: 80, TH: 40 };
    s.entities.push({ id: `hidden-${salt}` as never, hub: 'TH', exposed: false, listed: false });
    s.models.push({ id: `m-${salt}` as never, hub: 'TH', gain: 5 });
    s.history.push({ round: 1, text: 'a secret' });
  }
  for (const [id, plan] of Object.entries(copy.plans)) {
    if (id === seat) continue;
    plan.hand = ['oct-2022-chip-rule'];
    plan.orders = [{ move: 'prepareData', args: {} }];
    plan.salt = `salt-${salt}`;
  }
  return copy;
}

const scenario = fc.constantFrom(...SCENARIO_IDS);
const seed = fc.string({ minLength: 1, maxLength: 8 });
const level = fc.constantFrom<BotLevel>('heuristic', 'random');

describe('heuristic and random bots', () => {
  it('plan only orders legalMoves offers, within the budget, and a card from their hand', () => {
    fc.assert(
      fc.property(scenario, seed, level, (id, s, lvl) => {
        play(id, s, lvl, (state, seat, view, plan) => {
          const hand = state.plans[seat]!.hand;
          if (plan.card) expect(hand).toContain(plan.card.card);
          const budget = state.actionsPerRound + (plan.card?.use === 'action' ? 1 : 0);
          expect(plan.orders.length).toBeLessThanOrEqual(budget);
          expect(view.plans[seat]!.submitted).toBe(false);
        });
      }),
      { numRuns: 16 },
    );
  });

  it("never read another seat's secrets: scrambling them does not change a plan", () => {
    fc.assert(
      fc.property(scenario, seed, fc.nat(1000), (id, s, salt) => {
        play(id, s, 'heuristic', (state, seat, view) => {
          const probe = `secret-${salt}-${state.round}-${seat}`;
          expect(planBotOrders(scrambled(view, seat, salt), seat, 'heuristic', probe)).toEqual(
            planBotOrders(view, seat, 'heuristic', probe),
          );
        });
      }),
      { numRuns: 10 },
    );
  });

  it('see exactly the choices legalMoves offers, on the world their plan so far leaves', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        play(id, s, 'random', (state, seat) => {
          const world = draftedWorld(state, seat);
          const legal = new LegalSet(world, seat);
          for (const option of legalMoves(state, seat))
            expect(legal.of(option.move)).toEqual(option.choices.map((c) => c.args));
        });
      }),
      { numRuns: 8 },
    );
  });

  it('plan the same way from the same view and seed', () => {
    const state = createInitialState(SCENARIOS.classroom!, 'same');
    for (const seat of state.planners) {
      const view = playerView(state, seat);
      expect(planBotOrders(view, seat, 'heuristic', 'x')).toEqual(
        planBotOrders(view, seat, 'heuristic', 'x'),
      );
    }
  });

  it('plan nothing once submitted, for a seat that gives no orders, or when the game is over', () => {
    const state = createInitialState(SCENARIOS.classroom!, 'idle');
    const vendor = seatOfRole(state, 'vendor');
    must(state, vendor, { action: 'submit' });
    expect(planBotOrders(playerView(state, vendor), vendor, 'heuristic', 'x')).toEqual({
      orders: [],
      card: null,
    });
    const over = createInitialState(SCENARIOS.classroom!, 'over');
    over.over = true;
    for (const seat of over.planners) {
      expect(planBotOrders(over, seat, 'heuristic', 'x')).toEqual({ orders: [], card: null });
      expect(chooseBotMove(over, seat, 'heuristic', 'x')).toEqual({ move: 'pass', args: {} });
    }
  });

  it('the vendor hires lobbyists when the regulator can afford a tightening that would end its China edition', () => {
    const state = createInitialState(SCENARIOS.classroom!, 'lobby');
    const vendor = seatOfRole(state, 'vendor');
    const hires = (): boolean =>
      planBotOrders(playerView(state, vendor), vendor, 'heuristic', 'v').orders.some(
        (o) => o.move === 'lobby',
      );
    state.vendor.cash = 20;
    state.vendor.compliantLevel = state.controlLevel;
    state.regulator.pc = 8;
    state.tension = 0;
    for (const f of Object.values(state.firms)) f.capability = state.frontier - 3;
    expect(hires()).toBe(true);
    state.regulator.pc = 1;
    for (const h of Object.values(state.places)) h.licence = true;
    expect(hires()).toBe(false);
  });

  it('the regulator waits out lobbyists on retainer, unless a firm is about to reach the frontier', () => {
    const state = createInitialState(SCENARIOS.classroom!, 'wait');
    const regulator = seatOfRole(state, 'regulator');
    const rules = (): string[] =>
      planBotOrders(playerView(state, regulator), regulator, 'heuristic', 'r')
        .orders.map((o) => o.move)
        .filter((m) => m === 'tightenControls' || m === 'extendLicence');
    state.regulator.pc = 12;
    state.tension = 0;
    state.vendor.compliantLevel = state.controlLevel;
    for (const f of Object.values(state.firms)) f.capability = state.frontier - 4;
    for (const h of Object.values(state.places)) h.servers = 4;
    expect(rules()).not.toEqual([]);
    state.vendor.lobbyUntil = state.round;
    expect(rules()).toEqual([]);
    for (const f of Object.values(state.firms)) f.capability = state.frontier - 1;
    expect(rules()).not.toEqual([]);
  });

  it('the firm sends its data to a site no one has exposed before one that was', () => {
    const state = createInitialState(SCENARIOS.tiered2025!, 'site');
    const seat = seatOfRole(state, 'firm');
    const f = state.firms[seat]!;
    for (const hub of ['MY', 'SG'] as const) state.places[hub].servers = 8;
    f.capability = state.frontier - 1;
    f.secrets.homeCompute = RULES.computePerPod;
    f.secrets.homeTB = 80;
    f.secrets.cash = 40;
    f.secrets.entities = [
      { id: 'e1' as never, hub: 'MY', exposed: false, listed: false },
      { id: 'e2' as never, hub: 'SG', exposed: false, listed: false },
    ];
    f.secrets.leases = [
      { id: 'l1' as never, hub: 'MY', entity: 'e1' as never, pods: 1, exposed: false },
    ];
    const dataTo = (): unknown =>
      planBotOrders(playerView(state, seat), seat, 'heuristic', 'd').orders.find(
        (o) => o.move === 'courierData',
      )?.args.hub;
    expect(dataTo()).toBe('MY');
    f.secrets.entities[0]!.exposed = true;
    f.secrets.leases[0]!.exposed = true;
    expect(dataTo()).toBe('SG');
  });

  it('the hubs invest while investment is short, and guard standing once it is on course', () => {
    const state = createInitialState(SCENARIOS.classroom!, 'hub-cushion');
    const seat = seatOfRole(state, 'hub');
    state.hub.cash = 20;
    for (const h of HUBS) {
      state.places[h].standing = state.victory.hubMinStanding + 0.8;
      state.places[h].pressure = 0;
      state.places[h].demand = 0;
    }
    const firstOrder = (): string | undefined =>
      planBotOrders(playerView(state, seat), seat, 'heuristic', 'c').orders[0]?.move;
    state.hub.investment = 0;
    expect(['inviteLeasingFund', 'buildCapacity']).toContain(firstOrder());
    state.hub.investment = state.victory.hubInvestment;
    expect(['setPermitRegime', 'setCustomsPosture']).toContain(firstOrder());
  });

  it('the firm leases one pod more for its last run abroad', () => {
    const state = createInitialState(SCENARIOS.tiered2025!, 'last');
    const seat = seatOfRole(state, 'firm');
    const f = state.firms[seat]!;
    state.places.SG.servers = 8;
    f.capability = state.frontier - 1;
    f.secrets.homeCompute = RULES.computePerPod;
    f.secrets.homeTB = 0;
    f.secrets.cash = 40;
    f.secrets.entities = [{ id: 'e1' as never, hub: 'SG', exposed: false, listed: false }];
    f.secrets.dataAt = { SG: RULES.maxPerCarrierTB };
    const leased = (): unknown =>
      planBotOrders(playerView(state, seat), seat, 'heuristic', 'l').orders.find(
        (o) => o.move === 'leaseServers',
      )?.args.pods;
    state.round = state.rounds - 4;
    expect(leased()).toBe(3);
    state.round = state.rounds - 3;
    expect(leased()).toBe(4);
  });

  it.each(SCENARIO_IDS)('%s: the heuristic bot gives orders for every role', (id) => {
    const { final, plans } = playGame(id, 'every-role', { level: 'heuristic' });
    for (const seat of final.planners) {
      const given = plans.filter((p) => p.seat === seat).flatMap((p) => p.orders ?? []);
      expect(given.length, `seat ${seat}`).toBeGreaterThan(0);
    }
  });
});
