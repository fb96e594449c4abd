import { Client } from 'boardgame.io/client';
import { gameWith } from '../game/bgio';
import { planBotOrders } from '../game/bots';
import {
  act,
  createInitialState,
  playerView,
  SCENARIOS,
  waitingFor,
  type ActionPayload,
} from '../game/engine';
import type { GameState, SeatId } from '../game/engine';
import { seedRng } from '../game/random';

/** One planning action of one seat: a card, an order or the submission. */
interface Step {
  seat: SeatId;
  payload: ActionPayload;
}

interface DirectRun {
  steps: Step[];
  sizes: { start: number; middle: number; end: number; maxView: number };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/**
 * One game of heuristic bots called straight on the engine, as the simulator does: each round
 * every seat plans from its own view (card, orders), then submits; the last submission resolves.
 */
function playDirect(scenario: string, seed: string): DirectRun {
  const state: GameState = createInitialState(SCENARIOS[scenario]!, seed);
  const rng = seedRng(`bench:${seed}`);
  const steps: Step[] = [];
  const start = bytes(state);
  let middle = 0;
  let maxView = 0;
  const take = (seat: SeatId, payload: ActionPayload): void => {
    if (!act(state, seat, payload).ok) return;
    steps.push({ seat, payload });
    if (steps.length % 8 === 0) maxView = Math.max(maxView, bytes(playerView(state, seat)));
  };
  while (!state.over) {
    for (const seat of waitingFor(state)) {
      const plan = planBotOrders(playerView(state, seat), seat, 'heuristic', rng);
      if (plan.card) take(seat, { action: 'card', ...plan.card });
      for (const order of plan.orders) take(seat, { action: 'order', ...order });
      take(seat, { action: 'submit' });
    }
    if (!middle && state.round > state.rounds / 2) middle = bytes(state);
  }
  return { steps, sizes: { start, middle, end: bytes(state), maxView } };
}

/** The same actions through boardgame.io's own reducer (a local client, every seat active). */
function replayThroughBoardgameIo(scenario: string, seed: string, steps: Step[]): void {
  const client = Client({
    game: gameWith({ scenario, seed }),
    numPlayers: SCENARIOS[scenario]!.seats.length,
  });
  client.start();
  for (const { seat, payload } of steps) {
    const { action, ...rest } = payload;
    client.updatePlayerID(seat); // this makes new move dispatchers, bound to the seat
    const moves = client.moves as Record<string, (payload?: object) => void>;
    moves[action]!(action === 'submit' ? undefined : rest);
  }
  client.stop();
}

export interface EngineBench {
  games: number;
  /** Planning actions taken (cards, orders and submissions). */
  moves: number;
  directMs: number;
  boardgameIoGames: number;
  boardgameIoMoves: number;
  boardgameIoMs: number;
  sizes: DirectRun['sizes'];
}

export function benchEngine(scenario: string, games: number, bgioGames: number): EngineBench {
  const runs: DirectRun[] = [];
  const t0 = performance.now();
  for (let i = 0; i < games; i++) runs.push(playDirect(scenario, `bench-${i}`));
  const directMs = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < bgioGames; i++)
    replayThroughBoardgameIo(scenario, `bench-${i}`, runs[i]!.steps);
  const boardgameIoMs = performance.now() - t1;
  const max = (pick: (r: DirectRun) => number) => Math.max(...runs.map(pick));
  return {
    games,
    moves: runs.reduce((n, r) => n + r.steps.length, 0),
    directMs,
    boardgameIoGames: bgioGames,
    boardgameIoMoves: runs.slice(0, bgioGames).reduce((n, r) => n + r.steps.length, 0),
    boardgameIoMs,
    sizes: {
      start: max((r) => r.sizes.start),
      middle: max((r) => r.sizes.middle),
      end: max((r) => r.sizes.end),
      maxView: max((r) => r.sizes.maxView),
    },
  };
}
