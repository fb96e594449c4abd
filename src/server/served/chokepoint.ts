import type { State } from 'boardgame.io';
import { ChokepointGame } from '../../../game/bgio';
import { chooseBotMove } from '../../../game/bots';
import { seatId } from '../../../game/ids';
import { SCENARIOS } from '../../../game/scenarios';
import type { GameState } from '../../../game/state';
import { checkMoveArgs } from '../../../game/moves/args';
import type { MoveArgs } from '../../../game/moves/types';
import { afterAction } from '../../../game/update';
import type { ScenarioInfo, ServedGame } from './served-game';

const scenarios: Record<string, ScenarioInfo> = Object.fromEntries(
  Object.values(SCENARIOS).map((s) => [
    s.id,
    {
      id: s.id,
      name: s.name,
      seats: s.seats.map((seat, i) => ({ id: String(i), role: seat.role, name: seat.name })),
    },
  ]),
);

/** Chokepoint as the server serves it: seat i of a scenario is playerID String(i). */
export const chokepointServed: ServedGame = {
  game: ChokepointGame,
  scenarios,
  setupData: (scenario, seed) => ({ scenario, seed }),
  chooseBotMove: (view: State, playerID, level, rngSeed) => {
    const choice = chooseBotMove(view.G as GameState, seatId(playerID), level, rngSeed);
    return { move: choice.move, args: [choice.args] };
  },
  checkArgs: checkMoveArgs,
  facilitatorRoles: ['facilitator'],
  applyMove: (G, playerID, move, args) =>
    afterAction(G as GameState, seatId(playerID), move, (args[0] ?? {}) as MoveArgs),
};
