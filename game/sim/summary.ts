import type { BotLevel } from '../bots/types';
import type { Scenario } from '../scenarios/schema';
import type { Indicators } from '../state';
import type { SeatLevels } from './play';
import type { GameRecord } from './record';
import { round, wilson } from './stats';

export interface WinRate {
  wins: number;
  rate: number;
  /** 95% Wilson interval. */
  lo: number;
  hi: number;
}

export interface SeatSummary extends WinRate {
  seat: string;
  role: string;
  name: string;
  level: BotLevel;
}

export interface RoleSummary extends WinRate {
  role: string;
  /** Seats of this role; the role wins a game when any of them does. */
  seats: string[];
}

/** Mean of every indicator at one round over all games; capability per firm seat. */
export type RoundMeans = Record<string, number | Record<string, number>>;

export interface Summary {
  scenario: string;
  games: number;
  seed: string;
  bots: SeatLevels;
  roles: RoleSummary[];
  seats: SeatSummary[];
  meanRounds: number;
  meanMoves: number;
  refused: number;
  perRound: RoundMeans[];
  /** Each role's orders by move family, as shares of all its orders. */
  familyShares: Record<string, Record<string, number>>;
  /** For each card: games where it was played, and each role's win rate with and without it. */
  cards: CardEffect[];
  /** The regulator's end-use checks and the vendor's distributor audits that found a hidden operation. */
  searchHits: Record<'check' | 'audit', { made: number; found: number; rate: number }>;
  /**
   * Games the firms or the regulator won, and how many of them were still open two rounds
   * before the end (settled after round `rounds - 2`; see game/sim/settled.ts).
   */
  race: { decided: number; openLate: number; rate: number; settledByRound: number[] };
}

export interface CardEffect {
  card: string;
  played: number;
  /** Win rate by role when the card was played, when it was not, and the difference in points. */
  byRole: Record<string, { withCard: number; without: number; diff: number }>;
}

const rate = (wins: number, n: number): WinRate => {
  const w = wilson(wins, n);
  return { wins, rate: round(w.p, 4), lo: round(w.lo, 4), hi: round(w.hi, 4) };
};

/** Sums of one round's indicators; numbers are added in game order, so results never vary. */
function addRow(into: Map<string, number>, row: Indicators): void {
  const add = (key: string, v: number): void => void into.set(key, (into.get(key) ?? 0) + v);
  for (const [key, value] of Object.entries(row) as [string, unknown][]) {
    if (typeof value === 'number') add(key, value);
    else if (value && typeof value === 'object')
      for (const [seat, v] of Object.entries(value))
        if (typeof v === 'number') add(`${key}.${seat}`, v);
  }
}

function perRoundMeans(records: readonly GameRecord[]): RoundMeans[] {
  const sums: Map<string, number>[] = [];
  const counts: number[] = [];
  for (const r of records) {
    r.indicators.forEach((row, i) => {
      addRow((sums[i] ??= new Map()), row);
      counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  return sums.map((m, i) => {
    const out: RoundMeans = {};
    for (const [key, sum] of m) {
      const [head, seat] = key.split('.');
      const mean = round(sum / counts[i], 3);
      if (seat === undefined) out[head] = mean;
      else ((out[head] ??= {}) as Record<string, number>)[seat] = mean;
    }
    return out;
  });
}

/** Win rates per role and seat with 95% intervals, game length, and indicators per round. */
export function summarize(
  scenario: Scenario,
  seed: string,
  bots: SeatLevels,
  records: readonly GameRecord[],
): Summary {
  const n = records.length;
  const seats: SeatSummary[] = scenario.seats.flatMap((s, i) => {
    const seat = String(i);
    if (s.role === 'facilitator') return [];
    const wins = records.filter((r) => r.winners.includes(seat)).length;
    return [
      { seat, role: s.role, name: s.name, level: bots[seat] ?? 'heuristic', ...rate(wins, n) },
    ];
  });
  const roleNames = [...new Set(seats.map((s) => s.role))];
  const roles = roleNames.map((role): RoleSummary => {
    const ids = seats.filter((s) => s.role === role).map((s) => s.seat);
    const wins = records.filter((r) => r.winners.some((w) => ids.includes(w))).length;
    return { role, seats: ids, ...rate(wins, n) };
  });
  const total = (f: (r: GameRecord) => number): number => records.reduce((a, r) => a + f(r), 0);
  return {
    scenario: scenario.id,
    games: n,
    seed,
    bots,
    roles,
    seats,
    meanRounds: n ? round(total((r) => r.rounds) / n, 3) : 0,
    meanMoves: n ? round(total((r) => r.moves) / n, 3) : 0,
    refused: total((r) => r.refused),
    perRound: perRoundMeans(records),
    familyShares: familyShares(records),
    cards: cardEffects(records, roles),
    searchHits: searchHits(records),
    race: race(scenario, records, roles),
  };
}

function familyShares(records: readonly GameRecord[]): Record<string, Record<string, number>> {
  const sums: Record<string, Record<string, number>> = {};
  for (const r of records)
    for (const [role, families] of Object.entries(r.families))
      for (const [family, n] of Object.entries(families)) {
        sums[role] ??= {};
        sums[role][family] = (sums[role][family] ?? 0) + n;
      }
  const out: Record<string, Record<string, number>> = {};
  for (const role of Object.keys(sums).sort()) {
    const all = Object.values(sums[role]).reduce((a, b) => a + b, 0);
    out[role] = {};
    for (const family of Object.keys(sums[role]).sort())
      out[role][family] = round(sums[role][family] / all, 4);
  }
  return out;
}

const wonBy = (r: GameRecord, role: RoleSummary): boolean =>
  r.winners.some((w) => role.seats.includes(w));

function cardEffects(records: readonly GameRecord[], roles: RoleSummary[]): CardEffect[] {
  const ids = [...new Set(records.flatMap((r) => r.cards))].sort();
  return ids.map((card) => {
    const withIt = records.filter((r) => r.cards.includes(card));
    const without = records.filter((r) => !r.cards.includes(card));
    const byRole: CardEffect['byRole'] = {};
    for (const role of roles) {
      const a = withIt.length ? withIt.filter((r) => wonBy(r, role)).length / withIt.length : 0;
      const b = without.length ? without.filter((r) => wonBy(r, role)).length / without.length : 0;
      byRole[role.role] = { withCard: round(a, 4), without: round(b, 4), diff: round(a - b, 4) };
    }
    return { card, played: withIt.length, byRole };
  });
}

function searchHits(records: readonly GameRecord[]): Summary['searchHits'] {
  const of = (by: 'check' | 'audit') => {
    const made = records.reduce((n, r) => n + r.searches[by].made, 0);
    const found = records.reduce((n, r) => n + r.searches[by].found, 0);
    return { made, found, rate: made ? round(found / made, 4) : 0 };
  };
  return { check: of('check'), audit: of('audit') };
}

function race(
  scenario: Scenario,
  records: readonly GameRecord[],
  roles: RoleSummary[],
): Summary['race'] {
  const racing = roles.filter((r) => r.role === 'firm' || r.role === 'regulator');
  const decided = records.filter((r) => racing.some((role) => wonBy(r, role)));
  const openLate = decided.filter((r) => r.settled > scenario.rounds - 2).length;
  const settledByRound = Array.from({ length: scenario.rounds + 1 }, () => 0);
  for (const r of decided) settledByRound[r.settled] += 1;
  return {
    decided: decided.length,
    openLate,
    rate: decided.length ? round(openLate / decided.length, 4) : 0,
    settledByRound,
  };
}
