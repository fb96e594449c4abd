import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS, SCENARIOS } from '../../game/engine';
import {
  botActions,
  playActions,
  forkFile,
  readReplay,
  recordReplay,
  RULES_VERSION,
  startFork,
  stateHash,
  type ReplayFile,
} from '../../game/replay';
import { botMatch, consoleMatch, tampered, WORKSHOP_CARD } from './fixtures';

const replayOf = (text: string | ReplayFile) => {
  const r = readReplay(typeof text === 'string' ? text : JSON.stringify(text));
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('replay files', () => {
  it('a match exported to a file and replayed passes through the same state at every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_IDS),
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.constantFrom<('heuristic' | 'random')[]>(['heuristic'], ['random', 'heuristic']),
        (id, seed, levels) => {
          const { file, states } = botMatch(id, seed, { levels, revise: true });
          const read = replayOf(JSON.stringify(file));
          // Every step, from the file's own contents...
          const again = playActions(
            { scenario: SCENARIOS[id], seed: read.file.seed, reseeds: read.file.reseeds },
            read.file.actions,
          );
          expect(again.ok).toBe(true);
          expect(again.replay.states.length).toBe(states.length);
          states.forEach((s, i) =>
            expect(stateHash(again.replay.states[i]), `step ${i}`).toBe(stateHash(s)),
          );
          // ...and the checked reading keeps every round's opening and the end, the same.
          const { replay } = read;
          for (let r = 1; r < replay.roundStart.length; r++)
            expect(stateHash(replay.states[replay.roundStart[r]]), `round ${r}`).toBe(
              stateHash(states[replay.actionsAt[r]]),
            );
          expect(stateHash(replay.states.at(-1)!)).toBe(stateHash(states.at(-1)!));
          expect(file.final.over).toBe(true);
          expect(file.actions.some((a) => a.action === 'withdraw')).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  }, 180_000);

  it('a fork from round K with the same seed and the same orders reproduces the parent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_IDS),
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (id, seed, k) => {
          const { file } = botMatch(id, seed);
          const { replay } = replayOf(file);
          const round = Math.min(k, file.final.round);
          const start = startFork(file, replay, round, null);
          expect(stateHash(start.state)).toBe(stateHash(replay.states[replay.roundStart[round]]));
          const rest = file.actions.slice(start.prefix.length);
          const fork = forkFile(start, rest, { id: 'fork' }, SCENARIOS[id]);
          expect(fork.fork).toEqual({ parent: file.id, round });
          expect(fork.final.hash).toBe(file.final.hash);
          expect(fork.checkpoints).toEqual(file.checkpoints);
          const again = replayOf(fork);
          again.replay.states.forEach((s, i) =>
            expect(stateHash(s)).toBe(stateHash(replay.states[i])),
          );
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);

  it('a fork with a new seed keeps the position but draws new dice, and its file replays', () => {
    const { file } = botMatch('classroom', 'fork-seed');
    const { replay } = replayOf(file);
    const start = startFork(file, replay, 3, 'other dice');
    const parentAt3 = replay.states[replay.roundStart[3]];
    expect(start.state.indicators).toEqual(parentAt3.indicators);
    expect(start.state.secret?.rng).not.toEqual(parentAt3.secret?.rng);
    const levels = Object.fromEntries(start.state.planners.map((p) => [p, 'heuristic' as const]));
    const played = botActions(start.state, levels, 'fork-bots');
    expect(played.state.over).toBe(true);
    const fork = forkFile(start, played.actions, { id: 'fork2' }, SCENARIOS.classroom);
    expect(fork.reseeds).toEqual([{ round: 3, seed: 'other dice' }]);
    const again = replayOf(fork);
    expect(stateHash(again.replay.states.at(-1)!)).toBe(stateHash(played.state));
    // A fork of the fork, from a later round, keeps the first fork's dice.
    const start2 = startFork(fork, again.replay, 5, null);
    const fork2 = forkFile(
      start2,
      fork.actions.slice(start2.prefix.length),
      { id: 'f3' },
      SCENARIOS.classroom,
    );
    expect(fork2.final.hash).toBe(fork.final.hash);
  });
});

describe("a session match with the facilitator's injects", () => {
  it('replays identically, the injects applied at the same point, at every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_IDS),
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.option(fc.integer({ min: 4, max: 6 }), { nil: undefined }),
        (id, seed, end) => {
          const { file, states, console } = consoleMatch(id, seed, end);
          const read = replayOf(JSON.stringify(file));
          expect(read.file.console).toEqual(console);
          const again = playActions(
            {
              scenario: SCENARIOS[id],
              seed: read.file.seed,
              reseeds: read.file.reseeds,
              console: read.file.console,
            },
            read.file.actions,
          );
          expect(again.ok).toBe(true);
          expect(again.replay.states.length).toBe(states.length);
          states.forEach((s, i) =>
            expect(stateHash(again.replay.states[i]), `step ${i}`).toBe(stateHash(s)),
          );
          const last = read.replay.states.at(-1)!;
          expect(stateHash(last)).toBe(stateHash(states.at(-1)!));
          // The injects did happen: both fired as their rounds opened; the end, if any, ended it.
          expect(last.scheduled).toEqual(
            expect.arrayContaining([
              { round: 3, card: 'kyc-proposal' },
              { round: 4, card: WORKSHOP_CARD.id },
            ]),
          );
          expect(last.customCards.map((c) => c.id)).toContain(WORKSHOP_CARD.id);
          expect(last.over).toBe(true);
          if (end !== undefined) expect(last.round).toBe(end);
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);

  const { file } = consoleMatch('classroom', 'inject-tamper');

  it('is refused without its injects, or with one changed, with a message saying why', () => {
    expect(readReplay(tampered(file, (f) => (f.console = [])))).toEqual({
      ok: false,
      error:
        'After round 2 the position differs from the one recorded in the file. The file was changed.',
    });
    const other = readReplay(
      tampered(file, (f) => {
        const c = f.console[1];
        if (c.kind === 'inject' && typeof c.card !== 'string')
          c.card.effects[0] = { op: 'tension', delta: 1 };
      }),
    );
    expect(other).toEqual({
      ok: false,
      error:
        'After round 3 the position differs from the one recorded in the file. The file was changed.',
    });
    const late = readReplay(tampered(file, (f) => (f.console[0].at = f.actions.length + 1)));
    expect(late.ok).toBe(false);
    expect(!late.ok && late.error).toMatch(
      /^Console change 1 is placed at action \d+, out of order or after the last action\./,
    );
    const unknown = readReplay(
      tampered(file, (f) => {
        const c = f.console[0];
        if (c.kind === 'inject') c.card = 'no-such-card';
      }),
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Console change 1 \(inject of "no-such-card", round 2\) is not allowed: There is no card "no-such-card"\. The file was changed or damaged\.$/,
      ),
    });
  });

  it('reads a file of format 1 (before console changes were recorded) as having none', () => {
    const { file: plain } = botMatch('classroom', 'format-1');
    const text = tampered(plain, (f) => {
      f.formatVersion = 1;
      delete (f as Partial<ReplayFile>).console;
    });
    const r = readReplay(text);
    expect(r.ok && r.file.console).toEqual([]);
  });

  it('a fork keeps the injects made before its round, and not those after', () => {
    const { replay } = replayOf(file);
    // The first was made during round 2; the second as round 3 opened, so it is round 3's.
    expect(startFork(file, replay, 2, null).console).toEqual([]);
    expect(startFork(file, replay, 3, null).console).toEqual(file.console.slice(0, 1));
    const at4 = startFork(file, replay, 4, null);
    expect(at4.console).toEqual(file.console);
    const rest = file.actions.slice(at4.prefix.length);
    const fork = forkFile(at4, rest, { id: 'fork-c' }, SCENARIOS.classroom);
    expect(fork.final.hash).toBe(file.final.hash);
    expect(replayOf(fork).file.console).toEqual(file.console);
  });
});

describe('a replay file that cannot be trusted is refused, with a message saying why', () => {
  const { file } = botMatch('classroom', 'tamper', { levels: ['heuristic'] });

  it('refuses a file from another rules version', () => {
    const text = tampered(file, (f) => (f.rules.version = '1.0'));
    expect(readReplay(text)).toEqual({
      ok: false,
      error: `This match was played under rules 1.0; this copy of Chokepoint plays rules ${RULES_VERSION}, so it cannot replay it faithfully. Open it with the version of Chokepoint it was played with.`,
    });
  });

  it('refuses a file recorded under other numbers of the same rules version', () => {
    const r = readReplay(tampered(file, (f) => (f.rules.fingerprint = '00000000')));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/earlier tuning of rules .*fingerprint 00000000/);
  });

  it('refuses a file whose orders were changed: they no longer match their seal', () => {
    // A firm's card played for capital instead of for its event: still a legal plan, but not the one sealed.
    const i = file.actions.findIndex(
      (a) => a.action === 'card' && a.card !== null && a.use === 'event',
    );
    expect(i).toBeGreaterThanOrEqual(0);
    const text = tampered(file, (f) => {
      const a = f.actions[i];
      if (a.action === 'card') a.use = 'capital';
    });
    const r = readReplay(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /^Round \d+: .+'s orders in this file do not match the seal published when they were submitted\. The orders were changed after the match\.$/,
    );
  });

  it('refuses a file whose order is not one the engine allows', () => {
    const i = file.actions.findIndex((a) => a.action === 'order');
    const text = tampered(file, (f) => {
      f.actions.splice(i, 0, { ...f.actions[i] });
    });
    const r = readReplay(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /^Action \d+ \(round 1, .+\) is not allowed: .+ The file was changed or damaged\.$/,
    );
  });

  it('refuses a file whose final position differs', () => {
    const r = readReplay(tampered(file, (f) => (f.final.hash = 'f'.repeat(32))));
    expect(r).toEqual({
      ok: false,
      error: `The final position differs from the one recorded in the file (round ${file.final.round}, game over). The file was changed.`,
    });
  });

  it('refuses a file whose winners were rewritten', () => {
    const r = readReplay(tampered(file, (f) => (f.final.winners = ['0', '1', '2', '3'])));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/winners in the file/);
  });

  it('refuses a file whose seed was changed', () => {
    const r = readReplay(tampered(file, (f) => (f.seed = 'another')));
    expect(r).toEqual({
      ok: false,
      error: 'The starting position does not match the file (its seed or scenario was changed).',
    });
  });

  it('refuses what is not a replay file, naming the faulty fields of a damaged one', () => {
    expect(readReplay('{not json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON/),
    });
    expect(readReplay({ hello: 1 })).toEqual({
      ok: false,
      error: 'This is not a Chokepoint replay file.',
    });
    const r = readReplay(
      tampered(file, (f) => ((f.actions[0] as { seat: string }).seat = 'north')),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^This replay file is damaged:\nactions\[0\]\.seat: /);
    expect(readReplay(tampered(file, (f) => (f.formatVersion = 9)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/format 9, newer than/),
    });
  });

  it('accepts the untouched file', () => {
    expect(readReplay(JSON.stringify(file)).ok).toBe(true);
  });
});

describe("a replay file's talk", () => {
  const { file } = botMatch('classroom', 'talk', { levels: ['heuristic'] });
  const talk: NonNullable<ReplayFile['messages']> = [
    { round: 1, seat: '0', text: 'we hold the line' },
    { round: 2, facilitator: true, text: 'two minutes left' },
    { round: 2, seat: '2', to: '3', text: 'just between us' },
    { round: file.final.round, seat: '1', text: 'good game' },
  ];
  const withTalk = recordReplay({
    id: file.id,
    source: 'online',
    scenario: SCENARIOS.classroom,
    seed: file.seed,
    actions: file.actions,
    messages: talk,
  });

  it('replays to the same states with its messages as without them', () => {
    const a = replayOf(file);
    const b = replayOf(withTalk);
    expect(b.file.messages).toEqual(talk);
    expect(b.replay.states.map(stateHash)).toEqual(a.replay.states.map(stateHash));
    expect(withTalk.final).toEqual(file.final);
    expect(withTalk.checkpoints).toEqual(file.checkpoints);
  });

  it('refuses messages that are too many, too long, from nobody or out of the match', () => {
    const damaged = (edit: (f: ReplayFile) => void) => {
      const r = readReplay(tampered(withTalk, edit));
      return r.ok ? 'accepted' : r.error;
    };
    expect(damaged((f) => (f.messages = Array.from({ length: 5001 }, () => talk[0]!)))).toBe(
      'This replay file is damaged:\nmessages: at most 5000 messages',
    );
    expect(damaged((f) => (f.messages![0]!.text = 'x'.repeat(501)))).toBe(
      'This replay file is damaged:\nmessages[0].text: a message is at most 500 characters',
    );
    expect(damaged((f) => delete f.messages![0]!.seat)).toBe(
      'This replay file is damaged:\nmessages[0]: a message comes from one seat ("seat") or from the facilitator ("facilitator": true)',
    );
    expect(damaged((f) => (f.messages![3]!.round = file.final.round + 1))).toBe(
      `This replay file is damaged:\nmessages[3].round: said in round ${file.final.round + 1}, after the match's last (${file.final.round})`,
    );
    expect(
      damaged((f) => {
        f.messages![0]!.round = 2;
        f.messages![1]!.round = 1;
      }),
    ).toBe('This replay file is damaged:\nmessages[1].round: round 1 after a message of round 2');
    expect(damaged((f) => (f.messages![2]!.to = '9'))).toBe(
      'This replay file is damaged:\nmessages[2].to: no seat 9 in this match',
    );
    expect(
      damaged((f) => ((f.messages![0] as Record<string, unknown>).html = '<b>hi</b>')),
    ).toMatch(/^This replay file is damaged:\nmessages\[0\]: Unrecognized key/);
  });
});
