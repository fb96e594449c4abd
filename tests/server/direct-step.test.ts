import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { Game, LogEntry, State } from 'boardgame.io';
import { ActivePlayers } from 'boardgame.io/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SCENARIOS } from '../../game/engine';
import type { GameState, SeatId } from '../../game/engine';
import { MOVES } from '../../game/moves';
import { DirectStep } from '../../src/server/authority/direct-step';
import { minimalServed } from '../../bench/server/minimal-game';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { playGame, type SeatAction } from '../helpers';
import { applyFixtureMove, fixtureServed } from './fixtures/game';

const game = ProcessGameConfig(chokepointServed.game);
const reducer = CreateGameReducer({ game });
const direct = DirectStep.for(game, chokepointServed.applyMove);

type Reduced = State & { deltalog?: LogEntry[]; transients?: { error?: { type: string } } };

/**
 * boardgame.io's reducer on `state`. It counts an active player's move in place, in the ctx the
 * given state shares, so call it after the direct step (which must leave its input untouched).
 */
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

/** The boardgame.io move (name and arguments) for a planning action. */
function asMove({ payload }: SeatAction): [string, unknown[]] {
  const { action, ...rest } = payload;
  return [action, action === 'submit' ? [] : [rest]];
}

/** Something this seat may not do now, a different kind at each step. */
function refusedTry(G: GameState, seat: SeatId, n: number): [string, string, unknown[]] {
  const role = G.seats.find((s) => s.id === seat)?.role;
  const other = MOVES.find((m) => m.role !== role)!;
  const facilitator = G.seats.find((s) => s.role === 'facilitator')?.id;
  const submitted = G.planners.find((p) => G.plans[p]!.submitted);
  const tries: [string, string, unknown[]][] = [
    [seat, 'order', [{ move: other.name, args: {} }]],
    [seat, 'order', [{ move: 'shipChips', args: { hub: 'Atlantis', pods: -3 } }]],
    [seat, 'withdraw', [{ index: 99 }]],
    [seat, 'card', [{ card: 'no-such-card', use: 'event' }]],
    [seat, 'pass', [{}]],
    [submitted ?? seat, submitted ? 'submit' : 'order', [{ move: 'nothing', args: {} }]],
    facilitator ? [facilitator, 'submit', []] : [seat, 'withdraw', [{ index: -1 }]],
  ];
  return tries[n % tries.length]!;
}

/**
 * Plays a whole game of bots on the engine, then replays each planning action through both
 * boardgame.io's reducer and the direct step, every seat active at once; before each one, a
 * move that must be refused is tried both ways. The states (G, ctx, plugins, stateID) and the
 * logs must be identical.
 */
function playBothWays(scenario: string, seed: string): number {
  const numPlayers = SCENARIOS[scenario]!.seats.length;
  const { actions } = playGame(scenario, seed, {
    level: (seat) => (Number(seat) % 2 ? 'heuristic' : 'random'),
    revise: true,
  });
  let state: State = InitializeGame({ game, numPlayers, setupData: { scenario, seed } });
  expect(state.ctx.activePlayers).not.toBeNull();
  let n = 0;
  for (const action of actions) {
    const [who, badMove, badArgs] = refusedTry(state.G as GameState, action.seat, n);
    const refusedDirectly = direct!.run(state, who, badMove, badArgs);
    const refusedByReducer = viaReducer(state, who, badMove, badArgs);
    expect(refusedByReducer.ok, `${badMove} at ${state._stateID}`).toBe(false);
    expect(refusedDirectly.ok, `${badMove} at ${state._stateID}`).toBe(false);

    const [move, args] = asMove(action);
    const actual = direct!.run(state, action.seat, move, args);
    const expected = viaReducer(state, action.seat, move, args);
    expect(expected.ok, `${move} at ${state._stateID}`).toBe(true);
    if (!expected.ok || !actual.ok) throw new Error(`action ${n} refused`);
    expect(JSON.parse(JSON.stringify(actual.state))).toEqual(
      JSON.parse(JSON.stringify(expected.state)),
    );
    expect(actual.deltalog).toEqual(expected.deltalog);
    state = actual.state;
    n += 1;
  }
  expect(state.ctx.gameover).toBeDefined();
  return n;
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

  it.each(Object.keys(SCENARIOS).flatMap((s) => [1, 2].map((n) => [s, `direct-${n}`])))(
    '%s, seed %s: same state and log as boardgame.io after every action, to the end',
    (scenario, seed) => {
      const actions = playBothWays(scenario, seed);
      expect(actions).toBeGreaterThan(20);
    },
    60_000,
  );

  it("counts each seat's moves as boardgame.io does, and leaves the state it was given untouched", () => {
    const state: State = InitializeGame({
      game,
      // classroom's seats, the facilitator's included
      numPlayers: chokepointServed.scenarios.classroom!.seats.length,
      setupData: { scenario: 'classroom', seed: 'untouched' },
    });
    const before = JSON.stringify(state);
    const step = direct!.run(state, '2', 'submit', []);
    expect(step.ok).toBe(true);
    expect(JSON.stringify(state)).toBe(before);
    if (!step.ok) return;
    expect(step.state.ctx._activePlayersNumMoves).toMatchObject({ '0': 0, '1': 0, '2': 1, '3': 0 });
    expect(step.state.ctx.numMoves).toBe(0); // seat 2 is not boardgame.io's current player
    expect(step.state.ctx.turn).toBe(state.ctx.turn); // the one turn never ends
    expect(step.state.ctx.activePlayers).toEqual(state.ctx.activePlayers);
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

  it('takes a game where every player is active all game, in one turn that never ends', () => {
    const game = ProcessGameConfig({
      ...plain(),
      ...withTurn({ activePlayers: ActivePlayers.ALL, endIf: undefined }),
    });
    expect(DirectStep.unmodelled(game)).toEqual([]);
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
    [
      'turn.activePlayers other than ActivePlayers.ALL',
      withTurn({ activePlayers: ActivePlayers.OTHERS, endIf: undefined }),
    ],
    ['turn.endIf with turn.activePlayers', withTurn({ activePlayers: ActivePlayers.ALL })],
    [
      'turn.activePlayers other than ActivePlayers.ALL',
      withTurn({ activePlayers: { all: null, maxMoves: 2 }, endIf: undefined }),
    ],
    [
      'turn.activePlayers other than ActivePlayers.ALL',
      withTurn({ activePlayers: { all: 'bid' }, endIf: undefined }),
    ],
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
