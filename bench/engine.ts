import { Client } from 'boardgame.io/client';
import { freeze } from 'immer';
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
import { afterAction } from '../game/update';

/** One planning action of one seat: a card, an order or the submission. */
interface Step {
  seat: SeatId;
  payload: ActionPayload;
}

/** Serialized sizes in bytes, as stored (the whole state) and as sent (a viewer's view). */
export interface Sizes {
  start: number;
  middle: number;
  end: number;
  /** The largest state after any submission, the end included. */
  largest: number;
  /** The largest view of any seat (the facilitator's included) or spectator, the end included. */
  maxView: number;
}

interface DirectRun {
  steps: Step[];
  sizes: Sizes | null;
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/**
 * One game of heuristic bots called straight on the engine, as the simulator does: each round
 * every seat plans from its own view (card, orders), then submits; the last submission resolves.
 * With `measure`, the state and every viewer's view are sized after each submission (outside
 * the timed runs: it costs more than the game).
 */
function playDirect(scenario: string, seed: string, measure = false): DirectRun {
  const state: GameState = createInitialState(SCENARIOS[scenario]!, seed);
  const rng = seedRng(`bench:${seed}`);
  const steps: Step[] = [];
  const viewers = [...state.seats.map((s) => s.id), null];
  const sizes: Sizes = { start: bytes(state), middle: 0, end: 0, largest: 0, maxView: 0 };
  const size = (): void => {
    sizes.largest = Math.max(sizes.largest, bytes(state));
    for (const viewer of viewers)
      sizes.maxView = Math.max(sizes.maxView, bytes(playerView(state, viewer)));
  };
  const take = (seat: SeatId, payload: ActionPayload): void => {
    if (!act(state, seat, payload).ok) return;
    steps.push({ seat, payload });
    if (measure && payload.action === 'submit') size();
  };
  while (!state.over) {
    for (const seat of waitingFor(state)) {
      const plan = planBotOrders(playerView(state, seat), seat, 'heuristic', rng);
      if (plan.card) take(seat, { action: 'card', ...plan.card });
      for (const order of plan.orders) take(seat, { action: 'order', ...order });
      take(seat, { action: 'submit' });
    }
    if (measure && !sizes.middle && state.round > state.rounds / 2) sizes.middle = bytes(state);
  }
  sizes.end = bytes(state);
  return { steps, sizes: measure ? sizes : null };
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
  return {
    games,
    moves: runs.reduce((n, r) => n + r.steps.length, 0),
    directMs,
    boardgameIoGames: bgioGames,
    boardgameIoMoves: runs.slice(0, bgioGames).reduce((n, r) => n + r.steps.length, 0),
    boardgameIoMs,
  };
}

/** The largest sizes over `games` games of a scenario (each figure its own worst game). */
export function benchSizes(scenario: string, games: number): Sizes {
  const all = Array.from({ length: games }, (_, i) => playDirect(scenario, `bench-${i}`, true));
  const max = (pick: (s: Sizes) => number) => Math.max(...all.map((r) => pick(r.sizes!)));
  return {
    start: max((s) => s.start),
    middle: max((s) => s.middle),
    end: max((s) => s.end),
    largest: max((s) => s.largest),
    maxView: max((s) => s.maxView),
  };
}

/** Per-call times of `afterAction` (the server's move), in microseconds. */
export interface UpdateBench {
  games: number;
  /** The submission that completes the round, and so resolves it. */
  resolving: { count: number; meanUs: number; p50Us: number; p99Us: number };
  /** Every other action (cards, orders, withdrawals, the other submissions). */
  others: { count: number; meanUs: number; p50Us: number; p99Us: number };
}

const summary = (us: number[]) => {
  us.sort((a, b) => a - b);
  const at = (q: number) => us[Math.min(us.length - 1, Math.floor(q * us.length))] ?? 0;
  const mean = us.reduce((a, b) => a + b, 0) / Math.max(1, us.length);
  return { count: us.length, meanUs: mean, p50Us: at(0.5), p99Us: at(0.99) };
};

/**
 * The server's move as it runs it: `afterAction` on frozen states (game/update.ts), over the
 * actions of `games` bot games replayed in turn, timed call by call. `rounds` passes over the
 * same games, the first of them (the JIT warming up) not counted.
 */
export function benchUpdate(scenario: string, games: number, rounds = 4): UpdateBench {
  const runs = Array.from({ length: games }, (_, i) => ({
    seed: `bench-${i}`,
    steps: playDirect(scenario, `bench-${i}`).steps,
  }));
  const starts = runs.map((r) => freeze(createInitialState(SCENARIOS[scenario]!, r.seed), true));
  const resolving: number[] = [];
  const others: number[] = [];
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, g) => {
      let state = starts[g]!;
      for (const { seat, payload } of run.steps) {
        const resolves =
          payload.action === 'submit' &&
          waitingFor(state).length === 1 &&
          waitingFor(state)[0] === seat;
        const t = performance.now();
        const next = afterAction(state, seat, payload);
        const us = (performance.now() - t) * 1000;
        if (!next) throw new Error(`${payload.action} refused for seat ${seat}`);
        state = next;
        if (round > 0) (resolves ? resolving : others).push(us);
      }
    });
  }
  return { games, resolving: summary(resolving), others: summary(others) };
}
