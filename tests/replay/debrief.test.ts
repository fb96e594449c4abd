import { describe, expect, it } from 'vitest';
import { checkSeal, parseScenario, SCENARIO_IDS, SCENARIOS } from '../../game/engine';
import {
  chronicle,
  fillPrompts,
  hiddenOperations,
  readReplay,
  turningPoints,
} from '../../game/replay';
import { botMatch } from './fixtures';

const lastOf = (id: string, seed: string) => {
  const r = readReplay(JSON.stringify(botMatch(id, seed).file));
  if (!r.ok) throw new Error(r.error);
  return chronicle(r.replay);
};

describe('the debrief', () => {
  it("every shipped scenario has discussion prompts, and this match's facts fill every placeholder", () => {
    for (const id of SCENARIO_IDS) {
      const last = lastOf(id, 'prompts');
      const prompts = fillPrompts(SCENARIOS[id].prompts, last);
      expect(prompts.length).toBeGreaterThanOrEqual(4);
      for (const p of prompts) expect(p).not.toMatch(/[{}]/);
      const winners = last.outcome!.winners.map((w) => last.seats[Number(w)].name);
      const withWinners = SCENARIOS[id].prompts.findIndex((p) => p.includes('{winners}'));
      if (withWinners >= 0) for (const w of winners) expect(prompts[withWinners]).toContain(w);
    }
  }, 120_000);

  it('a scenario file with an unknown placeholder in a prompt is refused, naming the field', () => {
    const bad = { ...SCENARIOS.classroom, prompts: ['Who won, and what did {winner} do?'] };
    const r = parseScenario(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatchObject({
      field: 'prompts[0]',
      message: expect.stringMatching(/^use only these placeholders: \{winners\}/),
    });
  });

  it("the timeline lists every firm's secret order with its round, what it drew and how it ended", () => {
    const last = lastOf('suitcase2024', 'cli');
    const ops = hiddenOperations(last);
    const firmOrders = last.opened
      .filter((p) => last.seats[Number(p.seat)].role === 'firm')
      .reduce((n, p) => n + (p.orders?.length ?? 0), 0);
    expect(ops).toHaveLength(firmOrders);
    expect(ops.map((o) => o.round)).toEqual([...ops.map((o) => o.round)].sort((a, b) => a - b));
    for (const o of ops) {
      for (const s of [...o.signals, ...o.responses])
        expect(s.round).toBeGreaterThanOrEqual(o.round);
      expect(o.ending).not.toBe('');
    }
    // A match where customs seized a lab's drives: that trip is seen, in the round it was seized.
    const seized = last.signals.find((s) => s.kind === 'seizure');
    if (seized) expect(ops.some((o) => o.seen && o.hub === seized.hub)).toBe(true);
  });

  it("the chronicle keeps every round's log, signals and plans, which a state alone keeps only the latest of", () => {
    const r = readReplay(JSON.stringify(botMatch('suitcase2024', 'cli').file));
    if (!r.ok) throw new Error(r.error);
    const whole = chronicle(r.replay);
    const last = r.replay.states.at(-1)!;
    for (let round = 1; round <= last.round; round++)
      expect(
        whole.log.some((e) => e.round === round && e.step > 0),
        `round ${round}`,
      ).toBe(true);
    expect(whole.log.length).toBeGreaterThan(last.log.length);
    expect(whole.signals.length).toBeGreaterThanOrEqual(last.signals.length);
    for (const s of last.signals) expect(whole.signals).toContainEqual(s);
    // Every round's plans, each the one sealed under the seal the state kept for it.
    expect(last.opened.every((p) => p.round === last.round)).toBe(true);
    expect(whole.opened).toHaveLength(last.planners.length * last.rounds);
    for (const p of whole.opened) {
      expect(p.seal).toBe(last.seals[p.round - 1]![p.seat]);
      expect(checkSeal(p)).toBe('matches');
    }
  });

  it("turning points: the round over which each role's chance moved most", () => {
    const tp = turningPoints([
      { round: 1, chances: { firm: 0.5, regulator: 0.5 } },
      { round: 2, chances: { firm: 0.55, regulator: 0.2 } },
      { round: 3, chances: { firm: 0.9, regulator: 0.1 } },
    ]);
    expect(tp).toEqual([
      { role: 'firm', round: 2, before: 0.55, after: 0.9 },
      { role: 'regulator', round: 1, before: 0.5, after: 0.2 },
    ]);
  });
});
