// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RESOLUTION_STEPS, indicatorsOf, lastIndicators } from '../../game/engine';
import { readReplay, stateHash, stepPositions, thingLives } from '../../game/replay';
import { Debrief } from '../../src/app/debrief/Debrief';
import { replayToSave } from '../../src/app/debrief/files';
import { stateAt, stopsOf } from '../../src/app/debrief/stops';
import { botMatch, consoleMatch } from './fixtures';

afterEach(cleanup);

const read = (file: unknown) => {
  const r = readReplay(JSON.stringify(file));
  if (!r.ok) throw new Error(r.error);
  return r;
};

const LAST = RESOLUTION_STEPS.length - 1;

describe('the position at each resolution step', () => {
  const { file } = botMatch('classroom', 'steps');
  const { replay } = read(file);

  it("walks from the round's opening to its end, one step's changes at a time", () => {
    for (let round = 1; round <= 6; round++) {
      const steps = stepPositions(replay, round);
      expect(steps.length).toBe(LAST + 1);
      const open = replay.states[replay.roundStart[round]];
      // The round's indicators are recorded by its last step, not before.
      for (let k = 1; k < LAST; k++)
        expect(steps[k]!.indicators.round.includes(round), `step ${k}`).toBe(false);
      expect(lastIndicators(steps[LAST]!.indicators)).toEqual(
        indicatorsOf(
          (round < 6 ? replay.states[replay.roundStart[round + 1]] : replay.states.at(-1)!)
            .indicators,
          round,
        ),
      );
      // Each step's log is the opening's plus that step's lines and those before it.
      for (let k = 1; k <= LAST; k++)
        expect(steps[k]!.log.filter((e) => e.round === round && e.step > k)).toEqual([]);
      expect(steps[1]!.round).toBe(open.round);
    }
    expect(stateHash(stepPositions(replay, 6)[LAST]!)).toBe(stateHash(replay.states.at(-1)!));
    expect(stepPositions(replay, 7)).toEqual([]);
  });

  it("plays the facilitator's injects of the round too, and has no steps for a round ended before it resolved", () => {
    const { file: withConsole } = consoleMatch('classroom', 'steps-console', 5);
    const r = read(withConsole).replay;
    // Round 2 had an inject while the seats planned: its resolution still ends where the replay did.
    const indicators = indicatorsOf(r.states[r.roundStart[3]].indicators, 2);
    expect(lastIndicators(stepPositions(r, 2)[LAST]!.indicators)).toEqual(indicators);
    expect(stepPositions(r, 5)).toEqual([]);
    expect(stopsOf(r, { kind: 'all' }).filter((s) => s.round === 5)).toEqual([
      { round: 5, step: 0 },
    ]);
  });

  it("a stop during resolution shows that step's position, not the round's end", () => {
    const stops = stopsOf(replay, { kind: 'all' }).filter((s) => s.round === 2 && s.step > 0);
    const hashes = new Set(stops.map((s) => stateHash({ ...stateAt(replay, s), log: [] })));
    expect(hashes.size).toBeGreaterThan(1);
  });
});

describe('the debrief replay', () => {
  it('redraws the map as the viewer steps through a round', async () => {
    const { file } = botMatch('classroom', 'steps');
    const { replay } = read(file);
    render(<Debrief file={file} replay={replay} onPlay={() => {}} onClose={() => {}} />);
    const map = () => document.querySelector('.replay-map')!.innerHTML;
    const label = () => screen.getByTestId('stop-label').textContent ?? '';
    // To round 2's planning, then through its steps.
    act(() => {
      fireEvent.keyDown(window, { key: 'PageDown' });
    });
    expect(label()).toMatch(/^Round 2: planning/);
    const seen = new Map<string, string>();
    seen.set(label(), map());
    for (let i = 0; i < 20; i++) {
      act(() => {
        fireEvent.keyDown(window, { key: 'ArrowRight' });
      });
      if (!label().startsWith('Round 2:')) break;
      seen.set(label(), map());
    }
    expect(seen.size).toBeGreaterThan(3);
    // Not one picture for every step of the round: the map changes as it resolves.
    expect(new Set(seen.values()).size).toBeGreaterThan(2);
    // Each secret thing of the finished match, followed by its id, is listed once.
    const lives = screen.getByTestId('thing-lives').querySelectorAll('tbody tr');
    expect(lives.length).toBe(thingLives(replay).length);
    expect(lives.length).toBeGreaterThan(0);
    await Promise.resolve();
  });
});

describe("the debrief replay's talk", () => {
  it('shows what was said in the round being viewed, and offers the file with or without it', () => {
    const { file: plain } = botMatch('classroom', 'steps');
    const file = {
      ...plain,
      messages: [
        { round: 1, seat: '0', text: 'we hold the line' },
        { round: 2, facilitator: true as const, to: '2', text: 'check your cash' },
        { round: 2, seat: '1', text: 'agreed' },
      ],
    };
    const { replay } = read(file);
    render(<Debrief file={file} replay={replay} onPlay={() => {}} onClose={() => {}} />);
    const talk = () =>
      [...(screen.queryByTestId('round-talk')?.querySelectorAll('li') ?? [])].map(
        (li) => li.textContent,
      );
    expect(talk()).toEqual([`${file.seats[0]!.name}: we hold the line`]);
    act(() => {
      fireEvent.keyDown(window, { key: 'PageDown' });
    });
    expect(talk()).toEqual([
      `The facilitator (to ${file.seats[2]!.name} only): check your cash`,
      `${file.seats[1]!.name}: agreed`,
    ]);
    act(() => {
      fireEvent.keyDown(window, { key: 'PageDown' });
    });
    expect(talk()).toEqual([]);
    expect(
      screen.getByRole('button', { name: 'Download replay with messages (JSON)' }),
    ).toBeTruthy();
    // Saved plainly, the file leaves the talk out; with messages it keeps all of it.
    expect(replayToSave(file, false)).toEqual(plain);
    expect(replayToSave(file, true)).toEqual(file);
    expect(read(replayToSave(file, false)).file.messages).toBeUndefined();
  });

  it('offers no download with messages for a file without any', () => {
    const { file } = botMatch('classroom', 'steps');
    render(<Debrief file={file} replay={read(file).replay} onPlay={() => {}} onClose={() => {}} />);
    expect(screen.queryByTestId('round-talk')).toBeNull();
    expect(screen.queryByRole('button', { name: /with messages/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download replay (JSON)' })).toBeTruthy();
  });
});
