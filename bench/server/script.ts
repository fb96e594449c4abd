import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { State } from 'boardgame.io';
import { planBotOrders } from '../../game/bots';
import { waitingFor } from '../../game/flow';
import { seatId } from '../../game/ids';
import type { GameState } from '../../game/state';
import { Views } from '../../src/server/authority/views';
import { chokepointServed } from '../../src/server/served/chokepoint';

export interface ScriptedMove {
  seat: string;
  move: string;
  args: unknown[];
}

/**
 * A whole Chokepoint game played once, here, by random bots that see only their own seat's
 * view: the planning actions by stateID. Each round every seat in turn sends its card, its
 * orders and its submit. Every bench match is created with the same scenario and seed, so (the
 * engine being deterministic) each replays this script, and the clients spend no time deciding.
 */
/** A scenario's seat ids as the lobby seats a match ('0', '1', …; the facilitator's among them). */
export function seatIDs(scenario: string): string[] {
  const count = chokepointServed.scenarios[scenario]?.seats.length ?? 0;
  return Array.from({ length: count }, (_, i) => String(i));
}

export function chokepointScript(scenario: string, seed: string): Map<number, ScriptedMove> {
  const game = ProcessGameConfig(chokepointServed.game);
  const reducer = CreateGameReducer({ game });
  const views = new Views(game);
  const numPlayers = chokepointServed.scenarios[scenario]?.seats.length ?? 0;
  let state: State = InitializeGame({
    game: chokepointServed.game,
    numPlayers,
    setupData: { scenario, seed },
  });
  const script = new Map<number, ScriptedMove>();
  const play = (seat: string, move: string, payload?: object): void => {
    const args = payload ? [payload] : [];
    script.set(state._stateID, { seat, move, args });
    const next = reducer(state, {
      type: 'MAKE_MOVE',
      payload: { type: move, args, playerID: seat },
    }) as State & { transients?: unknown };
    if (next.transients || next._stateID === state._stateID)
      throw new Error(`scripted ${move} refused at ${state._stateID}`);
    state = next;
  };
  while (state.ctx.gameover === undefined && script.size < 10_000) {
    const seat = waitingFor(state.G as GameState)[0];
    if (seat === undefined) throw new Error('no seat left to plan, but the game goes on');
    const view = views.update('script', seat, state).state.G as GameState;
    const plan = planBotOrders(view, seatId(seat), 'random', `${seed}:${state._stateID}`);
    if (plan.card) play(seat, 'card', plan.card);
    for (const order of plan.orders) play(seat, 'order', order);
    play(seat, 'submit');
  }
  return script;
}
