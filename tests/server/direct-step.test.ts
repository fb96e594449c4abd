import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { Game, LogEntry, State } from 'boardgame.io';
import { ActivePlayers } from 'boardgame.io/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBot } from '../../game/bots/random';
import { playerView, SCENARIOS } from '../../game/engine';
import type { GameState, SeatId } from '../../game/engine';
import { MOVES } from '../../game/moves';
import { seedRng } from '../../game/random';
import { DirectStep } from '../../src/server/authority/direct-step';
import { minimalServed } from '../../bench/server/minimal-game';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { applyFixtureMove, fixtureServed } from './fixtures/game';

const game = ProcessGameConfig(chokepointServed.game);
const reducer = CreateGameReducer({ game });
const direct = DirectStep.for(game, chokepointServed.applyMove);

type Reduced = State & { deltalog?: LogEntry[]; transients?: { error?: { type: string } } };

function viaReducer(
  state: State,
  playerID: string,
  move: string,
  args: unknown[],
  reduce = reducer,
) {
  const next = reduce(state, {
    type: 'MAKE_MOVE',
    payload: { type: move, args, playerID },
  }) as Reduced;
  if (next.transients?.error) return { ok: false as const, error: next.transients.error.type };
  const { deltalog = [], ...clean } = next;
  return { ok: true as const, state: clean, deltalog };
}

/** A move this seat may not make now: another role's move, or this move with nonsense. */
function refusedTry(seat: SeatId, state: GameState, move: string): [string, unknown[]] {
  const role = state.seats.find((s) => s.id === seat)?.role;
  const other = MOVES.find((m) => m.role !== role);
  return state.round % 2 === 0 && other
    ? [other.name, [{}]]
    : [move, [{ hub: 'Atlantis', pods: -3, tb: 1e9 }]];
}

/**
 * Plays a whole game with random bots, each move through both boardgame.io's reducer and the
 * direct step; the states (G, ctx, plugins, stateID) and the logs must be identical.
 */
function playBothWays(scenario: string, seed: string): number {
  const numPlayers = SCENARIOS[scenario]!.seats.length;
  let state: State = InitializeGame({ game, numPlayers, setupData: { scenario, seed } });
  const rng = seedRng(`direct:${seed}`);
  let moves = 0;
  while (state.ctx.gameover === undefined) {
    const seat = state.ctx.currentPlayer as SeatId;
    const G = state.G as GameState;

    const [badMove, badArgs] = refusedTry(seat, G, 'shipChips');
    const refusedByReducer = viaReducer(state, seat, badMove, badArgs);
    const refusedDirectly = direct!.run(state, seat, badMove, badArgs);
    expect(refusedDirectly.ok, `${badMove} at ${state._stateID}`).toBe(refusedByReducer.ok);

    const choice = randomBot(playerView(G, seat), seat, rng);
    const args = [choice.args];
    const expected = viaReducer(state, seat, choice.move, args);
    const actual = direct!.run(state, seat, choice.move, args);
    expect(expected.ok, `${choice.move} at ${state._stateID}`).toBe(true);
    if (!expected.ok || !actual.ok) throw new Error(`move ${moves} refused`);
    expect(JSON.parse(JSON.stringify(actual.state))).toEqual(
      JSON.parse(JSON.stringify(expected.state)),
    );
    expect(actual.deltalog).toEqual(expected.deltalog);
    state = actual.state;
    moves += 1;
  }
  return moves;
}

describe('direct step (the server runs moves without boardgame.io reducer)', () => {
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // the reducer logs each refusal
  });

  it('is used for Chokepoint, not for games whose flow it does not model', () => {
    expect(direct).not.toBeNull();
    const minimal = ProcessGameConfig(minimalServed.game);
    expect(DirectStep.for(minimal, () => ({}))).toBeNull(); // maxMoves: boardgame.io ends turns
  });

  it.each(Object.keys(SCENARIOS).flatMap((s) => [1, 2, 3].map((n) => [s, `direct-${n}`])))(
    '%s, seed %s: same state and log as boardgame.io after every move, to the end',
    (scenario, seed) => {
      const moves = playBothWays(scenario, seed);
      expect(moves).toBeGreaterThan(20);
    },
  );

  it('leaves the state it was given untouched', () => {
    const state: State = InitializeGame({
      game,
      numPlayers: 4,
      setupData: { scenario: 'classroom', seed: 'untouched' },
    });
    const before = JSON.stringify(state);
    const seat = state.ctx.currentPlayer as SeatId;
    const choice = randomBot(playerView(state.G as GameState, seat), seat, seedRng('x'));
    const step = direct!.run(state, seat, choice.move, [choice.args]);
    expect(step.ok).toBe(true);
    expect(JSON.stringify(state)).toBe(before);
  });
});

/** The smallest game the direct step models: take turns making one no-op move. */
const plain = (): Game => ({
  name: 'plain',
  disableUndo: true,
  moves: { go: { move: ({ G }) => G, client: false } },
  turn: {
    order: { first: () => 0, next: ({ ctx }) => (ctx.playOrderPos + 1) % ctx.numPlayers },
    endIf: ({ ctx }) => (ctx.numMoves ?? 0) >= 1,
  },
});
const withTurn = (turn: Record<string, unknown>): Partial<Game> => ({
  turn: { ...plain().turn, ...turn },
});
const touch = ({ G }: { G: unknown }) => ({ ...(G as object) });

describe('direct step refuses what it does not run', () => {
  it('takes a game with none of them', () => {
    expect(DirectStep.unmodelled(ProcessGameConfig(plain()))).toEqual([]);
    expect(DirectStep.for(ProcessGameConfig(plain()), () => ({}))).not.toBeNull();
  });

  it("needs the game's own move function", () => {
    expect(DirectStep.for(ProcessGameConfig(plain()), undefined)).toBeNull();
  });

  it.each<[string, Partial<Game>]>([
    ['undo', { disableUndo: false }],
    ['plugins', { plugins: [{ name: 'counter' }] }],
    ['phases', { phases: { opening: { start: true } } }],
    ['game onEnd', { onEnd: touch }],
    ['turn.onBegin', withTurn({ onBegin: touch })],
    ['turn.onEnd', withTurn({ onEnd: touch })],
    ['turn.onMove', withTurn({ onMove: touch })],
    ['turn.activePlayers', withTurn({ activePlayers: ActivePlayers.ALL })],
    ['turn.stages', withTurn({ stages: { bid: { moves: {} } } })],
    ['turn.minMoves', withTurn({ minMoves: 1 })],
    ['turn.maxMoves', withTurn({ maxMoves: 1 })],
    ['no turn.order.next', withTurn({ order: { first: () => 0 } })],
    ['short-form moves', { moves: { go: ({ G }) => G } }],
  ])('refuses a game with %s (the server then uses the reducer)', (part, change) => {
    const game = ProcessGameConfig({ ...plain(), ...change });
    expect(DirectStep.unmodelled(game)).toEqual([part]);
    expect(DirectStep.for(game, () => ({}))).toBeNull();
  });

  it('still takes a game that was processed before (boardgame.io writes default hooks into it)', () => {
    const game = plain();
    ProcessGameConfig(game); // e.g. a stock client, or InitializeGame for a new match
    expect(DirectStep.unmodelled(ProcessGameConfig(game))).toEqual([]);
  });
});

describe('the server test fixture runs on the direct step, as Chokepoint does', () => {
  const fixture = ProcessGameConfig(fixtureServed().game);
  const fixtureReducer = CreateGameReducer({ game: fixture });
  const fixtureDirect = DirectStep.for(fixture, applyFixtureMove);

  it('is taken by the direct step', () => {
    expect(DirectStep.unmodelled(fixture)).toEqual([]);
    expect(fixtureDirect).not.toBeNull();
  });

  it('gives the same states and logs as boardgame.io, move by move, to the end', () => {
    let state: State = InitializeGame({
      game: fixture,
      numPlayers: 4,
      setupData: { scenario: 'quick', seed: 'same' },
    });
    let moves = 0;
    for (let tries = 0; state.ctx.gameover === undefined; tries++) {
      const seat = state.ctx.currentPlayer;
      const roll = (tries * 7919) % 10; // every kind of move, refused ones included
      const [move, args] =
        roll === 0
          ? ['advance', [7]]
          : roll < 3
            ? ['stash', [`n${moves}`]]
            : ['advance', [1 + (roll % 3)]];
      const expected = viaReducer(state, seat, move, args, fixtureReducer);
      const actual = fixtureDirect!.run(state, seat, move, args);
      expect(actual.ok, `${move}(${String(args[0])}) at ${state._stateID}`).toBe(expected.ok);
      if (!expected.ok || !actual.ok) continue;
      expect(JSON.parse(JSON.stringify(actual.state))).toEqual(
        JSON.parse(JSON.stringify(expected.state)),
      );
      expect(actual.deltalog).toEqual(expected.deltalog);
      state = actual.state;
      moves += 1;
    }
    expect(moves).toBeGreaterThan(10);
  });
});
