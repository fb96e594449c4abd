import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../game/engine';
import { calibrate, playRange, roleAgainst, type GameRecord } from '../game/sim';
import type { Indicators } from '../game/state';
import { readRole } from '../src/cli/calibrate';
import { runCli } from './helpers';

/** A finished game that ended `above` its hub target, with the standing given. */
function hubGame(above: number, standing = 7): GameRecord {
  const victory = { vendorCash: 60, hubInvestment: 30, hubMinStanding: 6, regulatorMinStanding: 4 };
  const end = { hubInvestment: 30 + above, standing, vendorCash: 0 } as unknown as Indicators;
  return {
    index: 0,
    seed: 's',
    rounds: 6,
    moves: 0,
    refused: 0,
    winners: [],
    indicators: [end],
    families: {},
    cards: [],
    searches: { check: { made: 0, found: 0 }, audit: { made: 0, found: 0 } },
    settled: 0,
    victory,
  };
}

describe('calibrating a target', () => {
  it('reads every target off one run, counting only games that met the other conditions', () => {
    // Heuristic bots everywhere end 0..9 above the target; among random bots 3..12 above.
    const all = Array.from({ length: 10 }, (_, i) => hubGame(i - 5));
    const random = Array.from({ length: 10 }, (_, i) => hubGame(i - 2));
    const c = calibrate('hub', 30, all, random);
    const at = (t: number) => c.rows.find((r) => r.target === t)!;
    expect(at(30).allHeuristic.p).toBeCloseTo(0.5);
    expect(at(30).amongRandom.p).toBeCloseTo(0.8);
    expect(at(30).holds).toBe(true);
    expect(at(27).allHeuristic.p).toBeCloseTo(0.8);
    expect(at(27).holds).toBe(false);
    // Of the targets in check 1's band (30–60% with heuristic bots), 29 does best among random bots.
    expect(c.suggested?.target).toBe(29);
    // A game short on standing is lost at every target.
    const lowStanding = calibrate('hub', 30, [hubGame(10, 5)], [hubGame(10, 5)]);
    expect(lowStanding.rows.every((r) => r.allHeuristic.p === 0)).toBe(true);
  });
});

describe('npm run calibrate', () => {
  const cli = (...args: string[]) => runCli('calibrate', ...args);

  it('refuses a role without a number, and the flags it sets itself', () => {
    expect(readRole(['--scenario', 'classroom'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('--role is required'),
    });
    expect(readRole(['--role', 'firm'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('no number to calibrate'),
    });
    expect(readRole(['--role=hub', '--bots', 'random'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('--bots is not used here'),
    });
    expect(readRole(['--role=hub', '--games', '5'])).toEqual({
      ok: true,
      role: 'hub',
      rest: ['--games', '5'],
    });
  });

  it('gives each target the win rates of games played at that target', () => {
    // The hub bot reads its own target, so a row read off games played at another target
    // would be wrong: every row must match a run at its own target.
    const out = cli('--role', 'hub', '--scenario', 'classroom', '--games', '24', '--seed', 'x');
    expect(out.status, out.stderr).toBe(0);
    const rows = [...out.stdout.matchAll(/^\| (\d+)(?: \(now\))? \| +([\d.]+)% /gm)];
    expect(rows.length).toBeGreaterThan(1);
    const base = SCENARIOS.classroom!;
    const hub = base.seats.findIndex((s) => s.role === 'hub');
    for (const [, target, shown] of [rows[0]!, rows[rows.length - 1]!]) {
      const at = { ...base, victory: { ...base.victory, hubInvestment: Number(target) } };
      const games = playRange(at, 'x', roleAgainst(at, 'hub', 'heuristic', 'heuristic'), 0, 24);
      const won = games.filter((g) => g.winners.includes(String(hub))).length;
      expect(shown, `target ${target}`).toBe(((100 * won) / 24).toFixed(1));
    }
  }, 120_000);

  it('prints the table and a suggested target, and exits 2 on bad input', () => {
    const ok = cli(
      '--role',
      'vendor',
      '--scenario',
      'suitcase2024',
      '--games',
      '40',
      '--seed',
      'c',
      '--workers',
      '1',
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("Calibrating the chip vendor's cash target in suitcase2024");
    expect(ok.stdout).toMatch(/\| \d+ \(now\) \|/);
    expect(ok.stdout).toMatch(/Suggested target: \d+/);
    const bad = cli('--role', 'hub', '--games', 'lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--games must be a positive whole number');
  }, 60_000);
});
