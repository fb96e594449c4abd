import { describe, expect, it } from 'vitest';
import { SCENARIOS, SCENARIO_IDS } from '../../game/engine';
import { seatBadges } from '../../src/app/selectors/marks';

describe('seat badges', () => {
  it('gives every seat of every scenario its own letters, and a second lab its own colour', () => {
    for (const id of SCENARIO_IDS) {
      const badges = seatBadges(SCENARIOS[id].seats);
      const marks = badges.map((b) => b.mark);
      expect(new Set(marks).size, `${id}: ${marks.join(' ')}`).toBe(marks.length);
    }
    const two = seatBadges(SCENARIOS.suitcase2024.seats);
    const labs = SCENARIOS.suitcase2024.seats.flatMap((s, i) =>
      s.role === 'firm' ? [two[i]] : [],
    );
    expect(labs).toHaveLength(2);
    expect(labs[0].mark).not.toBe(labs[1].mark);
    expect(labs[0].className).not.toBe(labs[1].className);
    // Hangzhou beside the Hub governments' H takes two letters.
    expect(labs.map((b) => b.mark)).toEqual(['B', 'Ha']);
  });
});
