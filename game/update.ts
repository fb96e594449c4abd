import { freeze, produce } from 'immer';
import { actionProblem, takeAllowedAction, waitingFor } from './flow';
import type { SeatId } from './ids';
import type { ActionPayload } from './flow';
import type { GameState } from './state';

/**
 * The state after one seat's planning action, or null if the action is not allowed. `state` is
 * left as it was; the result shares every part the action did not change, and is frozen.
 *
 * Most actions change a seat's plan and little else: they run in an immer draft, which copies
 * only what they write. The submission that completes the round resolves it, which reads and
 * writes most of the state; through a draft that costs about twice the resolution itself
 * (every object read becomes a proxy), so it runs on a private copy instead, whose parts that
 * came out equal to the state's are then replaced by the state's own (`reshare`).
 */
export function afterAction(
  state: GameState,
  seat: SeatId,
  action: ActionPayload,
): GameState | null {
  // Checked on the state itself: reads through an immer draft cost several times more.
  if (actionProblem(state, seat, action)) return null;
  if (!completesRound(state, seat, action))
    return produce(state, (draft) => takeAllowedAction(draft, seat, action, state));
  const next = copyTree(state);
  takeAllowedAction(next, seat, action);
  return freeze(reshare(state, next), true);
}

/** Is this the submission of the last seat the round waits for (and so resolves it)? */
function completesRound(state: GameState, seat: SeatId, action: ActionPayload): boolean {
  if (action.action !== 'submit') return false;
  const waiting = waitingFor(state);
  return waiting.length === 1 && waiting[0] === seat;
}

/**
 * A deep copy of plain data (objects, arrays, primitives: what a state holds), as a tree: a
 * part reached by two paths is copied twice, as an immer draft makes one draft per path.
 */
export function copyTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyTree(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyTree(value[key]);
  return out as T;
}

/**
 * `next` with every part deep-equal to the same part of `prev` (same keys in the same order,
 * equal values) replaced by prev's own, so that unchanged parts keep their identity from one
 * state to the next, as immer's structural sharing keeps them: views and patches skip them by
 * identity (game/views.ts, the server's JSON patch). `prev` itself is returned if all of `next`
 * is equal to it. `next`'s own unfrozen objects are updated in place; frozen parts of it are
 * left as they are.
 */
export function reshare<T>(prev: T, next: T): T {
  return reshared(prev, next) as T;
}

function reshared(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (typeof next !== 'object' || next === null) return next;
  if (typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    return reshareArray(prev, next);
  }
  if (Array.isArray(prev)) return next;
  return reshareObject(prev as Record<string, unknown>, next as Record<string, unknown>);
}

function reshareArray(prev: unknown[], next: unknown[]): unknown[] {
  const writable = !Object.isFrozen(next);
  let same = prev.length === next.length;
  const common = Math.min(prev.length, next.length);
  for (let i = 0; i < common; i++) {
    const child = reshared(prev[i], next[i]);
    if (child !== next[i] && writable) next[i] = child;
    if (!Object.is(child, prev[i])) same = false;
  }
  return same ? prev : next;
}

function reshareObject(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const writable = !Object.isFrozen(next);
  const prevKeys = Object.keys(prev);
  const nextKeys = Object.keys(next);
  let same = prevKeys.length === nextKeys.length;
  for (let i = 0; i < nextKeys.length; i++) {
    const key = nextKeys[i]!;
    if (same && prevKeys[i] !== key) same = false;
    if (!Object.prototype.hasOwnProperty.call(prev, key)) {
      same = false;
      continue;
    }
    const child = reshared(prev[key], next[key]);
    if (child !== next[key] && writable) next[key] = child;
    if (!Object.is(child, prev[key])) same = false;
  }
  return same ? prev : next;
}
