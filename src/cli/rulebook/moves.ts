import { HUBS, PLAYING_ROLES, type PlayingRole } from '../../../game/ids';
import { MOVES } from '../../../game/moves';
import type { Cost, MoveArgs, MoveSpec } from '../../../game/moves/types';
import { RULES } from '../../../game/rules';
import type { GameState } from '../../../game/state';
import { COMMON_LIMITS, MOVE_LIMITS } from './limits';
import { table } from './markdown';
import { ROLE_NAMES } from './meanings';
import { representativeState } from './probe';

/** The "Moves" reference: every MoveSpec of every role, with its cost worked out by the engine. */

const SAMPLE_ARGS: MoveArgs = {
  hub: HUBS[0],
  pods: 1,
  carriers: 1,
  tb: RULES.maxPerCarrierTB,
  at: 'home',
  posture: 'strict',
  permit: 'permit',
};

const UNITS = [
  ['carriers', 'carrier'],
  ['pods', 'pod'],
] as const;

/** Ways the board can differ that a cost might depend on, each applied to every hub. */
const VARIANTS: { name: string; apply: (state: GameState) => void }[] = [
  {
    name: 'in a hub with a permit regime',
    apply: (s) => HUBS.forEach((h) => (s.places[h].permit = 'permit')),
  },
  {
    name: 'in a hub that needs licences',
    apply: (s) => HUBS.forEach((h) => (s.places[h].licence = true)),
  },
  {
    name: 'in a hub with a leasing fund',
    apply: (s) => HUBS.forEach((h) => (s.places[h].leasingFund = true)),
  },
];

export function costText(cost: Cost): string {
  const parts: string[] = [];
  if (cost.cash) parts.push(`$${cost.cash}`);
  if (cost.pc) parts.push(`${cost.pc} political capital`);
  return parts.length > 0 ? parts.join(' and ') : 'Free';
}

const sameCost = (a: Cost, b: Cost): boolean =>
  (a.cash ?? 0) === (b.cash ?? 0) && (a.pc ?? 0) === (b.pc ?? 0);
const times = (c: Cost, n: number): Cost => ({ cash: (c.cash ?? 0) * n, pc: (c.pc ?? 0) * n });

function seatFor(state: GameState, role: PlayingRole) {
  const seat = state.seats.find((s) => s.role === role);
  if (!seat) throw new Error(`the representative scenario has no ${role} seat`);
  return seat.id;
}

/** A move's cost in words, from `spec.cost` on the representative state (and its variants). */
export function describeCost(spec: MoveSpec): string {
  const state = representativeState();
  const ctx = { state, seat: seatFor(state, spec.role) };
  const args: MoveArgs = { ...SAMPLE_ARGS, ...(spec.options(ctx)[0] ?? {}) };
  let text = costText(spec.cost(ctx, args));
  for (const [field, unit] of UNITS) {
    const one = spec.cost(ctx, { ...args, [field]: 1 });
    const two = spec.cost(ctx, { ...args, [field]: 2 });
    if (sameCost(one, two)) continue;
    text = sameCost(two, times(one, 2))
      ? `${costText(one)} per ${unit}`
      : `${costText(one)} for one ${unit}, ${costText(two)} for two`;
    break;
  }
  const notes: string[] = [];
  for (const variant of VARIANTS) {
    const other = representativeState();
    variant.apply(other);
    const cost = spec.cost({ state: other, seat: ctx.seat }, args);
    if (!sameCost(cost, spec.cost(ctx, args))) notes.push(`${costText(cost)} ${variant.name}`);
  }
  return notes.length > 0 ? `${text} (${notes.join('; ')})` : text;
}

function moveBlock(spec: MoveSpec): string {
  return [
    `#### ${spec.label} (\`${spec.name}\`)`,
    '',
    spec.summary,
    '',
    `- **Family:** ${spec.family}`,
    `- **Cost:** ${describeCost(spec)}`,
    `- **Timing:** ${spec.delay}`,
    `- **Risk:** ${spec.risk}`,
    `- **Not allowed when:** ${MOVE_LIMITS[spec.name] ?? '(not written yet)'}`,
  ].join('\n');
}

export function renderMoves(): string {
  const out: string[] = [
    `Every move is also refused when: ${COMMON_LIMITS.map((s) => s.replace(/\.$/, '').toLowerCase()).join('; ')}.`,
  ];
  for (const role of PLAYING_ROLES) {
    const specs = MOVES.filter((m) => m.role === role);
    out.push(
      `### ${ROLE_NAMES[role]} moves`,
      table(
        ['Move', 'Family', 'Cost', 'Timing'],
        specs.map((s) => [`${s.label} (\`${s.name}\`)`, s.family, describeCost(s), s.delay]),
      ),
      ...specs.map(moveBlock),
    );
  }
  return out.join('\n\n');
}

/** Moves that have no "not allowed when" sentence, and sentences for moves that no longer exist. */
export function limitProblems(): string[] {
  const names = new Set<string>(MOVES.map((m) => m.name));
  return [
    ...MOVES.filter((m) => !Object.hasOwn(MOVE_LIMITS, m.name)).map(
      (m) => `move "${m.name}" has no "not allowed when" sentence in src/cli/rulebook/limits.ts`,
    ),
    ...Object.keys(MOVE_LIMITS)
      .filter((n) => !names.has(n))
      .map((n) => `src/cli/rulebook/limits.ts describes "${n}", which is not a move`),
  ];
}
