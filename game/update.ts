import { produce } from 'immer';
import { act, type MoveResult } from './flow';
import type { SeatId } from './ids';
import type { MoveArgs } from './moves/types';
import type { GameState } from './state';

/**
 * The state after one seat's action, or null if the action is not allowed. `state` is left as
 * it was; the result shares every part the action did not touch, and is frozen.
 */
export function afterAction(
  state: GameState,
  seat: SeatId,
  name: string,
  args: MoveArgs = {},
): GameState | null {
  let result: MoveResult = { ok: false, error: 'not run' };
  const next = produce(state, (draft) => {
    result = act(draft, seat, name, args);
  });
  return result.ok ? next : null;
}
