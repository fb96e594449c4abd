import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { positionAt, readReplay, stateHash } from '../../game/replay';
import { continuations, playOn } from '../../game/sim/continue';
import { runFrom } from '../../src/cli/simulate-from';
import { botMatch } from './fixtures';

const { file } = botMatch('classroom', 'continue');
const read = readReplay(JSON.stringify(file));
if (!read.ok) throw new Error(read.error);
const { replay } = read;

describe('what would happen from here: bot continuations from a position', () => {
  it('from the final position every continuation ends as the match did', () => {
    const last = replay.states.at(-1)!;
    const c = continuations(last, 5, 's');
    for (const r of c.roles) {
      const won = r.seats.some((s) => file.final.winners.includes(s));
      expect(r.wins).toBe(won ? 5 : 0);
    }
  });

  it('gives each role a chance with its 95% interval, the same for the same seed', () => {
    const from = positionAt(replay, 3)!;
    const a = continuations(from, 12, 'x');
    expect(a.games).toBe(12);
    expect(a.round).toBe(3);
    expect(a.roles.map((r) => r.role).sort()).toEqual(['firm', 'hub', 'regulator', 'vendor']);
    for (const r of a.roles) {
      expect(r.rate).toBeCloseTo(r.wins / 12, 3);
      expect(r.lo).toBeLessThanOrEqual(r.rate);
      expect(r.hi).toBeGreaterThanOrEqual(r.rate);
    }
    expect(continuations(from, 12, 'x')).toEqual(a);
    // The position itself is left as it was.
    expect(positionAt(replay, 3)).toBe(from);
  });

  it('continuations draw their own dice: they do not all end alike', () => {
    const from = positionAt(replay, 2)!;
    const ends = new Set(Array.from({ length: 6 }, (_, i) => stateHash(playOn(from, {}, `d${i}`))));
    expect(ends.size).toBeGreaterThan(1);
    expect(stateHash(playOn(from, {}, 'd0'))).toBe(stateHash(playOn(from, {}, 'd0')));
  });

  it('npm run simulate -- --from FILE --round K prints the chances, and refuses a round never reached', () => {
    const dir = mkdtempSync(join(tmpdir(), 'from-'));
    const path = join(dir, 'm.json');
    writeFileSync(path, JSON.stringify(file));
    let out = '';
    let err = '';
    const code = runFrom(
      ['--from', path, '--round', '3', '--games', '6'],
      (s) => (out += s),
      (s) => (err += s),
    );
    expect(code).toBe(0);
    expect(out).toContain('from the opening of round 3 of 6');
    expect(out).toMatch(/regulator +\d+\.\d% +\[\d+\.\d%, \d+\.\d%\] +\(\d of 6\)/);
    err = '';
    expect(
      runFrom(
        ['--from', path, '--round', '9'],
        () => {},
        (s) => (err += s),
      ),
    ).toBe(2);
    expect(err).toContain('the match never reached round 9 (its rounds: 1 to 6)');
    expect(
      runFrom(
        ['--from', path],
        () => {},
        () => {},
      ),
    ).toBe(2);
  });
});
