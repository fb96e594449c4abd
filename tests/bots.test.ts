import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBotMove, type BotChoice, type BotLevel } from '../game/bots';
import { LegalSet } from '../game/bots/legal-set';
import {
  activeSeat,
  createInitialState,
  legalMoves,
  pass,
  performMove,
  playerView,
  SCENARIO_IDS,
  SCENARIOS,
  type GameState,
  type SeatId,
} from '../game/engine';
import { seedRng } from '../game/random';

/** Plays a game with bots, calling `visit` with the state and the seat before every decision. */
function play(
  scenario: string,
  seed: string,
  level: BotLevel,
  visit: (s: GameState, seat: SeatId) => void,
): void {
  const state = createInitialState(SCENARIOS[scenario], seed);
  const rng = seedRng(`bots-${seed}`);
  for (let i = 0; i < 3000 && !state.over; i++) {
    const seat = activeSeat(state) as SeatId;
    visit(state, seat);
    const choice = chooseBotMove(playerView(state, seat), seat, level, rng);
    if (choice.move === 'pass' || !performMove(state, seat, choice.move, choice.args).ok)
      pass(state, seat);
  }
}

/** Whether `legalMoves` offers exactly this choice (or it is a pass). */
function offered(view: GameState, seat: SeatId, choice: BotChoice): boolean {
  if (choice.move === 'pass') return true;
  const option = legalMoves(view, seat).find((o) => o.move === choice.move);
  return !!option?.choices.some((c) => JSON.stringify(c.args) === JSON.stringify(choice.args));
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
  return copy;
}

const scenario = fc.constantFrom(...SCENARIO_IDS);
const seed = fc.string({ minLength: 1, maxLength: 8 });

describe('heuristic and random bots', () => {
  it('only ever choose what legalMoves offers, or pass', () => {
    fc.assert(
      fc.property(
        scenario,
        seed,
        fc.constantFrom<BotLevel>('heuristic', 'random'),
        (id, s, level) => {
          play(id, s, level, (state, seat) => {
            const view = playerView(state, seat);
            const choice = chooseBotMove(view, seat, level, `probe-${s}-${state.round}`);
            expect(offered(view, seat, choice), `${id} ${s} ${JSON.stringify(choice)}`).toBe(true);
          });
        },
      ),
      { numRuns: 24 },
    );
  });

  it('never read another seat secrets: scrambling them does not change a decision', () => {
    fc.assert(
      fc.property(scenario, seed, fc.nat(1000), (id, s, salt) => {
        play(id, s, 'heuristic', (state, seat) => {
          const view = playerView(state, seat);
          const probe = `secret-${salt}-${state.round}-${state.turn}`;
          const plain = chooseBotMove(view, seat, 'heuristic', probe);
          expect(chooseBotMove(scrambled(view, seat, salt), seat, 'heuristic', probe)).toEqual(
            plain,
          );
        });
      }),
      { numRuns: 16 },
    );
  });

  it('see exactly the choices legalMoves offers, move by move', () => {
    fc.assert(
      fc.property(scenario, seed, (id, s) => {
        play(id, s, 'random', (state, seat) => {
          const view = playerView(state, seat);
          const legal = new LegalSet(view, seat);
          for (const option of legalMoves(view, seat)) {
            expect(legal.of(option.move)).toEqual(option.choices.map((c) => c.args));
          }
        });
      }),
      { numRuns: 12 },
    );
  });

  it('decide the same way from the same view and seed', () => {
    const state = createInitialState(SCENARIOS.classroom, 'same');
    const seat = activeSeat(state) as SeatId;
    const view = playerView(state, seat);
    expect(chooseBotMove(view, seat, 'heuristic', 'x')).toEqual(
      chooseBotMove(view, seat, 'heuristic', 'x'),
    );
  });

  it('pass when the game is over', () => {
    const state = createInitialState(SCENARIOS.classroom, 'over');
    state.over = true;
    expect(chooseBotMove(state, state.order[0], 'heuristic', 'x')).toEqual({
      move: 'pass',
      args: {},
    });
  });
});
