import { PLAYING_ROLES, type PlayingRole } from '../ids';
import { differenceInterval, type Interval } from './stats';
import type { Summary } from './summary';

/**
 * The balance checks of the rules (issue #9), as numbers the simulator can hold the design to.
 * Every bound is checked on the point estimate; the report prints each with its 95% interval.
 */
export const BOUNDS = {
  /** 1. With heuristic bots in every seat, each role wins within these rates. */
  allHeuristic: { min: 0.3, max: 0.6 },
  /** 2. The heuristic bot against random bots wins at least this often… */
  againstRandom: 0.75,
  /** …and a random seat among heuristic bots at most this often. */
  randomAmong: 0.15,
  /** 3. A firm forbidden to lease abroad wins at most this often. */
  noOffshore: 0.1,
  /** 3. Forbidding any move family costs its role at least this much in some scenario. */
  familyMatters: 0.03,
  /** 3. No family is more than this share of a role's orders. */
  familyShare: 0.6,
  /** 4. A card played changes no role's win rate by more than this. */
  cardEffect: 0.15,
  /** 4. Cards played in fewer than this share of games (or more than 1 minus it) are not measurable. */
  cardMeasurable: 0.05,
  /** 5. The heuristic regulator's end-use checks find a hidden operation this often. */
  hitRate: { min: 0.3, max: 0.7 },
  /** 6. Among games a firm or the regulator won, at least this share was open two rounds from the end. */
  openLate: 0.5,
} as const;

/** The runs of one scenario. `banned` is keyed "role:Family". */
export interface ScenarioRuns {
  scenario: string;
  allHeuristic: Summary;
  againstRandom: Partial<Record<PlayingRole, Summary>>;
  randomAmong: Partial<Record<PlayingRole, Summary>>;
  banned: Record<string, Summary>;
}

export interface Check {
  /** Which of the checks: 1–6 (7 is a property test). */
  check: number;
  scenario: string;
  subject: string;
  value: number;
  /** The bound in words, e.g. "30%–60%". */
  bound: string;
  ok: boolean;
  /** An interval or a count, where there is one. */
  detail?: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const roleRate = (s: Summary | undefined, role: string) => s?.roles.find((r) => r.role === role);
const interval = (r: { lo: number; hi: number }): string => `[${pct(r.lo)}, ${pct(r.hi)}]`;

/** Every check over a set of runs. */
export function checkBalance(runs: readonly ScenarioRuns[]): Check[] {
  const out: Check[] = [];
  for (const run of runs) {
    const s = run.scenario;
    for (const role of PLAYING_ROLES) {
      const all = roleRate(run.allHeuristic, role);
      if (!all) continue;
      const { min, max } = BOUNDS.allHeuristic;
      out.push({
        check: 1,
        scenario: s,
        subject: role,
        value: all.rate,
        bound: `${pct(min)}–${pct(max)}`,
        ok: all.rate >= min && all.rate <= max,
        detail: interval(all),
      });
      const vs = roleRate(run.againstRandom[role], role);
      if (vs)
        out.push({
          check: 2,
          scenario: s,
          subject: `heuristic ${role} among random bots`,
          value: vs.rate,
          bound: `≥ ${pct(BOUNDS.againstRandom)}`,
          ok: vs.rate >= BOUNDS.againstRandom,
          detail: interval(vs),
        });
      const among = roleRate(run.randomAmong[role], role);
      if (among)
        out.push({
          check: 2,
          scenario: s,
          subject: `random ${role} among heuristic bots`,
          value: among.rate,
          bound: `≤ ${pct(BOUNDS.randomAmong)}`,
          ok: among.rate <= BOUNDS.randomAmong,
          detail: interval(among),
        });
      const shares = run.allHeuristic.familyShares[role] ?? {};
      const [family, share] = Object.entries(shares).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
      out.push({
        check: 3,
        scenario: s,
        subject: `${role}'s most used family (${family})`,
        value: share,
        bound: `≤ ${pct(BOUNDS.familyShare)}`,
        ok: share <= BOUNDS.familyShare,
      });
    }
    const noOffshore = roleRate(run.banned['firm:Offshore'], 'firm');
    if (noOffshore)
      out.push({
        check: 3,
        scenario: s,
        subject: 'firm forbidden to lease abroad (firm:Offshore)',
        value: noOffshore.rate,
        bound: `≤ ${pct(BOUNDS.noOffshore)}`,
        ok: noOffshore.rate <= BOUNDS.noOffshore,
        detail: interval(noOffshore),
      });
    out.push(...cardChecks(run));
    const hits = run.allHeuristic.searchHits.check;
    out.push({
      check: 5,
      scenario: s,
      subject: "regulator's end-use checks that found a hidden operation",
      value: hits.rate,
      bound: `${pct(BOUNDS.hitRate.min)}–${pct(BOUNDS.hitRate.max)}`,
      ok: hits.rate >= BOUNDS.hitRate.min && hits.rate <= BOUNDS.hitRate.max,
      detail: `${hits.found} of ${hits.made}`,
    });
    const race = run.allHeuristic.race;
    out.push({
      check: 6,
      scenario: s,
      subject: 'races still open two rounds before the end',
      value: race.rate,
      bound: `≥ ${pct(BOUNDS.openLate)}`,
      ok: race.rate >= BOUNDS.openLate,
      detail: `${race.openLate} of ${race.decided}`,
    });
  }
  out.push(...familyChecks(runs));
  return out;
}

function cardChecks(run: ScenarioRuns): Check[] {
  const games = run.allHeuristic.games;
  const out: Check[] = [];
  for (const card of run.allHeuristic.cards) {
    const share = card.played / games;
    if (share < BOUNDS.cardMeasurable || share > 1 - BOUNDS.cardMeasurable) continue;
    const [role, e] = Object.entries(card.byRole).sort(
      (a, b) => Math.abs(b[1].diff) - Math.abs(a[1].diff),
    )[0];
    out.push({
      check: 4,
      scenario: run.scenario,
      subject: `${card.card}: ${role}`,
      value: e.diff,
      bound: `within ±${(BOUNDS.cardEffect * 100).toFixed(0)} points`,
      ok: Math.abs(e.diff) <= BOUNDS.cardEffect,
      detail: `played in ${card.played} of ${games} games; ${pct(e.withCard)} with, ${pct(e.without)} without; difference ${points(cardDifference(card.played, games, e))}`,
    });
  }
  return out;
}

/** The 95% interval of a card's with-minus-without difference, from the rates and group sizes. */
function cardDifference(
  played: number,
  games: number,
  e: { withCard: number; without: number },
): Interval {
  const others = games - played;
  return differenceInterval(
    { wins: Math.round(e.withCard * played), n: played },
    { wins: Math.round(e.without * others), n: others },
  );
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const points = (r: Interval): string => `95% interval [${signed(r.lo)}, ${signed(r.hi)}] points`;

/** For each role's move family: the most its ban cost the role in any scenario. */
function familyChecks(runs: readonly ScenarioRuns[]): Check[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.banned)))].sort();
  return keys.map((key) => {
    const role = key.split(':')[0];
    let best = -Infinity;
    let where = '';
    for (const run of runs) {
      const full = roleRate(run.allHeuristic, role)?.rate;
      const banned = roleRate(run.banned[key], role)?.rate;
      if (full === undefined || banned === undefined) continue;
      if (full - banned > best) [best, where] = [full - banned, run.scenario];
    }
    return {
      check: 3,
      scenario: where,
      subject: `banning ${key} costs the ${role}`,
      value: best,
      bound: `≥ ${(BOUNDS.familyMatters * 100).toFixed(0)} points in some scenario`,
      ok: best >= BOUNDS.familyMatters,
    };
  });
}
