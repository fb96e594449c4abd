import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplayFile } from '../../game/replay';
import { runReplay } from '../../src/cli/replay';
import { botMatch, consoleMatch, tampered } from './fixtures';

const run = (args: string[]) => {
  let out = '';
  let err = '';
  const code = runReplay(
    args,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
};

describe('npm run replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  const { file } = botMatch('classroom', 'cli-test');

  it('prints each round and the result of a file', () => {
    const path = join(dir, 'match.json');
    writeFileSync(path, JSON.stringify(file));
    const r = run([path]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `classroom, seed "cli-test", rules 2.0: ${file.actions.length} actions replayed`,
    );
    for (let round = 1; round <= 6; round++) expect(r.out).toContain(`Round ${round} (`);
    const winners = file.final.winners.map((w) => file.seats[Number(w)].name);
    for (const w of winners) expect(r.out).toMatch(new RegExp(`WON +${w}`));
    // The same file prints the same bytes.
    expect(run([path]).out).toBe(r.out);
  });

  it('says where the facilitator injected cards and ended the match', () => {
    const { file: played } = consoleMatch('classroom', 'cli-console', 5);
    const path = join(dir, 'session.json');
    writeFileSync(path, JSON.stringify(played));
    const r = run([path]);
    expect(r.code).toBe(0);
    const [kyc, written, end] = played.console;
    expect(r.out).toContain(
      `The facilitator injected "kyc-proposal" in round 2, after ${kyc!.at} actions.\n`,
    );
    expect(r.out).toContain(
      `The facilitator injected "Workshop shock" in round 3, after ${written!.at} actions.\n`,
    );
    expect(r.out).toContain(
      `The facilitator ended the match in round 5, after ${end!.at} actions.\n`,
    );
    expect(r.out).toContain('inject: Workshop shock');
  });

  it('refuses a tampered file with exit code 1 and the reason', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      tampered(file, (f) => (f.final.hash = '0'.repeat(32))),
    );
    const r = run([path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      'refused.\nThe final position differs from the one recorded in the file',
    );
  });

  it('says what it needs when the file is missing', () => {
    expect(run([]).code).toBe(2);
    const r = run([join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read .*nope\.json/);
  });
});

describe('npm run replay, a file with its talk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-talk-'));
  const { file } = botMatch('classroom', 'cli-talk');

  it('counts the messages and prints each under its round, the same replay either way', () => {
    const talk: ReplayFile['messages'] = [
      { round: 1, seat: '0', text: 'we hold the line' },
      { round: 2, facilitator: true, to: '2', text: 'check your cash' },
    ];
    const plain = join(dir, 'plain.json');
    const talked = join(dir, 'talk.json');
    writeFileSync(plain, JSON.stringify(file));
    writeFileSync(
      talked,
      tampered(file, (f) => (f.messages = talk)),
    );
    const a = run([plain]);
    const b = run([talked]);
    expect(b.code).toBe(0);
    expect(b.out).toContain('2 messages of table talk, each under its round.\n');
    const round1 = b.out.slice(b.out.indexOf('Round 1 ('), b.out.indexOf('Round 2 ('));
    expect(round1).toContain(`\n    talk: ${file.seats[0]!.name}: we hold the line\n`);
    const round2 = b.out.slice(b.out.indexOf('Round 2 ('), b.out.indexOf('Round 3 ('));
    expect(round2).toContain(
      `\n    talk: The facilitator (to ${file.seats[2]!.name} only): check your cash\n`,
    );
    expect(a.out).not.toContain('talk:');
    // Without the talk lines and count, the two print the same match.
    const bare = b.out
      .replace(/\n {4}talk: [^\n]*/g, '')
      .replace('2 messages of table talk, each under its round.\n', '');
    expect(bare).toBe(a.out);
  });
});
