import { PLAYING_ROLES, type PlayingRole } from '../ids';
import type { Summary } from './summary';

/** The balance bounds the project holds itself to, and how a set of runs measures up. */
export const BOUNDS = {
  /** With heuristic bots in every seat, each role wins within these rates. */
  allHeuristic: { min: 0.1, max: 0.55 },
  /** A role played by the heuristic bot against random bots wins at least this often. */
  againstRandom: 0.75,
} as const;

/** The runs of one scenario: everyone heuristic, and each role heuristic against random. */
export interface ScenarioRuns {
  scenario: string;
  allHeuristic: Summary;
  againstRandom: Partial<Record<PlayingRole, Summary>>;
}

export interface Check {
  scenario: string;
  test: 'all heuristic' | 'heuristic vs random';
  role: PlayingRole;
  rate: number;
  lo: number;
  hi: number;
  ok: boolean;
}

const roleRate = (s: Summary, role: PlayingRole) => s.roles.find((r) => r.role === role);

/** Every bound checked on the point estimate of each role's win rate. */
export function checkBalance(runs: readonly ScenarioRuns[]): Check[] {
  const out: Check[] = [];
  for (const run of runs) {
    for (const role of PLAYING_ROLES) {
      const all = roleRate(run.allHeuristic, role);
      if (all) {
        const ok = all.rate >= BOUNDS.allHeuristic.min && all.rate <= BOUNDS.allHeuristic.max;
        out.push({
          scenario: run.scenario,
          test: 'all heuristic',
          role,
          rate: all.rate,
          lo: all.lo,
          hi: all.hi,
          ok,
        });
      }
      const vs = run.againstRandom[role];
      const mine = vs && roleRate(vs, role);
      if (mine) {
        const ok = mine.rate >= BOUNDS.againstRandom;
        out.push({
          scenario: run.scenario,
          test: 'heuristic vs random',
          role,
          rate: mine.rate,
          lo: mine.lo,
          hi: mine.hi,
          ok,
        });
      }
    }
  }
  return out;
}
