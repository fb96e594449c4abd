import { Client } from 'boardgame.io/client';
import { gameWith } from '../game/bgio';
import { chooseBotMove } from '../game/bots';
import {
  activeSeat,
  createInitialState,
  pass,
  performMove,
  playerView,
  SCENARIOS,
} from '../game/engine';
import type { GameState, MoveArgs, SeatId } from '../game/engine';
import { seedRng } from '../game/random';

interface Step {
  seat: SeatId;
  move: string;
  args: MoveArgs;
}

interface DirectRun {
  steps: Step[];
  sizes: { start: number; middle: number; end: number; maxView: number };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** One game of heuristic bots called straight on the engine, as the simulator does. */
function playDirect(scenario: string, seed: string): DirectRun {
  const state: GameState = createInitialState(SCENARIOS[scenario], seed);
  const rng = seedRng(`bench:${seed}`);
  const steps: Step[] = [];
  const start = bytes(state);
  let middle = 0;
  let maxView = 0;
  while (!state.over) {
    const seat = activeSeat(state) as SeatId;
    const choice = chooseBotMove(playerView(state, seat), seat, 'heuristic', rng);
    if (choice.move === 'pass') pass(state, seat);
    else if (!performMove(state, seat, choice.move, choice.args).ok) pass(state, seat);
    steps.push({ seat, move: choice.move, args: choice.args });
    if (!middle && state.round > state.rounds / 2) middle = bytes(state);
    if (steps.length % 8 === 0) maxView = Math.max(maxView, bytes(playerView(state, seat)));
  }
  return { steps, sizes: { start, middle, end: bytes(state), maxView } };
}

/** The same moves through boardgame.io's own reducer (a local client with its master). */
function replayThroughBoardgameIo(scenario: string, seed: string, steps: Step[]): void {
  const client = Client({
    game: gameWith({ scenario, seed }),
    numPlayers: SCENARIOS[scenario].seats.length,
  });
  client.start();
  const moves = client.moves as Record<string, (args?: MoveArgs) => void>;
  for (const step of steps) {
    client.updatePlayerID(step.seat);
    moves[step.move](step.args);
  }
  client.stop();
}

export interface EngineBench {
  games: number;
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
    replayThroughBoardgameIo(scenario, `bench-${i}`, runs[i].steps);
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
