import type { ActionShape, Game } from 'boardgame.io';
import type { ProcessGameConfig } from 'boardgame.io/internal';

type Flow = ReturnType<typeof ProcessGameConfig>['flow'];
export type ClientAction = ActionShape.MakeMove | ActionShape.GameEvent;
export type Checked = { ok: true; action: ClientAction } | { ok: false; error: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_NODES = 2000;
const MAX_DEPTH = 12;

/** True for plain JSON data (no prototypes, no binary, bounded depth and size). */
export function isPlainJson(value: unknown, budget = { nodes: MAX_NODES }, depth = 0): boolean {
  if (--budget.nodes < 0 || depth > MAX_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isPlainJson(v, budget, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(
    ([k, v]) => k !== '__proto__' && isPlainJson(v, budget, depth + 1),
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Accepts only MAKE_MOVE for a move the game defines (own property, not a
 * prototype member) and GAME_EVENT for an event the game leaves enabled.
 * Returns a freshly built action whose playerID is the authenticated seat,
 * so nothing else a client put in the frame reaches the reducer.
 */
export function checkAction(raw: unknown, playerID: string, game: Game & { flow: Flow }): Checked {
  if (!isRecord(raw) || !isRecord(raw.payload)) return { ok: false, error: 'malformed action' };
  const { type } = raw;
  const name = raw.payload.type;
  const args = raw.payload.args;
  if (typeof name !== 'string' || !NAME.test(name))
    return { ok: false, error: 'malformed action name' };
  if (args !== undefined && args !== null && !(Array.isArray(args) && isPlainJson(args))) {
    return { ok: false, error: 'malformed action args' };
  }
  const cleanArgs = (args ?? []) as unknown[];
  if (type === 'MAKE_MOVE') {
    if (!game.flow.moveNames.includes(name)) return { ok: false, error: 'unknown move' };
    return {
      ok: true,
      action: { type: 'MAKE_MOVE', payload: { type: name, args: cleanArgs, playerID } },
    };
  }
  if (type === 'GAME_EVENT') {
    if (!game.flow.enabledEventNames.includes(name))
      return { ok: false, error: 'event not allowed' };
    return {
      ok: true,
      action: { type: 'GAME_EVENT', payload: { type: name, args: cleanArgs, playerID } },
    };
  }
  return { ok: false, error: 'action type not allowed' };
}
