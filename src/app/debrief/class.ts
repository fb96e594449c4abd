import { indicatorRows, indicatorsOf, type GameState, type Indicators } from '../../../game/engine';
import type { TalkMessage } from '../../protocol';

/**
 * The class view of a facilitator's session (GET /api/sessions/ID/export): every table's
 * outcome side by side, the indicators round by round across tables, and how the winners won.
 * Pure: from the export's data to rows a screen or a CSV file shows.
 */

export interface ExportedSeat {
  id: string;
  role: string;
  label: string;
  kind: 'person' | 'bot' | 'open';
  people: string[];
}

export interface SessionExportData {
  format: 'chokepoint-session';
  formatVersion: number;
  sessionID: string;
  code: string;
  scenario: string;
  status: string;
  exportedAt: string;
  tables: {
    table: number;
    matchID: string;
    seats: ExportedSeat[];
    view: GameState;
    /** The table's talk, when asked for (`?messages=1`). */
    messages?: TalkMessage[];
  }[];
}

/** The export, or why it is not one this page reads. */
export function readSessionExport(
  data: unknown,
): { ok: true; data: SessionExportData } | { ok: false; error: string } {
  const d = data as Partial<SessionExportData> | null;
  if (!d || typeof d !== 'object' || d.format !== 'chokepoint-session')
    return { ok: false, error: 'This is not a Chokepoint session export.' };
  if (typeof d.formatVersion !== 'number' || d.formatVersion > 1)
    return { ok: false, error: 'This session export is newer than this copy of Chokepoint reads.' };
  if (!Array.isArray(d.tables)) return { ok: false, error: 'This session export has no tables.' };
  for (const t of d.tables) {
    const v = t?.view as Partial<GameState> | undefined;
    if (
      !v ||
      !Array.isArray(v.indicators?.round) ||
      !Array.isArray(v.seats) ||
      !Array.isArray(t.seats)
    )
      return { ok: false, error: `Table ${Number(t?.table) + 1} of this export is damaged.` };
  }
  return { ok: true, data: d as SessionExportData };
}

/** One table's result in a line of the comparison. */
export interface TableOutcome {
  table: number;
  matchID: string;
  over: boolean;
  round: number;
  rounds: number;
  /** Each playing seat: who held it, and whether it won and why. */
  seats: { seat: string; role: string; label: string; who: string; won: boolean; why: string }[];
}

const whoSat = (s: ExportedSeat | undefined): string =>
  !s ? '' : s.kind === 'bot' ? 'bot' : s.people.length ? s.people.join(', ') : 'nobody';

export function tableOutcomes(data: SessionExportData): TableOutcome[] {
  return data.tables.map((t) => {
    const G = t.view;
    const winners = new Set<string>(G.outcome?.winners ?? []);
    return {
      table: t.table,
      matchID: t.matchID,
      over: G.over,
      round: G.round,
      rounds: G.rounds,
      seats: G.seats
        .filter((s) => s.role !== 'facilitator')
        .map((s) => ({
          seat: s.id,
          role: s.role,
          label: s.name,
          who: whoSat(t.seats.find((x) => x.id === s.id)),
          won: winners.has(s.id),
          why: G.outcome?.reasons[s.id] ?? '',
        })),
    };
  });
}

/** Across tables: how often each role won, and in the winners' own words, how. */
export interface RoleWins {
  role: string;
  label: string;
  wins: number;
  ended: number;
  /** Each winning table's reason, e.g. "Table 2: reached the frontier in round 5". */
  how: string[];
}

export function winsByRole(outcomes: readonly TableOutcome[]): RoleWins[] {
  const byRole = new Map<string, RoleWins>();
  for (const t of outcomes) {
    if (!t.over) continue;
    for (const s of t.seats) {
      const key = `${s.role}/${s.label}`;
      let row = byRole.get(key);
      if (!row)
        byRole.set(key, (row = { role: s.role, label: s.label, wins: 0, ended: 0, how: [] }));
      row.ended += 1;
      if (s.won) {
        row.wins += 1;
        row.how.push(`Table ${t.table + 1}: ${s.why || 'won'}`);
      }
    }
  }
  return [...byRole.values()];
}

/** The indicators a class compares round by round. */
export const CLASS_INDICATORS = {
  frontier: 'Frontier',
  topCapability: "Best firm's capability",
  controlLevel: 'Control level',
  tension: 'Tension',
  vendorCash: 'Vendor cash',
  hubInvestment: 'Hub investment',
  seized: 'Seized',
} as const;
export type ClassIndicator = keyof typeof CLASS_INDICATORS;

const valueOf = (row: Indicators, name: ClassIndicator): number =>
  name === 'topCapability' ? Math.max(0, ...Object.values(row.capability)) : row[name];

/** Rows of rounds (0: the starting values), a column per table (null where that table had not resolved the round), and the mean. */
export function indicatorGrid(
  data: SessionExportData,
  name: ClassIndicator,
): { round: number; values: (number | null)[]; mean: number | null }[] {
  const rounds = Math.max(0, ...data.tables.map((t) => t.view.rounds));
  const out: { round: number; values: (number | null)[]; mean: number | null }[] = [];
  for (let round = 0; round <= rounds; round++) {
    const values = data.tables.map((t) => {
      const row = indicatorsOf(t.view.indicators, round);
      return row ? valueOf(row, name) : null;
    });
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) continue;
    const mean = Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
    out.push({ round, values, mean });
  }
  return out;
}

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The session as CSV: one row per table and resolved round, with the table's result on each. */
export function sessionCsv(data: SessionExportData): string {
  const names = Object.keys(CLASS_INDICATORS) as ClassIndicator[];
  const head = [
    'table',
    'match',
    'round',
    ...names.map((n) => CLASS_INDICATORS[n]),
    'would win now',
    'winners at the end',
  ];
  const rows: (string | number | null)[][] = [];
  for (const t of data.tables) {
    const G = t.view;
    const name = (seat: string) => G.seats.find((s) => s.id === seat)?.name ?? seat;
    const winners = G.over ? (G.outcome?.winners ?? []).map(name).join('; ') || 'nobody' : '';
    for (const row of indicatorRows(G.indicators))
      rows.push([
        t.table + 1,
        t.matchID,
        row.round,
        ...names.map((n) => valueOf(row, n)),
        row.leaders.map(name).join('; '),
        winners,
      ]);
  }
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
