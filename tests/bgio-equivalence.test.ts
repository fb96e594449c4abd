import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { gameWith } from '../game/bgio';
import { randomBot } from '../game/bots/random';
import { createInitialState, pass, performMove, playerView, SCENARIOS } from '../game/engine';
import type { GameState, SeatId } from '../game/engine';
import { seedRng } from '../game/random';

type Moves = Record<string, (args?: unknown) => void>;

/**
 * The simulator calls the engine directly; the board and the server go through boardgame.io.
 * Both must give the same state after every move.
 */
function playBothWays(scenario: string, seed: string): { moves: number; over: boolean } {
  const client = Client({
    game: gameWith({ scenario, seed }),
    numPlayers: SCENARIOS[scenario].seats.length,
  });
  client.start();
  const authoritative = () => client.store.getState().G as GameState;
  const direct = createInitialState(SCENARIOS[scenario], seed);
  expect(JSON.stringify(authoritative())).toBe(JSON.stringify(direct));
  const rng = seedRng(`bots:${seed}`);
  let moves = 0;
  while (!direct.over) {
    const seat = client.getState()?.ctx.currentPlayer as SeatId;
    const choice = randomBot(playerView(direct, seat), seat, rng);
    client.updatePlayerID(seat);
    (client.moves as Moves)[choice.move](choice.args);
    if (choice.move === 'pass') pass(direct, seat);
    else performMove(direct, seat, choice.move, choice.args);
    moves += 1;
    expect(JSON.stringify(authoritative()), `move ${moves}`).toBe(JSON.stringify(direct));
  }
  const over = Boolean(client.getState()?.ctx.gameover);
  client.stop();
  return { moves, over };
}

describe('the engine called directly and through boardgame.io give identical states', () => {
  it('for 100 classroom seeds, move by move, to the end', () => {
    for (let i = 0; i < 100; i++) expect(playBothWays('classroom', `eq-${i}`).over).toBe(true);
  }, 120_000);

  it.each(['suitcase2024', 'tiered2025', 'permit2025'])('for %s too', (scenario) => {
    for (let i = 0; i < 5; i++) expect(playBothWays(scenario, `eq-${i}`).over).toBe(true);
  });
});
