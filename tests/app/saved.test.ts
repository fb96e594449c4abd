// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalMatch } from '../../src/app/match/localMatch';
import { playBotRound } from '../../src/app/match/bots';
import { SAVE_KEY, forgetGame, loadGame, saveGame } from '../../src/app/match/saved';
import { defaultSetup } from '../../src/app/selectors/table';
import type { SeatId } from '../../game/engine';

const setup = { ...defaultSetup('classroom'), seed: 'saved-test' };

/** Two rounds of a classroom game, every seat played by the harder bot. */
function playedMatch() {
  const match = createLocalMatch(setup.scenario, setup.seed);
  for (let round = 0; round < 2; round++)
    for (const s of setup.seats) playBotRound(match, s.seat as SeatId, 'heuristic', setup.seed);
  return match;
}

describe('a game kept in the browser', () => {
  beforeEach(() => localStorage.clear());

  it('comes back after a reload as the very same game, secrets and all', () => {
    const match = playedMatch();
    expect(match.view(null).round).toBe(3);
    saveGame(setup, match.actions());

    const loaded = loadGame();
    if (loaded.kind !== 'saved') throw new Error(`not restored: ${JSON.stringify(loaded)}`);
    expect(loaded.game.setup).toEqual(setup);
    const again = createLocalMatch(loaded.game.setup.scenario, loaded.game.setup.seed, {
      replay: loaded.game.actions,
    });
    for (const viewer of [null, '0', '2'] as (SeatId | null)[])
      expect(again.view(viewer)).toEqual(match.view(viewer));
    // and it goes on from there
    expect(again.actions()).toHaveLength(match.actions().length);
  });

  it('reports damaged or foreign records instead of using them', () => {
    localStorage.setItem(SAVE_KEY, '{"version":1,');
    expect(loadGame()).toEqual({
      kind: 'broken',
      problem: expect.stringContaining('not readable'),
    });
    localStorage.setItem(SAVE_KEY, JSON.stringify({ version: 7, setup: {}, actions: [] }));
    expect(loadGame()).toMatchObject({
      kind: 'broken',
      problem: expect.stringContaining('format 7'),
    });
    localStorage.setItem(
      SAVE_KEY,
      JSON.stringify({ version: 1, savedAt: 1, setup: { ...setup, seats: 'x' }, actions: [] }),
    );
    expect(loadGame()).toMatchObject({ kind: 'broken', problem: expect.stringContaining('seats') });
    forgetGame();
    expect(loadGame()).toEqual({ kind: 'none' });
  });

  it('refuses to replay actions the engine does not accept', () => {
    expect(() =>
      createLocalMatch(setup.scenario, setup.seed, {
        replay: [{ seat: '0' as SeatId, payload: { action: 'withdraw', index: 5 } }],
      }),
    ).toThrow(/step 1 of the saved game is refused/);
  });
});
