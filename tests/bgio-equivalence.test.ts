import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { gameWith } from '../game/bgio';
import { createInitialState, SCENARIOS } from '../game/engine';
import type { GameState } from '../game/engine';
import { playGame } from './helpers';

type Moves = Record<string, (payload?: object) => void>;

/**
 * The simulator calls the engine directly; the board and the server go through boardgame.io,
 * where every seat is active at once. A game of bots played on the engine, replayed action by
 * action through boardgame.io, must give the same state after every action.
 */
function playBothWays(scenario: string, seed: string): { actions: number; over: boolean } {
  const client = Client({
    game: gameWith({ scenario, seed }),
    numPlayers: SCENARIOS[scenario].seats.length,
  });
  client.start();
  const viaBgio = () => JSON.stringify(client.store.getState().G as GameState);
  expect(viaBgio()).toBe(JSON.stringify(createInitialState(SCENARIOS[scenario], seed)));
  let actions = 0;
  playGame(scenario, seed, {
    revise: true, // every seat also withdraws and re-gives its last order each round
    level: (seat) => (Number(seat) % 2 ? 'random' : 'heuristic'),
    onAction: (direct, { seat, payload }) => {
      const { action, ...rest } = payload;
      client.updatePlayerID(seat);
      (client.moves as Moves)[action](action === 'submit' ? undefined : rest);
      actions += 1;
      expect(viaBgio(), `action ${actions}: ${action} by ${seat}`).toBe(JSON.stringify(direct));
    },
  });
  const state = client.getState();
  const over = Boolean(state?.ctx.gameover);
  client.stop();
  return { actions, over };
}

describe('the engine called directly and through boardgame.io give identical states', () => {
  it('for 30 classroom seeds, action by action, to the end', () => {
    for (let i = 0; i < 30; i++) expect(playBothWays('classroom', `eq-${i}`).over).toBe(true);
  }, 120_000);

  it.each(['suitcase2024', 'tiered2025', 'permit2025'])(
    'for %s too',
    (scenario) => {
      for (let i = 0; i < 3; i++) expect(playBothWays(scenario, `eq-${i}`).over).toBe(true);
    },
    60_000,
  );
});
