import { describe, expect, it } from 'vitest';
import { act, cardIn, createInitialState, RULES, SCENARIOS } from '../../game/engine';
import type { ActionPayload, CardUse, GameState, MoveArgs, Role, SeatId } from '../../game/engine';
import { finishRound, seatOfRole } from '../helpers';
import data from './cases.json';

/**
 * Rule cases as data (tests/rules/cases.json): the state before, the orders and cards the
 * seats plan for one round, and what must hold once it has resolved. Numbers are never written
 * out: a value that starts with "=" is worked out from RULES, the state before the plan
 * (`before.`), the scenario (`scenario.`) or a card (`card.ID.`), so the cases follow the
 * lead's tuning.
 */

/** A role, or "firm2" for the second AI firm. */
type Who = Role | 'firm2';
const seatOf = (state: GameState, who: string): SeatId =>
  who === 'firm2' ? seatOfRole(state, 'firm', 1) : seatOfRole(state, who as Role);

interface PlanStep {
  by: Who;
  order?: string;
  args?: Record<string, unknown>;
  card?: string | null;
  use?: CardUse;
  withdraw?: number;
  submit?: boolean;
}

interface RuleCase {
  name: string;
  scenario?: string;
  given?: Record<string, unknown>;
  plan?: PlanStep[];
  /** The plan's last step is refused while planning, with these words; nothing changes. */
  refused?: string;
  /** Rounds to resolve (default 1; the plan is for the first). */
  rounds?: number | string;
  /** Values after resolution. */
  after?: Record<string, unknown>;
  /** Differences from the same rounds resolved with no plan at all. */
  change?: Record<string, unknown>;
  /** Words in a log line of the resolved rounds that this role (or "public") may read. */
  told?: Record<string, string>;
  /** Words no line this role may read contains. */
  notTold?: Record<string, string>;
}

/** "firm." is the first AI firm's state; "@role" (or "@role2") a seat id; "a[0].b" walks arrays. */
function steps(state: GameState, path: string): string[] {
  return path
    .replace(/^firm\./, 'firms.@firm.')
    .replace(/@([a-z]+?)(2?)(?=\.|$|\])/g, (_m, role: string, second: string) =>
      seatOfRole(state, role as Role, second ? 1 : 0),
    )
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.');
}

const walk = (root: unknown, keys: string[]): unknown =>
  keys.reduce<unknown>((obj, key) => (obj as Record<string, unknown> | undefined)?.[key], root);

const read = (state: GameState, path: string): unknown => walk(state, steps(state, path));

function write(state: GameState, path: string, value: unknown): void {
  const keys = steps(state, path);
  const last = keys.pop() as string;
  const parent = walk(state, keys) as Record<string, unknown>;
  parent[last] = structuredClone(value);
}

/**
 * Works out "= expression": numbers, + - * / and parentheses (operators between spaces), and
 * names: RULES.x, before.PATH, scenario.PATH, card.ID.PATH.
 */
function evaluate(text: string, before: GameState): number {
  const tokens = text
    .slice(1)
    .trim()
    .split(/\s+|(?=[()])|(?<=[()])/)
    .filter(Boolean);
  let i = 0;
  const name = (t: string): number => {
    const [head, ...rest] = t.split('.');
    const path = rest.join('.');
    let value: unknown;
    if (head === 'RULES') value = RULES[path as keyof typeof RULES];
    else if (head === 'before') value = read(before, path);
    else if (head === 'scenario') value = walk(SCENARIOS[before.scenario], path.split('.'));
    else if (head === 'card') {
      const [id, ...inCard] = rest;
      value = walk(
        cardIn(before, id ?? ''),
        inCard
          .join('.')
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.'),
      );
    }
    if (typeof value !== 'number') throw new Error(`${t} is not a number (${String(value)})`);
    return value;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`incomplete expression: ${text}`);
    if (t === '(') {
      const v = sum();
      i++; // ')'
      return v;
    }
    if (t === '-') return -factor();
    return /^\d/.test(t) ? Number(t) : name(t);
  };
  const product = (): number => {
    let v = factor();
    while (tokens[i] === '*' || tokens[i] === '/')
      v = tokens[i++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-')
      v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

const valueOf = (v: unknown, before: GameState): unknown =>
  typeof v === 'string' && v.startsWith('=') ? evaluate(v, before) : v;

const argsOf = (args: Record<string, unknown> | undefined, before: GameState): MoveArgs =>
  Object.fromEntries(
    Object.entries(args ?? {}).map(([k, v]) => [k, valueOf(v, before)]),
  ) as MoveArgs;

function payloadOf(step: PlanStep, before: GameState): ActionPayload {
  if (step.order !== undefined)
    return { action: 'order', move: step.order, args: argsOf(step.args, before) };
  if (step.card !== undefined) return { action: 'card', card: step.card, use: step.use ?? 'event' };
  if (step.withdraw !== undefined) return { action: 'withdraw', index: step.withdraw };
  return { action: 'submit' };
}

/** The scenario with no cards dealt or injected, so that each case starts from its own state. */
function quiet(c: RuleCase): GameState {
  const scenario = SCENARIOS[c.scenario ?? 'classroom']!;
  const state = createInitialState({ ...scenario, deck: [], scheduled: [] }, 'rule-cases');
  for (const [path, value] of Object.entries(c.given ?? {}))
    write(state, path, valueOf(value, state));
  return state;
}

function resolve(state: GameState, rounds: number): void {
  for (let r = 0; r < rounds && !state.over; r++) finishRound(state);
}

/** Log lines of the resolved rounds that a role's seat (or the public) may read. */
function linesFor(state: GameState, who: string, fromRound: number): string[] {
  const to = who === 'public' ? 'public' : seatOf(state, who);
  return state.log
    .filter((e) => e.round >= fromRound && (e.to === 'public' || e.to === to))
    .map((e) => e.text);
}

function expectValue(actual: unknown, wanted: unknown, label: string, before: GameState): void {
  if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
    const w = wanted as Record<string, unknown>;
    if ('$atLeast' in w)
      return void expect(actual, label).toBeGreaterThanOrEqual(
        valueOf(w.$atLeast, before) as number,
      );
    if ('$atMost' in w)
      return void expect(actual, label).toBeLessThanOrEqual(valueOf(w.$atMost, before) as number);
    if ('$contains' in w) return void expect(actual, label).toContainEqual(w.$contains);
  }
  expect(actual, label).toEqual(valueOf(wanted, before));
}

const cases = (data as { cases: RuleCase[] }).cases;

describe('rule cases (tests/rules/cases.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const state = quiet(c);
    const before = structuredClone(state);
    const round = state.round;
    const plan = c.plan ?? [];
    for (const [i, step] of plan.entries()) {
      const seat = seatOf(state, step.by);
      const last = i === plan.length - 1;
      const untouched = JSON.stringify(state);
      const result = act(state, seat, payloadOf(step, before));
      if (c.refused && last) {
        expect(result.ok, `step ${i} should be refused`).toBe(false);
        if (!result.ok) expect(result.error).toContain(c.refused);
        expect(JSON.stringify(state), 'a refused step changes nothing').toBe(untouched);
        return;
      }
      expect(result, `step ${i}: ${JSON.stringify(step)}`).toEqual({ ok: true });
    }
    const rounds = Number(valueOf(c.rounds ?? 1, before));
    resolve(state, rounds);
    for (const [path, value] of Object.entries(c.after ?? {}))
      expectValue(read(state, path), value, `after: ${path}`, before);
    if (c.change) {
      const baseline = quiet(c);
      resolve(baseline, rounds);
      for (const [path, value] of Object.entries(c.change)) {
        const delta = (read(state, path) as number) - (read(baseline, path) as number);
        expect(delta, `change in ${path}`).toBe(valueOf(value, before));
      }
    }
    for (const [who, words] of Object.entries(c.told ?? {}))
      expect(linesFor(state, who, round).join('\n'), `${who} is told`).toContain(words);
    for (const [who, words] of Object.entries(c.notTold ?? {}))
      expect(linesFor(state, who, round).join('\n'), `${who} is not told`).not.toContain(words);
  });
});
