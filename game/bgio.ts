import type { FnContext, Game, LongFormMove } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import { pass, performMove } from './flow';
import { seatId } from './ids';
import { MOVES } from './moves';
import type { MoveArgs } from './moves/types';
import { SCENARIOS } from './scenarios';
import { createInitialState } from './setup';
import type { GameState, Outcome } from './state';
import { playerView } from './views';

/** What a match is created with: the scenario and the match's own seed. */
export interface SetupData {
  scenario: string;
  seed: string;
}

export const DEFAULT_SETUP: SetupData = { scenario: 'classroom', seed: 'chokepoint' };

type Ctx = FnContext<GameState> & { playerID: string };

/** Every move runs on the authority only (clients lack the secret generator), and a firm's
 * arguments are kept out of the log that other seats receive. */
function engineMove(name: string, secretArgs: boolean): LongFormMove<GameState> {
  return {
    move: ({ G, playerID }: Ctx, args?: MoveArgs) => {
      const result = performMove(G, seatId(playerID), name, args ?? {});
      return result.ok ? undefined : INVALID_MOVE;
    },
    client: false,
    redact: secretArgs,
  };
}

const moves: Record<string, LongFormMove<GameState>> = Object.fromEntries(
  MOVES.map((spec) => [spec.name, engineMove(spec.name, spec.role === 'firm')]),
);
moves.pass = {
  move: ({ G, playerID }: Ctx) => (pass(G, seatId(playerID)).ok ? undefined : INVALID_MOVE),
  client: false,
};

export function seatsFor(scenario: string): number | undefined {
  return SCENARIOS[scenario]?.seats.length;
}

/**
 * Chokepoint as a boardgame.io game. The engine owns the flow (whose turn, when a round ends);
 * boardgame.io follows it: a turn ends when the engine's active seat changes.
 */
export const ChokepointGame: Game<GameState, Record<string, unknown>, SetupData> = {
  name: 'chokepoint',
  minPlayers: 4,
  maxPlayers: 7,
  disableUndo: true,
  setup: ({ ctx }, setupData) => {
    const data = setupData ?? DEFAULT_SETUP;
    const scenario = SCENARIOS[data.scenario];
    if (!scenario) throw new Error(`unknown scenario "${data.scenario}"`);
    if (scenario.seats.length !== ctx.numPlayers)
      throw new Error(`${scenario.id} has ${scenario.seats.length} seats, not ${ctx.numPlayers}`);
    return createInitialState(scenario, data.seed);
  },
  validateSetupData: (data, numPlayers) => {
    if (!data) return undefined;
    if (typeof data.seed !== 'string' || data.seed.length === 0 || data.seed.length > 64)
      return 'seed must be a string of 1 to 64 characters';
    const seats = seatsFor(data.scenario);
    if (seats === undefined) return `unknown scenario "${String(data.scenario)}"`;
    if (seats !== numPlayers) return `scenario ${data.scenario} needs ${seats} seats`;
    return undefined;
  },
  moves,
  turn: {
    order: {
      playOrder: ({ G }) => G.order,
      first: ({ G }) => G.turn,
      next: ({ G }) => G.turn,
    },
    endIf: ({ G, ctx }) => !G.over && G.order[G.turn] !== ctx.currentPlayer,
  },
  endIf: ({ G }): Outcome | undefined => (G.over && G.outcome ? G.outcome : undefined),
  playerView: ({ G, playerID }) =>
    playerView(G, playerID === null || playerID === undefined ? null : seatId(playerID)),
  events: {
    endGame: false,
    endPhase: false,
    setPhase: false,
    endTurn: false,
    pass: false,
    setActivePlayers: false,
    endStage: false,
    setStage: false,
  },
};

/**
 * The game with its setup data fixed, for clients that create matches locally (hot-seat play,
 * tests, benchmarks): boardgame.io's local Client does not pass setup data.
 */
export function gameWith(data: SetupData): typeof ChokepointGame {
  const setup = ChokepointGame.setup;
  if (!setup) throw new Error('ChokepointGame has no setup');
  return { ...ChokepointGame, setup: (context) => setup(context, data) };
}
