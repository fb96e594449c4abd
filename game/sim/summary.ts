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
  };
}
