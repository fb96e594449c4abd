import { freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createInitialState, SCENARIOS, waitingFor } from '../game/engine';
import { takeAllowedAction } from '../game/flow';
import type { GameState } from '../game/engine';
import { afterAction, copyTree, reshare } from '../game/update';
import { playGame, type SeatAction } from './helpers';

/** afterAction as it was: every action, the round's resolution included, in one immer draft. */
const throughDraft = (state: GameState, { seat, payload }: SeatAction): GameState =>
  produce(state, (draft) => takeAllowedAction(draft, seat, payload, state));

const deeplyFrozen = (value: unknown): boolean =>
  typeof value !== 'object' ||
  value === null ||
  (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));

/** Paths (JSON pointers) at which `next` keeps `prev`'s own object. */
function keptParts(prev: unknown, next: unknown, path = '', out: string[] = []): string[] {
  if (typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null)
    return out;
  if (prev === next) {
    out.push(path);
    return out;
  }
  for (const key of Object.keys(next))
    if (Object.prototype.hasOwnProperty.call(prev, key))
      keptParts(
        (prev as Record<string, unknown>)[key],
        (next as Record<string, unknown>)[key],
        `${path}/${key}`,
        out,
      );
  return out;
}

/**
 * The submission that completes a round resolves it outside immer's draft (game/update.ts):
 * over whole bot games, every action must give the very state the draft gave, frozen, keep
 * every part the draft kept, and leave the state it was given as it was.
 */
function checkGame(scenario: string, seed: string): { resolved: number } {
  const { actions } = playGame(scenario, seed, {
    revise: true,
    level: (seat) => (Number(seat) % 2 ? 'random' : 'heuristic'),
  });
  let state: GameState = freeze(createInitialState(SCENARIOS[scenario], seed), true);
  let resolved = 0;
  for (const [i, action] of actions.entries()) {
    const label = `action ${i}: ${action.payload.action} by ${action.seat}`;
    const resolves =
      action.payload.action === 'submit' &&
      waitingFor(state).length === 1 &&
      waitingFor(state)[0] === action.seat;
    const before = JSON.stringify(state);
    const next = afterAction(state, action.seat, action.payload);
    expect(next, label).not.toBeNull();
    expect(JSON.stringify(state), `${label}: the input changed`).toBe(before);
    if (resolves) {
      resolved += 1;
      const reference = throughDraft(state, action);
      expect(JSON.stringify(next), label).toBe(JSON.stringify(reference));
      expect(next, label).toStrictEqual(reference);
      expect(deeplyFrozen(next), `${label}: not frozen`).toBe(true);
      expect(deeplyFrozen(state), `${label}: the input was thawed`).toBe(true);
      expect(next).not.toBe(state);
      const kept = new Set(keptParts(state, next));
      for (const path of keptParts(state, reference))
        expect(kept.has(path) || [...kept].some((k) => path.startsWith(`${k}/`)), path).toBe(true);
    }
    state = next!;
  }
  expect(state.over).toBe(true);
  return { resolved };
}

describe('afterAction resolves the round outside the draft, with the same result', () => {
  it('over whole classroom games on several seeds', () => {
    for (let i = 0; i < 8; i++)
      expect(checkGame('classroom', `upd-${i}`).resolved).toBeGreaterThan(5);
  }, 120_000);

  it.each(['suitcase2024', 'tiered2025', 'permit2025'])(
    'over whole %s games',
    (scenario) => {
      for (let i = 0; i < 2; i++)
        expect(checkGame(scenario, `upd-${i}`).resolved).toBeGreaterThan(5);
    },
    120_000,
  );

  it('leaves an input that is not frozen unchanged too', () => {
    const { actions } = playGame('classroom', 'upd-thawed');
    let state: GameState = createInitialState(SCENARIOS.classroom, 'upd-thawed');
    for (const { seat, payload } of actions) {
      const copy = copyTree(state);
      const next = afterAction(state, seat, payload)!;
      expect(state).toStrictEqual(copy);
      expect(Object.isFrozen(next)).toBe(true);
      state = copyTree(next); // the next input unfrozen again
    }
    expect(state.over).toBe(true);
  }, 60_000);
});

describe('copyTree and reshare', () => {
  it('copies a tree without sharing, a part reached twice copied twice', () => {
    const shared = { a: [1, { b: 2 }] };
    const tree = { x: shared, y: shared, n: null, s: 'text', u: undefined };
    const copy = copyTree(tree);
    expect(copy).toStrictEqual(tree);
    expect(copy.x).not.toBe(tree.x);
    expect(copy.x).not.toBe(copy.y);
    expect(copy.x.a[1]).not.toBe(tree.x.a[1]);
  });

  it('keeps the previous parts that came out equal, and only those', () => {
    const prev = freeze(
      { same: { a: [1, 2], b: 'x' }, changed: { a: [1, 2], b: 'x' }, list: [{ k: 1 }, { k: 2 }] },
      true,
    );
    const next = copyTree(prev);
    next.changed.b = 'y';
    next.list.push({ k: 3 });
    const out = reshare(prev, next);
    expect(out).toStrictEqual({ ...next });
    expect(out.same).toBe(prev.same);
    expect(out.changed).not.toBe(prev.changed);
    expect(out.changed.a).toBe(prev.changed.a);
    expect(out.list).not.toBe(prev.list);
    expect(out.list[0]).toBe(prev.list[0]);
    expect(reshare(prev, copyTree(prev))).toBe(prev);
  });

  it('tells key order, -0 and missing keys apart', () => {
    const prev = freeze({ a: { x: 1, y: 2 }, z: { v: 0 }, m: { p: 1 } }, true);
    const next = { a: { y: 2, x: 1 }, z: { v: -0 }, m: { p: 1, q: undefined } };
    const out = reshare(prev, next as typeof prev);
    expect(out.a).not.toBe(prev.a);
    expect(JSON.stringify(out.a)).toBe('{"y":2,"x":1}');
    expect(Object.is(out.z.v, -0)).toBe(true);
    expect(out.m).not.toBe(prev.m);
  });
});
