import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, SCENARIOS } from '../game/engine';
import classroom from '../game/scenarios/data/classroom.json';

const withChange = (change: (s: Record<string, unknown>) => void): unknown => {
  const copy = structuredClone(classroom) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
};

describe('shipped scenarios', () => {
  it('ships the four scenarios the brief names', () => {
    expect(Object.keys(SCENARIOS)).toEqual([
      'classroom',
      'suitcase2024',
      'tiered2025',
      'permit2025',
    ]);
  });

  it.each(Object.values(SCENARIOS).map((s) => [s.id, s] as const))(
    '%s has a briefing, a deck and one seat per role',
    (_id, s) => {
      expect(s.briefing.length).toBeGreaterThan(100);
      expect(s.deck.length).toBeGreaterThanOrEqual(12);
      expect(s.seats.filter((x) => x.role === 'regulator')).toHaveLength(1);
    },
  );
});

describe('a bad scenario file is rejected with messages that name each faulty field', () => {
  it.each<[string, (s: Record<string, unknown>) => void, string, string]>([
    ['a missing field', (s) => delete s.rounds, 'rounds', 'expected number'],
    [
      'a negative start value',
      (s) => ((s.start as Record<string, unknown>).pc = -1),
      'start.pc',
      '>=0',
    ],
    [
      'an unknown role',
      (s) => ((s.seats as Record<string, unknown>[])[0].role = 'king'),
      'seats[0].role',
      'regulator',
    ],
    [
      'no regulator',
      (s) => ((s.seats as Record<string, unknown>[])[0].role = 'firm'),
      'seats',
      'exactly one regulator',
    ],
    [
      'an unknown event card',
      (s) => (s.deck = ['no-such-card']),
      'deck[0]',
      'no event card has this id',
    ],
    ['an unknown hub', (s) => (s.hubs = { XX: { servers: 1 } }), 'hubs', '"XX"'],
    [
      'an inject after the last round',
      (s) => (s.scheduled = [{ round: 20, card: 'suitcase-trip' }]),
      'scheduled[0].round',
      'after the last round',
    ],
    ['an unknown move to disable', (s) => (s.disabledMoves = ['fly']), 'disabledMoves[0]', ''],
    [
      'a misspelt field',
      (s) => ((s.victory as Record<string, unknown>).vendorcash = 3),
      'victory',
      'vendorcash',
    ],
  ])('%s', (_name, change, field, words) => {
    const result = parseScenario(withChange(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.field === field);
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error?.message).toContain(words);
  });

  it('reports every fault at once, not just the first', () => {
    const result = parseScenario(
      withChange((s) => {
        delete s.name;
        (s.start as Record<string, unknown>).frontier = 'high';
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field)).toEqual(
        expect.arrayContaining(['name', 'start.frontier']),
      );
  });

  it('says so when the text is not JSON', () => {
    const result = parseScenarioText('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toMatch(/not valid JSON/);
  });
});
