import { Client } from 'boardgame.io/client';
import { gameWith } from '../../../game/bgio';
import {
  SCENARIOS,
  moveProblem,
  playerView,
  turnProblem,
  type GameState,
  type MoveArgs,
  type SeatId,
} from '../../../game/engine';

export type SendResult = { ok: true } | { ok: false; error: string };

/** What the board and the table read: the full state stays inside; seats get filtered views. */
export interface LocalMatch {
  subscribe(fn: () => void): () => void;
  /** Increases on every accepted move: a cheap snapshot key. */
  version(): number;
  view(seat: SeatId | null): GameState;
  send(seat: SeatId, name: string, args: MoveArgs): SendResult;
  pass(seat: SeatId): SendResult;
  stop(): void;
}

/**
 * A match played in this page: boardgame.io's plain client with no server. Hot-seat play
 * switches the client's player to whoever acts; every seat sees the engine's own filtered view.
 */
export function createLocalMatch(scenarioId: string, seed: string): LocalMatch {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  const client = Client({
    game: gameWith({ scenario: scenarioId, seed }),
    numPlayers: scenario.seats.length,
    debug: false,
  });
  client.start();
  const full = (): GameState => (client.store.getState() as { G: GameState }).G;
  const stateId = (): number => (client.store.getState() as { _stateID: number })._stateID;
  const cache = new Map<string, { at: number; view: GameState }>();

  function act(seat: SeatId, run: () => void, explain: () => string | null): SendResult {
    const before = stateId();
    const problem = explain();
    if (problem) return { ok: false, error: problem };
    client.updatePlayerID(seat);
    run();
    if (stateId() === before)
      return { ok: false, error: explain() ?? 'The engine refused this move.' };
    return { ok: true };
  }

  return {
    subscribe: (fn) => client.subscribe(() => fn()),
    version: stateId,
    view(seat) {
      const key = seat ?? 'spectator';
      const hit = cache.get(key);
      if (hit && hit.at === stateId()) return hit.view;
      const view = playerView(full(), seat);
      cache.set(key, { at: stateId(), view });
      return view;
    },
    send: (seat, name, args) =>
      act(
        seat,
        () => client.moves[name]?.(args),
        () => turnProblem(full(), seat) ?? moveProblem(playerView(full(), seat), seat, name, args),
      ),
    pass: (seat) =>
      act(
        seat,
        () => client.moves.pass?.(),
        () => turnProblem(full(), seat),
      ),
    stop: () => client.stop(),
  };
}
