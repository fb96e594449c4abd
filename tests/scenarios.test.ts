import { describe, expect, it } from 'vitest';
import {
  act,
  cardIn,
  createInitialState,
  parseScenario,
  parseScenarioText,
  SCENARIOS,
} from '../game/engine';
import classroom from '../game/scenarios/data/classroom.json';
import { finishRound } from './helpers';

/** A card of the scenario's own, as a scenario file writes it. */
const ownCard = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'workshop-audit',
  title: 'A workshop audit',
  date: '2023-05-02',
  source: 'Facilitator, for this workshop',
  text: 'An auditor visits the region’s data centres.',
  effectText: 'Every AI firm heat +1.',
  effects: [{ op: 'firmHeat', delta: 1 }],
  favours: 'regulator',
  ...over,
});

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
      'no event card has the id "no-such-card"',
    ],
    [
      'an own card with a partial date',
      (s) => (s.cards = [ownCard({ date: '2023-05' })]),
      'cards[0].date',
      'full date',
    ],
    [
      'an own card dated before the start',
      (s) => (s.cards = [ownCard({ date: '2021-12-31' })]),
      'cards[0].date',
      'before the scenario starts',
    ],
    [
      'an own card with an unknown effect',
      (s) => (s.cards = [ownCard({ effects: [{ op: 'teleport', delta: 1 }] })]),
      'cards[0].effects[0].op',
      '',
    ],
    [
      'an own card with no source',
      (s) => (s.cards = [ownCard({ source: ' ' })]),
      'cards[0].source',
      'documented',
    ],
    [
      'two own cards with one id',
      (s) => (s.cards = [ownCard(), ownCard({ title: 'Again' })]),
      'cards[1].id',
      'two cards have this id',
    ],
    [
      'a deck card that is neither shipped nor the scenario’s own',
      (s) => ((s.cards = [ownCard()]), (s.deck = ['workshop-audit', 'workshop-visit'])),
      'deck[1]',
      'no event card has the id "workshop-visit"',
    ],
    [
      'a start date that is not a date',
      (s) => (s.startDate = '2022-13-01'),
      'startDate',
      'full date',
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

describe("a scenario's own cards", () => {
  const withOwnCard = () => {
    const result = parseScenario(
      withChange((s) => {
        s.cards = [ownCard()];
        s.deck = ['workshop-audit'];
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.scenario;
  };

  /** Plays empty rounds until the scenario's own card is dealt. */
  const dealt = () => {
    const state = createInitialState(withOwnCard(), 'own');
    while (!state.over && !state.secret?.dealt.includes('workshop-audit')) finishRound(state);
    return state;
  };

  it('are valid in its deck and dealt like shipped cards', () => {
    const state = dealt();
    expect(state.secret?.dealt).toEqual(['workshop-audit']);
    expect(cardIn(state, 'workshop-audit')?.title).toBe('A workshop audit');
    expect(Object.values(state.plans).some((p) => p.hand.includes('workshop-audit'))).toBe(true);
  });

  it('default the start date to the first of January of the start year', () => {
    const result = parseScenario(withChange((s) => delete s.startDate));
    expect(result.ok && result.scenario.startDate).toBe(`${classroom.startYear}-01-01`);
  });

  it('can be played from the hand they are dealt to', () => {
    const state = dealt();
    const seat = state.planners.find((p) => state.plans[p]!.hand.includes('workshop-audit'))!;
    expect(act(state, seat, { action: 'card', card: 'workshop-audit', use: 'event' })).toEqual({
      ok: true,
    });
    finishRound(state);
    expect(state.log.some((e) => e.text.includes('A workshop audit'))).toBe(true);
  });
});
