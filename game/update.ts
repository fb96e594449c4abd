import { produce } from 'immer';
import { actionProblem, takeAllowedAction } from './flow';
import type { SeatId } from './ids';
import type { ActionPayload } from './flow';
import type { GameState } from './state';

/**
 * The state after one seat's planning action, or null if the action is not allowed. `state` is
 * left as it was; the result shares every part the action did not touch, and is frozen.
 */
export function afterAction(
  state: GameState,
  seat: SeatId,
  action: ActionPayload,
): GameState | null {
  // Checked on the state itself: reads through an immer draft cost several times more.
  if (actionProblem(state, seat, action)) return null;
  return produce(state, (draft) => takeAllowedAction(draft, seat, action, state));
}
