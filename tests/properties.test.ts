import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardIn,
  checkSeal,
  createInitialState,
  indicatorRows,
  legalMoves,
  playerView,
  RESOLUTION_STEPS,
  SCENARIO_IDS,
  SCENARIOS,
} from '../game/engine';
import { playRounds } from './app/fixtures';
import type { GameState, SealedPlan, SeatId } from '../game/engine';
import { reappliesRuleInForce } from '../game/events/in-force';
import { HUBS } from '../game/ids';
import { playGame, playRandomGame } from './helpers';

const seed = fc.string({ minLength: 1, maxLength: 12 });
const scenario = fc.constantFrom(...SCENARIO_IDS);

function checkInvariants(s: GameState): void {
  expect(s.regulator.pc).toBeGreaterThanOrEqual(0);
  expect(s.vendor.cash).toBeGreaterThanOrEqual(0);
  expect(s.hub.cash).toBeGreaterThanOrEqual(0);
  expect(s.round).toBeLessThanOrEqual(s.rounds);
  for (const hub of HUBS) {
    const place = s.places[hub];
    const leasedByFirms = Object.values(s.firms).reduce(
      (n, f) => n + f.secrets.leases.filter((l) => l.hub === hub).reduce((m, l) => m + l.pods, 0),
      0,
    );
    expect(s.market?.firms[hub], `${hub}: the market knows every lease`).toBe(leasedByFirms);
    expect(place.demand, `${hub}: the reading never exceeds the servers`).toBeLessThanOrEqual(
      place.servers,
    );
    expect(place.demand).toBeGreaterThanOrEqual(0);
    expect(place.standing).toBeGreaterThanOrEqual(0);
    expect(place.standing).toBeLessThanOrEqual(10);
  }
  for (const firm of Object.values(s.firms)) {
    const f = firm.secrets;
    for (const n of [
      f.cash,
      f.homeTB,
      f.preparingTB,
      f.homeCompute,
      f.heat,
      ...Object.values(f.dataAt),
    ])
      expect(n).toBeGreaterThanOrEqual(0);
  }
  for (const seat of s.planners)
    expect(s.plans[seat]!.orders.length).toBeLessThanOrEqual(s.actionsPerRound + 1);
  // Of the past, the state keeps every round's seals, and only the last resolution's lines and plans.
  const resolved = s.over ? s.round : s.round - 1;
  expect(s.seals).toHaveLength(resolved);
  for (const e of s.log)
    expect(e.round > resolved || (e.round === resolved && (e.step > 0 || s.over))).toBe(true);
  for (const p of s.opened) expect(p.round).toBe(resolved);
  expect(s.opened).toHaveLength(resolved > 0 ? s.planners.length : 0);
  // One indicators row for the start and each resolved round, every column as long.
  expect(indicatorRows(s.indicators).map((r) => r.round)).toEqual(
    Array.from({ length: resolved + 1 }, (_, i) => i),
  );
  for (const column of Object.values(s.indicators)) expect(column).toHaveLength(resolved + 1);
}

/** Every id only the firm knows, as it would appear in JSON. */
function secretsOf(s: GameState, firmSeat: string): string[] {
  const f = s.firms[firmSeat]!.secrets;
  return [
    ...f.entities.filter((e) => !e.exposed).map((e) => `"${e.id}"`),
    ...f.leases.filter((l) => !l.exposed).map((l) => `"${l.id}"`),
    ...f.couriers.map((c) => `"${c.id}"`),
    ...f.trainings.filter((t) => !t.exposed).map((t) => `"${t.id}"`),
    ...f.models.map((m) => `"${m.id}"`),
  ];
}

const roleOf = (s: GameState, seat: SeatId) => s.seats.find((x) => x.id === seat)?.role;

/** Checks one viewer's view of a game in progress against everything it must not hold. */
function checkView(state: GameState, viewer: SeatId | null): void {
  const view = playerView(state, viewer);
  expect(view.secret).toBeNull();
  expect(view.market, 'the true market').toBeNull();
  if (viewer === null || roleOf(state, viewer) !== 'regulator')
    expect(view.regulator.intel, "the regulator's intel").toEqual([]);
  const json = JSON.stringify(view);
  for (const seat of state.planners) {
    if (seat === viewer) {
      expect(view.plans[seat]).toEqual(state.plans[seat]);
      continue;
    }
    const plan = view.plans[seat]!;
    expect(plan.hand, `seat ${seat}'s hand`).toEqual([]);
    expect(plan.orders, `seat ${seat}'s orders`).toEqual([]);
    expect(plan.card, `seat ${seat}'s card`).toBeNull();
    expect(plan.salt, `seat ${seat}'s salt`).toBe('');
    expect(plan.submitted).toBe(state.plans[seat]!.submitted);
    expect(plan.seal).toBe(state.plans[seat]!.seal);
    const salt = state.plans[seat]!.salt;
    if (salt) expect(json).not.toContain(salt);
  }
  for (const opened of view.opened) {
    if (opened.seat === viewer || roleOf(state, opened.seat) !== 'firm') continue;
    expect(opened.orders, "another firm's sealed orders").toBeNull();
    expect(opened.salt).toBeNull();
    expect(checkSeal(opened)).toBe('hidden');
  }
  for (const firmSeat of Object.keys(state.firms)) {
    if (firmSeat === viewer) continue;
    for (const secret of secretsOf(state, firmSeat)) expect(json).not.toContain(secret);
    expect(view.firms[firmSeat]!.secrets.cash).toBe(0);
    expect(view.firms[firmSeat]!.secrets.history).toEqual([]);
    expect(view.log.filter((e) => e.to === firmSeat)).toEqual([]);
  }
  for (const e of view.log) expect(e.to === 'public' || e.to === viewer).toBe(true);
}

describe('properties of games of random bots', () => {
  it('invariants hold after every action, and the game always ends at its last round', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const game = playRandomGame(id, s, checkInvariants);
        expect(game.final.over).toBe(true);
        expect(game.final.outcome).not.toBeNull();
        expect(game.final.round).toBe(game.final.rounds);
      }),
      { numRuns: 30 },
    );
  });

  it('the same scenario, seed and plans give the same game, byte for byte', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const first = playRandomGame(id, s);
        const again = playRandomGame(id, s);
        expect(again.actions).toEqual(first.actions);
        expect(JSON.stringify(again.final)).toBe(JSON.stringify(first.final));
      }),
      { numRuns: 15 },
    );
  });

  it('different seeds deal different decks', () => {
    const decks = new Set(
      ['a', 'b', 'c', 'd'].map((s) =>
        JSON.stringify(createInitialState(SCENARIOS.classroom!, s).secret?.deck),
      ),
    );
    expect(decks.size).toBe(4);
  });

  it('serialising and parsing any state gives the same state', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        playRandomGame(id, s, (state) =>
          expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state),
        );
      }),
      { numRuns: 8 },
    );
  });

  it("no view holds another seat's plan, hand or salt, the market, the regulator's intel, a firm's secrets or its sealed orders", () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        playRandomGame(id, s, (state) => {
          if (state.over) return;
          for (const viewer of [null, ...state.planners]) checkView(state, viewer);
        });
      }),
      { numRuns: 6 },
    );
  });

  it('when the game ends everything is revealed, and every seal matches its orders', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const { final, plans } = playRandomGame(id, s);
        expect(plans).toHaveLength(final.planners.length * final.rounds);
        expect(final.seals).toHaveLength(final.rounds);
        for (const viewer of [null, ...final.planners]) {
          const view = playerView(final, viewer);
          expect(view.seals).toEqual(final.seals);
          expect(view.opened).toEqual(plans.filter((p) => p.round === final.rounds));
        }
        // The desks keep only their last seal: the orders, card and salt are in `opened`.
        for (const seat of final.planners)
          expect(final.plans[seat]).toEqual({
            hand: [],
            orders: [],
            card: null,
            submitted: true,
            seal: final.seals.at(-1)![seat],
            salt: '',
          });
        // Each round's plans, opened as it resolved, match the seals kept to the end.
        for (const plan of plans) {
          expect(final.seals[plan.round - 1]![plan.seat]).toBe(plan.seal);
          expect(checkSeal(plan), `${plan.seat} r${plan.round}`).toBe('matches');
        }
      }),
      { numRuns: 15 },
    );
  });

  it('a revealed seal breaks if anything in the plan is changed', () => {
    const { plans } = playGame('classroom', 'tamper', { level: 'heuristic' });
    const withOrders = plans.filter((p) => (p.orders ?? []).length > 0);
    expect(withOrders.length).toBeGreaterThan(0);
    const tamperings: ((p: SealedPlan) => SealedPlan)[] = [
      (p) => ({ ...p, orders: p.orders!.slice(1) }),
      (p) => ({ ...p, orders: [...p.orders!, p.orders![0]!] }),
      (p) => ({
        ...p,
        orders: p.orders!.map((o, i) => (i === 0 ? { ...o, args: { ...o.args, pods: 99 } } : o)),
      }),
      (p) => ({ ...p, salt: `${p.salt}0` }),
      (p) => ({ ...p, card: p.card ? null : { card: 'any-card', use: 'capital' } }),
    ];
    for (const plan of withOrders) {
      expect(checkSeal(plan)).toBe('matches');
      for (const tamper of tamperings) expect(checkSeal(tamper(plan))).toBe('broken');
    }
  });

  it("the round recap reads in the resolution's order: each round's lines go step by step", () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const { final } = playRandomGame(id, s);
        // The log keeps the lines of the last round (the replay's chronicle holds them all).
        const rounds = [...new Set(final.log.map((e) => e.round))];
        expect(rounds).toEqual([final.rounds]);
        for (const round of rounds) {
          const steps = final.log.filter((e) => e.round === round && e.step > 0).map((e) => e.step);
          expect(steps).toEqual([...steps].sort((a, b) => a - b));
          for (const step of steps) expect(step).toBeLessThan(RESOLUTION_STEPS.length);
        }
        const last = final.log.filter((e) => e.round === final.rounds && e.step > 0);
        expect(last.length, 'the last round has a recap').toBeGreaterThan(0);
      }),
      { numRuns: 10 },
    );
  });

  it('legalMoves gives a seat the same answer from its own view as from the full state', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        playRandomGame(id, s, (state) => {
          for (const seat of state.planners)
            expect(legalMoves(playerView(state, seat), seat)).toEqual(legalMoves(state, seat));
        });
      }),
      { numRuns: 4 },
    );
  });
});

/** Cards dealt since `before` (the secret record of deals only grows). */
const newlyDealt = (state: GameState, before: number): string[] =>
  (state.secret?.dealt ?? []).slice(before);

describe("history's order (issue #9, check 7)", () => {
  it('over many seeds: dealt cards ascend by date, none before the start, none re-applies a rule in force', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const start = SCENARIOS[id]!.startDate;
        const dates: string[] = [];
        const check = (state: GameState, before: number): number => {
          for (const card of newlyDealt(state, before)) {
            const event = cardIn(state, card);
            expect(event, card).toBeDefined();
            expect(event!.date >= start, `${card} (${event!.date}) is dated before ${start}`).toBe(
              true,
            );
            for (const effect of event!.effects)
              expect(reappliesRuleInForce(state, effect), `${card} re-applies ${effect.op}`).toBe(
                false,
              );
            dates.push(event!.date);
          }
          return state.secret?.dealt.length ?? 0;
        };
        let dealt = check(createInitialState(SCENARIOS[id]!, s), 0);
        expect(dealt, 'cards are dealt as the game opens').toBeGreaterThan(0);
        // Cards are dealt as a round opens, after its injects: the state the last submission
        // leaves is the state they were dealt in.
        playRandomGame(id, s, (state) => {
          dealt = check(state, dealt);
        });
        expect(dates).toEqual([...dates].sort());
      }),
      { numRuns: 80 },
    );
  });

  it.each(SCENARIO_IDS)('%s: the deck is cut in date order and never repeats a card', (id) => {
    for (const s of ['1', '2', '3', '4', '5']) {
      const state = createInitialState(SCENARIOS[id]!, s);
      const deck = (state.secret?.deck ?? []).flat();
      const all = [...(state.secret?.dealt ?? []), ...deck];
      const dates = all.map((card) => cardIn(state, card)?.date ?? '');
      expect(dates).toEqual([...dates].sort());
      expect(new Set(all).size).toBe(all.length);
      for (const inject of SCENARIOS[id]!.scheduled) expect(all).not.toContain(inject.card);
    }
  });
});

describe("a round's place in history", () => {
  it.each(Object.keys(SCENARIOS))(
    '%s: no card dealt or played in a round is dated after that round',
    (id) => {
      for (const seed of ['h1', 'h2', 'h3', 'h4', 'h5']) {
        const state = createInitialState(SCENARIOS[id], seed);
        while (!state.over) {
          const label = state.calendar[state.round - 1].to;
          for (const plan of Object.values(state.plans))
            for (const card of plan.hand)
              expect(cardIn(state, card)?.date ?? '', `${card} in round ${state.round}`).toBe(
                [cardIn(state, card)?.date ?? '', label].sort()[0],
              );
          playRounds(state, 1, `bots-${seed}-${state.round}`);
        }
        for (let i = 1; i < state.calendar.length; i++)
          expect(state.calendar[i].to >= state.calendar[i - 1].to).toBe(true);
      }
    },
  );
});
