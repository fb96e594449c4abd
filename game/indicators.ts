import type { IndicatorTable, Indicators } from './state';

/**
 * The indicators are kept as a table of columns (GameState.indicators): each name once, not
 * once per round. These turn it into rows and back.
 */

const COLUMNS = [
  'round',
  'pc',
  'tension',
  'controlLevel',
  'frontier',
  'vendorCash',
  'hubInvestment',
  'standing',
  'demand',
  'seized',
  'capability',
  'leaders',
] as const satisfies readonly (keyof Indicators)[];

/** A table with no rounds yet. */
export const emptyIndicators = (): IndicatorTable =>
  Object.fromEntries(COLUMNS.map((c) => [c, []])) as unknown as IndicatorTable;

/** Row i of the table. */
export function indicatorRow(t: IndicatorTable, i: number): Indicators {
  return Object.fromEntries(COLUMNS.map((c) => [c, t[c][i]])) as unknown as Indicators;
}

/** Every round's row, oldest first. */
export const indicatorRows = (t: IndicatorTable): Indicators[] =>
  t.round.map((_, i) => indicatorRow(t, i));

/** The row of one round, if it was recorded. */
export function indicatorsOf(t: IndicatorTable, round: number): Indicators | undefined {
  const i = t.round.lastIndexOf(round);
  return i < 0 ? undefined : indicatorRow(t, i);
}

/** The latest row, if any. */
export const lastIndicators = (t: IndicatorTable): Indicators | undefined =>
  t.round.length ? indicatorRow(t, t.round.length - 1) : undefined;

/** Adds a row; a row already recorded for the same round is replaced. */
export function addIndicators(t: IndicatorTable, row: Indicators): void {
  const i = t.round.lastIndexOf(row.round);
  for (const c of COLUMNS) {
    const column = t[c] as unknown[];
    if (i >= 0) column.splice(i, 1);
    column.push(row[c]);
  }
}
