import {
  legalMoves,
  type Cost,
  type GameState,
  type MoveArgs,
  type MoveOption,
  type SeatId,
} from '../../../game/engine';
import { formatCost, placeName } from './format';

export interface MoveGroup {
  family: string;
  options: MoveOption[];
}

/** The seat's moves by family, in the engine's order. */
export function groupMoves(options: MoveOption[]): MoveGroup[] {
  const groups: MoveGroup[] = [];
  for (const o of options) {
    let g = groups.find((x) => x.family === o.family);
    if (!g) groups.push((g = { family: o.family, options: [] }));
    g.options.push(o);
  }
  return groups;
}

export type Field = keyof MoveArgs;
const FIELD_ORDER: Field[] = ['hub', 'at', 'entity', 'tb', 'carriers', 'pods', 'posture', 'permit'];

export const FIELD_LABEL: Record<Field, string> = {
  hub: 'Hub',
  at: 'Where',
  entity: 'Entity',
  tb: 'Data (TB)',
  carriers: 'Carriers',
  pods: 'Pods',
  posture: 'Customs posture',
  permit: 'Permit regime',
};

type Value = string | number;

/** The argument fields this move's choices use, in a fixed order. */
export function choiceFields(choices: MoveOption['choices']): Field[] {
  return FIELD_ORDER.filter((f) => choices.some((c) => c.args[f] !== undefined));
}

const matches = (args: MoveArgs, picked: Partial<MoveArgs>, upTo: Field[]): boolean =>
  upTo.every((f) => picked[f] === undefined || args[f] === picked[f]);

/** Values a field may take given the fields picked before it: only legal combinations remain. */
export function fieldValues(
  choices: MoveOption['choices'],
  fields: Field[],
  field: Field,
  picked: Partial<MoveArgs>,
): Value[] {
  const before = fields.slice(0, fields.indexOf(field));
  const seen: Value[] = [];
  for (const c of choices) {
    const v = c.args[field];
    if (v !== undefined && matches(c.args, picked, before) && !seen.includes(v)) seen.push(v);
  }
  return seen;
}

/**
 * Re-fits a partial pick after one field changed: each later field keeps its value when still
 * legal, otherwise takes the first legal one. The result always names one legal choice.
 */
export function settle(choices: MoveOption['choices'], picked: Partial<MoveArgs>): MoveArgs {
  const fields = choiceFields(choices);
  const out: Partial<Record<Field, Value>> = {};
  for (const f of fields) {
    const values = fieldValues(choices, fields, f, out as MoveArgs);
    const want = picked[f];
    out[f] = want !== undefined && values.includes(want) ? want : values[0];
  }
  return out as MoveArgs;
}

export function findChoice(
  choices: MoveOption['choices'],
  args: MoveArgs,
): { args: MoveArgs; cost: Cost } | undefined {
  const fields = choiceFields(choices);
  return choices.find((c) => fields.every((f) => c.args[f] === args[f]));
}

export function valueLabel(field: Field, value: Value): string {
  if (field === 'hub' || field === 'at')
    return value === 'home' ? 'At home' : placeName(value as Parameters<typeof placeName>[0]);
  if (field === 'tb') return `${value} TB`;
  if (field === 'permit') return value === 'permit' ? 'Adopt a permit regime' : 'No permit regime';
  if (field === 'entity') return String(value);
  return String(value);
}

/** The cost range of a move across its legal choices, e.g. "$1–$4". */
export function costRange(option: MoveOption): string {
  if (option.choices.length === 0) return '';
  const labels = [...new Set(option.choices.map((c) => formatCost(c.cost)))];
  return labels.length <= 2 ? labels.join(' or ') : `${labels[0]} to ${labels[labels.length - 1]}`;
}

/** Labels values in the game's words; entities are named by their owner and hub. */
export function labeler(G: GameState): (field: Field, value: Value) => string {
  return (field, value) => {
    if (field !== 'entity') return valueLabel(field, value);
    for (const f of Object.values(G.firms)) {
      const e = f.secrets.entities.find((x) => x.id === value);
      if (e) return `${f.name}'s entity in ${placeName(e.hub)}`;
    }
    return String(value);
  };
}

/** An order's arguments in words, e.g. "Malaysia · 80 TB · 2 carriers"; "" when it takes none. */
export function orderArgsText(
  args: MoveArgs,
  label: (field: Field, value: Value) => string,
): string {
  return FIELD_ORDER.filter((f) => args[f] !== undefined)
    .map((f) => {
      const v = args[f] as Value;
      if (f === 'carriers') return `${v} carrier${v === 1 ? '' : 's'}`;
      if (f === 'pods') return `${v} pod${v === 1 ? '' : 's'}`;
      if (f === 'posture') return `${v} customs`;
      return label(f, v);
    })
    .join(' · ');
}

/** The seat's moves as the engine offers them (the same answer on the seat's own view). */
export function seatMoves(G: GameState, seat: SeatId): MoveOption[] {
  return legalMoves(G, seat);
}
