import type { FnContext, Game, LongFormMove } from 'boardgame.io';
import { ActivePlayers, INVALID_MOVE } from 'boardgame.io/core';
import { act, PLAN_ACTIONS, type ActionPayload, type PlanAction } from './flow';
import { seatId } from './ids';
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

/**
 * The four planning actions as boardgame.io moves: `order({move, args})`, `withdraw({index})`,
 * `card({card, use})` and `submit()`. They run on the authority only (clients lack the secret
 * generator), and every seat's plan is its own secret, so their arguments are redacted from the
 * log the other seats receive.
 */
function planningMove(action: PlanAction): LongFormMove<GameState> {
  return {
    move: ({ G, playerID }: Ctx, payload?: object) => {
      const a = { ...(payload ?? {}), action } as ActionPayload;
      return act(G, seatId(playerID), a).ok ? undefined : INVALID_MOVE;
    },
    client: false,
    redact: true,
  };
}

const moves: Record<string, LongFormMove<GameState>> = Object.fromEntries(
  PLAN_ACTIONS.map((action) => [action, planningMove(action)]),
);

export function seatsFor(scenario: string): number | undefined {
  return SCENARIOS[scenario]?.seats.length;
}

/**
 * Chokepoint as a boardgame.io game. Every seat is active at once, all game long: the engine
 * owns the flow (who still has to submit, when a round resolves), and boardgame.io's one turn
 * never ends; the game ends when the engine says so.
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
    activePlayers: ActivePlayers.ALL,
    order: {
      first: () => 0,
      next: ({ ctx }) => ctx.playOrderPos,
    },
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
