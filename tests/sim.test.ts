import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../game/engine';
import {
  checkBalance,
  parseBots,
  playRange,
  roleAgainst,
  summarize,
  wilson,
  type Summary,
} from '../game/sim';
import { parseArgs } from '../src/cli/sim-args';

const classroom = SCENARIOS.classroom;
const allHeuristic = roleAgainst(classroom, 'firm', 'heuristic', 'heuristic');

function run(games: number, seed = 'test'): Summary {
  return summarize(
    classroom,
    seed,
    allHeuristic,
    playRange(classroom, seed, allHeuristic, 0, games),
  );
}

describe('the simulator', () => {
  const sample = run(200);

  it('plays whole games with no refused bot choice', () => {
    expect(sample.games).toBe(200);
    expect(sample.meanRounds).toBe(classroom.rounds);
    expect(sample.refused).toBe(0);
    expect(sample.perRound).toHaveLength(classroom.rounds + 1);
  });

  // Balance itself (issue #9's 30–60% per role) is measured by `npm run balance`, on 2,000
  // games per scenario, while the lead tunes the numbers; here only that every role is scored.
  it.each(['regulator', 'vendor', 'firm', 'hub'])(
    'classroom with heuristic bots: the %s has a win rate over the games played',
    (role) => {
      const rate = sample.roles.find((r) => r.role === role)?.rate ?? -1;
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    },
  );

  it('gives the same summary for the same arguments', () => {
    expect(run(60, 'again')).toEqual(run(60, 'again'));
  });

  it('plays game i the same whichever slice it falls in', () => {
    const whole = playRange(classroom, 's', allHeuristic, 0, 12);
    const parts = [
      ...playRange(classroom, 's', allHeuristic, 0, 5),
      ...playRange(classroom, 's', allHeuristic, 5, 12),
    ];
    expect(parts).toEqual(whole);
  });

  it('checks the balance bounds on each role', () => {
    const checks = checkBalance([
      { scenario: 'classroom', allHeuristic: sample, againstRandom: {} },
    ]);
    expect(checks).toHaveLength(4);
    expect(checks.every((c) => c.test === 'all heuristic')).toBe(true);
  });
});

describe('statistics', () => {
  it.each([
    [50, 100, 0.5, 0.4038, 0.5962],
    [0, 10, 0, 0, 0.2775],
    [10, 10, 1, 0.7225, 1],
  ])('the Wilson interval of %i in %i', (wins, n, p, lo, hi) => {
    const w = wilson(wins, n);
    expect(w.p).toBeCloseTo(p, 4);
    expect(w.lo).toBeCloseTo(lo, 3);
    expect(w.hi).toBeCloseTo(hi, 3);
  });
});

describe('bots specs and command-line arguments', () => {
  it('reads a bots spec by role and by seat', () => {
    const parsed = parseBots('random,firm=heuristic,0=heuristic', classroom);
    expect(parsed).toEqual({
      ok: true,
      levels: { 0: 'heuristic', 1: 'random', 2: 'heuristic', 3: 'random' },
    });
  });

  it.each([
    ['clever', 'unknown bot level'],
    ['banker=random', 'neither a role'],
    ['9=random', 'neither a role'],
  ])('refuses the bots spec %s', (spec, words) => {
    const parsed = parseBots(spec, classroom);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(words);
  });

  it.each([
    [['--scenario', 'atlantis'], 'unknown scenario'],
    [['--games', '0'], 'positive whole number'],
    [['--games', '2.5'], 'positive whole number'],
    [['--speed', 'fast'], 'unknown flag --speed'],
    [['--games'], 'needs a value'],
    [['--scenario-file', '/no/such/file.json'], 'cannot read'],
  ])('refuses %j', (argv, words) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok === false) expect(parsed.error).toContain(words);
  });

  it('accepts a full set of flags', () => {
    const parsed = parseArgs([
      '--scenario=tiered2025',
      '--games',
      '30',
      '--seed',
      'x',
      '--bots',
      'random',
      '--workers',
      '1',
    ]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok === true)
      expect(parsed.options).toMatchObject({ games: 30, seed: 'x', workers: 1 });
  });
});

describe('npm run simulate', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });

  it('prints the same bytes on one worker as on two', () => {
    const one = cli('--games', '24', '--seed', 'w', '--workers', '1');
    const two = cli('--games', '24', '--seed', 'w', '--workers', '2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('95% CI');
  }, 60_000);

  it('--out creates the folders it writes into', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-out-'));
    try {
      const prefix = join(dir, 'not', 'yet', 'run');
      const r = cli('--games', '4', '--seed', 'o', '--workers', '1', '--out', prefix);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(`${prefix}.csv`)).toBe(true);
      expect(existsSync(`${prefix}.json`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('exits 2 with a clear message on bad arguments', () => {
    const bad = cli('--games', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--games must be a positive whole number');
  }, 30_000);
});
