import { describe, expect, it } from 'vitest';
import { createInitialState, pass, performMove, SCENARIOS } from '../../game/engine';
import type { GameState, MoveArgs, Role } from '../../game/engine';
import { finishRound, giveTurn, seatOfRole } from '../helpers';
import data from './cases.json';

interface RuleCase {
  name: string;
  by: Role;
  turnOf?: Role;
  move: string;
  args?: MoveArgs;
  given?: Record<string, unknown>;
  expect?: Record<string, unknown>;
  afterRound?: Record<string, unknown>;
  rejects?: string;
}

/** "firm.x" is the first AI firm; "a.b[0].c" walks objects and arrays. */
function steps(state: GameState, path: string): string[] {
  const firm = seatOfRole(state, 'firm');
  return path
    .replace(/^firm\./, `firms.${firm}.`)
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.');
}

function read(state: GameState, path: string): unknown {
  return steps(state, path).reduce<unknown>(
    (obj, key) => (obj as Record<string, unknown> | undefined)?.[key],
    state,
  );
}

function write(state: GameState, path: string, value: unknown): void {
  const keys = steps(state, path);
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (obj, key) => obj[key] as Record<string, unknown>,
    state as unknown as Record<string, unknown>,
  );
  parent[last] = structuredClone(value);
}

/** The classroom scenario with no news cards, so every case starts from its own numbers. */
function quietClassroom(): GameState {
  return createInitialState({ ...SCENARIOS.classroom, deck: [], scheduled: [] }, 'rule-cases');
}

const cases = (data as { cases: RuleCase[] }).cases;

describe('rule cases (tests/rules/cases.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const state = quietClassroom();
    for (const [path, value] of Object.entries(c.given ?? {})) write(state, path, value);
    const seat = seatOfRole(state, c.by);
    giveTurn(state, c.turnOf ? seatOfRole(state, c.turnOf) : seat);
    if (c.given?.actionsLeft !== undefined) state.actionsLeft = c.given.actionsLeft as number;
    const before = JSON.stringify(state);
    const result =
      c.move === 'pass' ? pass(state, seat) : performMove(state, seat, c.move, c.args ?? {});
    if (c.rejects) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(c.rejects);
      expect(JSON.stringify(state)).toBe(before);
      return;
    }
    expect(result).toEqual({ ok: true });
    for (const [path, value] of Object.entries(c.expect ?? {}))
      expect(read(state, path), path).toEqual(value);
    if (!c.afterRound) return;
    finishRound(state);
    for (const [path, value] of Object.entries(c.afterRound))
      expect(read(state, path), `after the round: ${path}`).toEqual(value);
  });
});
