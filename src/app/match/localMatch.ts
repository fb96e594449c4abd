import { Client } from 'boardgame.io/client';
import { gameWith } from '../../../game/bgio';
import { actionProblem } from '../../../game/flow';
import {
  SCENARIOS,
  playerView,
  type ActionPayload,
  type GameState,
  type SeatId,
} from '../../../game/engine';

export type SendResult = { ok: true } | { ok: false; error: string };

/** What the board and the table read: the full state stays inside; seats get filtered views. */
export interface LocalMatch {
  subscribe(fn: () => void): () => void;
  /** Increases on every accepted action: a cheap snapshot key. */
  version(): number;
  view(seat: SeatId | null): GameState;
  /** One planning action (order, withdraw, card, submit) from one seat. */
  act(seat: SeatId, payload: ActionPayload): SendResult;
  stop(): void;
}

/** The boardgame.io move's argument: the payload without its action name. */
export function moveArgsOf(payload: ActionPayload): Record<string, unknown> {
  const args: Record<string, unknown> = { ...payload };
  delete args.action;
  return args;
}

/**
 * A match played in this page: boardgame.io's plain client with no server, so this page is the
 * authority and holds the match secret. Every seat is active at once; the client's player is
 * switched to whoever acts, and every seat sees the engine's own filtered view.
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
    act(seat, payload) {
      const problem = actionProblem(full(), seat, payload);
      if (problem) return { ok: false, error: problem };
      const before = stateId();
      client.updatePlayerID(seat);
      client.moves[payload.action]?.(moveArgsOf(payload));
      if (stateId() === before)
        return { ok: false, error: actionProblem(full(), seat, payload) ?? 'The engine refused.' };
      return { ok: true };
    },
    stop: () => client.stop(),
  };
}
