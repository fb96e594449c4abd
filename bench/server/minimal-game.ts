import type { Game } from 'boardgame.io';
import type { ServedGame } from '../../src/server/served/served-game';

/** The smallest useful boardgame.io game: two players take turns incrementing a counter. */
export const MinimalGame: Game<{ n: number }> = {
  name: 'minimal',
  setup: () => ({ n: 0 }),
  moves: { inc: ({ G }) => void (G.n += 1) },
  turn: { minMoves: 1, maxMoves: 1 },
  events: { endGame: false },
};

export const minimalServed: ServedGame = {
  game: MinimalGame,
  scenarios: {
    duel: {
      id: 'duel',
      name: 'Duel',
      seats: [
        { id: 'a', role: 'player', name: 'A' },
        { id: 'b', role: 'player', name: 'B' },
      ],
    },
  },
  setupData: () => undefined,
  chooseBotMove: () => ({ move: 'inc', args: [] }),
  checkArgs: (move, args) =>
    move === 'inc' && args.length === 0 ? null : 'inc takes no arguments',
  facilitatorRoles: [],
};
