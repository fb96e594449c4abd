/**
 * Injects as rules: a scenario's conditional injects (checked once, as the named round's
 * resolution ends; the card fires as the next round opens), the facilitator's injects (from the
 * deck or written, effective at the next resolution, marked in the log), and the schema a
 * written card must pass, with one message per faulty field.
 */
import { describe, expect, it } from 'vitest';
import { createInitialState, SCENARIOS, type GameState } from '../../game/engine';
import {
  checkCustomCard,
  endMatchNow,
  injectCard,
  type ConditionalInject,
} from '../../game/events/injects';
import { parseScenario } from '../../game/scenarios';
import { finishRound } from '../helpers';

const classroom = SCENARIOS.classroom!;

/** Classroom with no deck and no scheduled cards, and these conditional injects. */
function withInjects(injects: ConditionalInject[]): GameState {
  return createInitialState({ ...classroom, deck: [], scheduled: [], injects }, 'injects');
}

const firmOf = (s: GameState) => Object.values(s.firms)[0]!;
const publicLog = (s: GameState) =>
  s.log.filter((e) => e.to === 'public').map((e) => `${e.round}: ${e.text}`);

const KYC = 'kyc-proposal';

interface Case {
  name: string;
  inject: ConditionalInject;
  /** Changes to the state before round 1 resolves. */
  given?: (s: GameState) => void;
  /** Rounds resolved. */
  rounds: number;
  fires: boolean;
}

const CASES: Case[] = [
  {
    name: 'a firm within 1 of the frontier at the end of round 1 deals the card',
    inject: { after: 1, if: { kind: 'firmNearFrontier', within: 1 }, card: KYC },
    given: (s) => void (firmOf(s).capability = s.frontier - 1),
    rounds: 1,
    fires: true,
  },
  {
    name: 'a firm 2 behind the frontier does not trigger "within 1"',
    inject: { after: 1, if: { kind: 'firmNearFrontier', within: 1 }, card: KYC },
    given: (s) => void (firmOf(s).capability = s.frontier - 2),
    rounds: 1,
    fires: false,
  },
  {
    name: 'the condition is checked only at the end of its own round',
    inject: { after: 2, if: { kind: 'firmNearFrontier', within: 1 }, card: KYC },
    given: (s) => void (firmOf(s).capability = s.frontier - 1),
    rounds: 1,
    fires: false,
  },
  {
    name: 'an indicator at or above its threshold deals the card',
    inject: { after: 1, if: { kind: 'indicator', name: 'tension', op: '>=', value: 0 }, card: KYC },
    rounds: 1,
    fires: true,
  },
  {
    name: 'an indicator below its threshold does not',
    inject: {
      after: 1,
      if: { kind: 'indicator', name: 'tension', op: '>=', value: 99 },
      card: KYC,
    },
    rounds: 1,
    fires: false,
  },
];

describe('conditional injects (rule cases)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const state = withInjects([c.inject]);
    c.given?.(state);
    for (let r = 0; r < c.rounds; r++) finishRound(state);
    const fired = state.news.some((n) => n.id === KYC && n.by === null);
    expect(fired).toBe(c.fires);
    const told = publicLog(state).some((l) => l.includes('Scenario inject:'));
    expect(told).toBe(c.fires);
    if (c.fires) {
      // The card itself fired as round 2 opened, its news told to everyone.
      expect(state.round).toBe(2);
      expect(publicLog(state)).toContain(
        '2: News: Know your cloud customer (2024-01-29). Every AI firm heat +1. Regulator -1 political capital.',
      );
    }
  });

  it('fires the same way every time (pure and deterministic)', () => {
    const run = () => {
      const s = withInjects([CASES[0]!.inject]);
      CASES[0]!.given!(s);
      finishRound(s);
      return JSON.stringify(s);
    };
    expect(run()).toBe(run());
  });

  it('a scenario file names each fault of its conditional injects', () => {
    const base = JSON.parse(JSON.stringify(classroom)) as Record<string, unknown>;
    const faults = (injects: unknown[]) => {
      const r = parseScenario({ ...base, injects });
      return r.ok ? [] : r.errors.map((e) => e.field);
    };
    expect(
      faults([
        { after: 3, if: { kind: 'firmNearFrontier', within: 1 }, card: 'no-such-card' },
        { after: classroom.rounds, if: { kind: 'firmNearFrontier', within: 1 }, card: KYC },
      ]),
    ).toEqual(['injects[0].card', 'injects[1].after']);
    expect(faults([{ after: 1, if: { kind: 'weather', within: 1 }, card: KYC }])).toEqual([
      'injects[0].if.kind',
    ]);
    const ok = parseScenario({ ...base, injects: [CASES[0]!.inject] });
    expect(ok.ok).toBe(true);
  });
});

const CARD = {
  id: 'workshop-boom',
  title: 'A workshop boom',
  date: '2023-05-01',
  source: 'The facilitator',
  text: 'Money pours in.',
  effectText: 'Vendor +5 cash.',
  effects: [{ op: 'vendorCash', delta: 5 }],
  favours: 'vendor',
};

describe("the facilitator's injects", () => {
  const fresh = () => createInitialState({ ...classroom, deck: [], scheduled: [] }, 'facilitator');

  it('a written card changes the next resolution, and the log says the facilitator injected it', () => {
    const plain = fresh();
    const injected = injectCard(fresh(), checkCustomCard(CARD).ok ? (CARD as never) : 'x');
    expect(injected.ok).toBe(true);
    if (!injected.ok) return;
    const s = structuredClone(injected.state) as GameState;
    expect(publicLog(s).at(-1)).toContain('Inject by the facilitator: "A workshop boom"');
    // Nothing happens before the resolution.
    expect(s.vendor.cash).toBe(plain.vendor.cash);
    finishRound(plain);
    finishRound(s);
    expect(s.vendor.cash - plain.vendor.cash).toBe(5);
    expect(s.news).toContainEqual({ id: CARD.id, round: 2, by: null });
  });

  it('a deck card injected by id leaves the deck: no seat is dealt it later in the match', () => {
    const withDeck = () => createInitialState(classroom, 'deck-inject');
    const start = withDeck();
    const later = start.secret!.deck.slice(1).flat();
    const id = later[0]!;
    expect(id).toBeDefined();
    const r = injectCard(withDeck(), id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = structuredClone(r.state) as GameState;
    expect(s.secret!.deck.flat()).not.toContain(id);
    // Every other card still to be dealt stays, in its order.
    expect(s.secret!.deck.flat()).toEqual(start.secret!.deck.flat().filter((x) => x !== id));
    // It fires as the next round opens, as the inject.
    finishRound(s);
    expect(s.news).toContainEqual({ id, round: 2, by: null });
    for (let i = 1; i < s.rounds - 1 && !s.over; i++) finishRound(s);
    expect(s.secret!.dealt).not.toContain(id);
    expect(Object.values(s.plans).some((p) => p.hand.includes(id))).toBe(false);
    // Without the inject, the same match deals it.
    const plain = withDeck();
    for (let i = 0; i < plain.rounds - 1 && !plain.over; i++) finishRound(plain);
    expect(plain.secret!.dealt).toContain(id);
  });

  it('a deck card by id; refused on the last round, on an ended game, for an unknown id or a clashing id', () => {
    expect(injectCard(fresh(), KYC).ok).toBe(true);
    const unknown = injectCard(fresh(), 'nope');
    expect(unknown).toEqual({ ok: false, error: 'There is no card "nope".' });
    const clash = injectCard(fresh(), { ...CARD, id: KYC } as never);
    expect(clash.ok || clash.error).toMatch(/already has the id/);
    const last = fresh();
    last.round = last.rounds;
    expect(injectCard(last, KYC).ok || '').toBe('');
    const ended = endMatchNow(fresh());
    expect(ended.over).toBe(true);
    expect(ended.outcome).not.toBeNull();
    const r = injectCard(ended, KYC);
    expect(r.ok ? '' : r.error).toMatch(/has ended/);
  });
});

describe('written cards: the scenario cards schema, one message per field', () => {
  it('accepts a good card', () => {
    expect(checkCustomCard(CARD)).toEqual({ ok: true, card: CARD });
  });
  it.each([
    ['id', { id: 'Not An Id' }, /lower-case/],
    ['title', { title: '' }, /./],
    ['date', { date: '2024-13' }, /full date/],
    ['source', { source: ' ' }, /where the event is documented/],
    ['effects', { effects: [] }, /./],
    ['effects.0.delta', { effects: [{ op: 'vendorCash', delta: 99 }] }, /./],
    ['effects.0.op', { effects: [{ op: 'printMoney' }] }, /./],
    ['favours', { favours: 'nobody' }, /./],
    ['(card)', { extra: 1 }, /extra/],
  ])('%s', (path, change, message) => {
    const r = checkCustomCard({ ...CARD, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });
});
