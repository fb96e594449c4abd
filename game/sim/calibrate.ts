import { BOUNDS } from './balance';
import type { GameRecord } from './record';
import { wilson, type Interval } from './stats';

/**
 * Calibrating a numeric victory target: the roles whose goal is a number to reach (the vendor's
 * cash, the hubs' investment) win more or less often as their target moves. One run of games
 * estimates how often the role would have won at every other target: a game counts as won at
 * target t when it ended with the goal at least t above its own target's distance from the
 * scenario's (cards move targets within a game), and every other condition met. Bots may read
 * their own target (the hub bot guards its standing once its investment is on course), so the
 * estimate only picks the targets worth playing; `rowAt` then gives each one's exact figures
 * from games played at that target.
 */

export type CalibratedRole = 'vendor' | 'hub';

export const CALIBRATED_ROLES: readonly CalibratedRole[] = ['vendor', 'hub'];

/** What the target is called in the scenario's `victory` block and on screen. */
export const TARGET_OF: Record<
  CalibratedRole,
  { field: 'vendorCash' | 'hubInvestment'; label: string }
> = {
  vendor: { field: 'vendorCash', label: "the chip vendor's cash target" },
  hub: { field: 'hubInvestment', label: "the hub governments' investment target" },
};

/**
 * How far one game ended above its own target (negative: below), and whether the role's other
 * conditions were met (the hubs also need their average standing).
 */
export function goalMargin(
  record: GameRecord,
  role: CalibratedRole,
): { margin: number; otherMet: boolean } {
  const end = record.indicators[record.indicators.length - 1];
  if (role === 'vendor')
    return { margin: end.vendorCash - record.victory.vendorCash, otherMet: true };
  return {
    margin: end.hubInvestment - record.victory.hubInvestment,
    otherMet: end.standing >= record.victory.hubMinStanding,
  };
}

export interface CalibrationRow {
  /** The target in the scenario file. */
  target: number;
  /** The role's win rate at that target with heuristic bots in every seat (check 1). */
  allHeuristic: Interval;
  /** The heuristic bot's win rate in that role among random bots (check 2). */
  amongRandom: Interval;
  /** Both checks hold at this target, on the point estimates. */
  holds: boolean;
}

export interface Calibration {
  role: CalibratedRole;
  /** The scenario's target now. */
  current: number;
  /** Targets from where the all-heuristic role wins almost always to where it almost never does. */
  rows: CalibrationRow[];
  /**
   * The target to use: of those within check 1's band, the one where the heuristic bot does best
   * among random bots (on a tie, nearest the band's middle); with none in the band, the one
   * nearest its middle.
   */
  suggested: CalibrationRow | null;
}

const winsAt = (games: { margin: number; otherMet: boolean }[], shift: number): Interval =>
  wilson(games.filter((g) => g.otherMet && g.margin >= shift).length, games.length);

const holds = (allHeuristic: Interval, amongRandom: Interval): boolean =>
  allHeuristic.p >= BOUNDS.allHeuristic.min &&
  allHeuristic.p <= BOUNDS.allHeuristic.max &&
  amongRandom.p >= BOUNDS.againstRandom;

/** The role's win rates at one target, from two runs played with the scenario set to it. */
export function rowAt(
  role: CalibratedRole,
  target: number,
  allHeuristic: readonly GameRecord[],
  amongRandom: readonly GameRecord[],
): CalibrationRow {
  const all = winsAt(
    allHeuristic.map((r) => goalMargin(r, role)),
    0,
  );
  const random = winsAt(
    amongRandom.map((r) => goalMargin(r, role)),
    0,
  );
  return { target, allHeuristic: all, amongRandom: random, holds: holds(all, random) };
}

/** The role's win rates at every target that matters, from two runs of the same scenario. */
export function calibrate(
  role: CalibratedRole,
  current: number,
  allHeuristic: readonly GameRecord[],
  amongRandom: readonly GameRecord[],
): Calibration {
  const all = allHeuristic.map((r) => goalMargin(r, role));
  const random = amongRandom.map((r) => goalMargin(r, role));
  const margins = [...all, ...random].map((g) => g.margin);
  const every: CalibrationRow[] = [];
  if (margins.length > 0)
    for (let shift = Math.min(...margins); shift <= Math.max(...margins) + 1; shift++) {
      const allAt = winsAt(all, shift);
      const randomAt = winsAt(random, shift);
      every.push({
        target: current + shift,
        allHeuristic: allAt,
        amongRandom: randomAt,
        holds: holds(allAt, randomAt),
      });
    }
  // Leave out the tails: where the role wins nearly as often as it ever can, or nearly never.
  const ceiling = Math.max(0, ...every.map((r) => r.allHeuristic.p));
  const rows = every.filter((r) => r.allHeuristic.p <= 0.95 * ceiling && r.allHeuristic.p >= 0.05);
  return { role, current, rows, suggested: suggest(rows) };
}

/**
 * The target to use: of those within check 1's band, the one where the heuristic bot does best
 * among random bots (on a tie, nearest the band's middle); with none in the band, the one
 * nearest its middle.
 */
export function suggest(rows: readonly CalibrationRow[]): CalibrationRow | null {
  const { min, max } = BOUNDS.allHeuristic;
  const middle = (min + max) / 2;
  const inBand = rows.filter((r) => r.allHeuristic.p >= min && r.allHeuristic.p <= max);
  return inBand.length > 0
    ? inBand.reduce((best, r) =>
        r.amongRandom.p > best.amongRandom.p ||
        (r.amongRandom.p === best.amongRandom.p &&
          Math.abs(r.allHeuristic.p - middle) < Math.abs(best.allHeuristic.p - middle))
          ? r
          : best,
      )
    : rows.reduce<CalibrationRow | null>(
        (best, r) =>
          !best || Math.abs(r.allHeuristic.p - middle) < Math.abs(best.allHeuristic.p - middle)
            ? r
            : best,
        null,
      );
}
