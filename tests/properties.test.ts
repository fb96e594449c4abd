import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardById,
  createInitialState,
  legalMoves,
  playerView,
  SCENARIO_IDS,
  SCENARIOS,
} from '../game/engine';
import type { GameState, SeatId } from '../game/engine';
import { HUBS } from '../game/ids';
import { playRandomGame } from './helpers';

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
    expect(place.leased, `${hub} leased`).toBe(leasedByFirms);
    expect(place.leased, `${hub} leased ≤ servers`).toBeLessThanOrEqual(place.servers);
    expect(place.servers * 100, `${hub} servers fit its capacity`).toBeLessThanOrEqual(
      place.capacityMW,
    );
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
}

/** Every id and number only the firm knows, as it would appear in JSON. */
function secretsOf(s: GameState, firmSeat: string): string[] {
  const f = s.firms[firmSeat].secrets;
  return [
    ...f.entities.filter((e) => !e.exposed).map((e) => `"${e.id}"`),
    ...f.leases.filter((l) => !l.exposed).map((l) => `"${l.id}"`),
    ...f.couriers.map((c) => `"${c.id}"`),
    ...f.trainings.filter((t) => !t.exposed).map((t) => `"${t.id}"`),
    ...f.models.map((m) => `"${m.id}"`),
  ];
}

describe('properties of random legal games', () => {
  it('invariants hold after every move, and the game always ends', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        const game = playRandomGame(id, s, checkInvariants);
        expect(game.final.over).toBe(true);
        expect(game.final.outcome).not.toBeNull();
        expect(game.final.round).toBe(game.final.rounds);
      }),
      { numRuns: 40 },
    );
  });

  it('the same scenario and seed give the same game, byte for byte', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        expect(JSON.stringify(playRandomGame(id, s).final)).toBe(
          JSON.stringify(playRandomGame(id, s).final),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('different seeds deal different decks', () => {
    const decks = new Set(
      ['a', 'b', 'c', 'd'].map((s) =>
        JSON.stringify(createInitialState(SCENARIOS.classroom, s).secret?.deck),
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
      { numRuns: 10 },
    );
  });

  it("no seat's view holds another seat's secrets, nor the match secret", () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        playRandomGame(id, s, (state) => {
          if (state.over) return;
          const viewers: (SeatId | null)[] = [
            null,
            ...state.seats.filter((x) => x.role !== 'facilitator').map((x) => x.id),
          ];
          for (const viewer of viewers) {
            const view = playerView(state, viewer);
            expect(view.secret).toBeNull();
            const json = JSON.stringify(view);
            for (const firmSeat of Object.keys(state.firms)) {
              if (firmSeat === viewer) continue;
              for (const secret of secretsOf(state, firmSeat)) expect(json).not.toContain(secret);
              expect(view.firms[firmSeat].secrets.cash).toBe(0);
              expect(view.firms[firmSeat].secrets.history).toEqual([]);
              expect(view.log.filter((e) => e.to === firmSeat)).toEqual([]);
            }
          }
        });
      }),
      { numRuns: 15 },
    );
  });

  it('legalMoves gives a seat the same answer from its own view as from the full state', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        playRandomGame(id, s, (state) => {
          for (const seat of state.order)
            expect(legalMoves(playerView(state, seat), seat)).toEqual(legalMoves(state, seat));
        });
      }),
      { numRuns: 8 },
    );
  });
});

describe('the news deck', () => {
  it.each(SCENARIO_IDS)(
    '%s: news moves forward in history, one card a round, never repeated',
    (id) => {
      for (const s of ['1', '2', '3', '4', '5']) {
        const state = createInitialState(SCENARIOS[id], s);
        const dealt = state.secret?.deck ?? [];
        expect(dealt.length + 1).toBeGreaterThanOrEqual(
          Math.min(state.rounds, SCENARIOS[id].deck.length),
        );
        const dates = [state.news?.id, ...dealt].map((card) => cardById(card ?? '')?.date ?? '');
        expect(dates).toEqual([...dates].sort());
        expect(new Set(dealt).size).toBe(dealt.length);
      }
    },
  );
});
