import { describe, it, expect } from 'vitest';
import { CARDS, CARD_BY_ID, DECKS, cardById, type DeckName } from '../game/events/cards';
import type { EffectOp, EventCard } from '../game/events/types';
import { isDated } from '../game/events/dates';
import { dealCards, prepareDeck } from '../game/events/deal';
import { HUBS, type HubId } from '../game/ids';
import { createInitialState, RULES, SCENARIOS, type GameState } from '../game/engine';
import { seedRng } from '../game/random';

const DECK_NAMES = Object.keys(DECKS) as DeckName[];
const HUB_NAMES: Record<HubId, string> = {
  MY: 'Malaysia',
  SG: 'Singapore',
  TH: 'Thailand',
  ID: 'Indonesia',
  SA: 'Saudi Arabia',
  AE: 'UAE',
  QA: 'Qatar',
};

/** Parses 'YYYY-MM' or 'YYYY-MM-DD' into a real calendar date, or null. */
function parseDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '1')];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real ? date : null;
}

/** The signed number an effect puts on the card, if any ("+2", "-1", "+300"). */
function amount(e: EffectOp): number | null {
  if ('delta' in e) return e.delta;
  if (e.op === 'capacity') return e.mw;
  if (e.op === 'servers') return e.pods;
  return null;
}
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** What a player must read on the card for each kind of effect. */
const WORDING: Record<EffectOp['op'], RegExp> = {
  pc: /political capital/,
  tension: /Tension/,
  controlLevel: /Control level/,
  kyc: /know-your-customer/i,
  licence: /licence/i,
  permit: /permit regime/,
  customs: /customs/i,
  standing: /standing/i,
  capacity: /MW/,
  servers: /pods? of servers/,
  vendorCash: /Vendor [+-]\d+ cash/,
  vendorTarget: /Vendor cash target [+-]\d+/,
  vendorTargetPerRound: /Vendor cash target [+-]\d+ for each round left/,
  compliantObsolete: /China-edition chip on sale becomes obsolete/,
  hubCash: /Hub government [+-]\d+ cash/,
  investment: /Hub investment/,
  firmCash: /Every AI firm [+-]\d+ cash/,
  firmHeat: /Every AI firm heat/,
  firmCapability: /capability/,
  frontier: /Frontier/,
  alert: /Customs alert/,
};

/** Modest magnitudes: [smallest, largest] absolute size of one effect. */
const MAGNITUDE: Partial<Record<EffectOp['op'], [number, number]>> = {
  pc: [1, 3],
  tension: [1, 2],
  controlLevel: [1, 1],
  standing: [1, 2],
  capacity: [100, 300],
  servers: [1, 2],
  vendorCash: [1, 5],
  vendorTarget: [1, 4],
  vendorTargetPerRound: [1, 1],
  hubCash: [1, 3],
  investment: [1, 3],
  firmCash: [2, 4],
  firmHeat: [1, 2],
  firmCapability: [1, 1],
  frontier: [1, 1],
};

const effectRows = CARDS.flatMap((card) =>
  card.effects.map((e) => [card.id, e.op, card, e] as const),
);
const uses = (op: EffectOp['op']) => CARDS.filter((c) => c.effects.some((e) => e.op === op));

describe('the event deck', () => {
  it('has at least 24 cards with unique kebab-case ids', () => {
    expect(CARDS.length).toBeGreaterThanOrEqual(24);
    const ids = CARDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('looks cards up by id, and only real ones', () => {
    for (const card of CARDS) {
      expect(cardById(card.id)).toBe(card);
      expect(CARD_BY_ID[card.id]).toBe(card);
    }
    expect(cardById('no-such-card')).toBeUndefined();
    expect(cardById('constructor')).toBeUndefined();
  });

  it.each(CARDS.map((c) => [c.id, c] as const))('%s is dated 2022-01..2026-12', (_id, card) => {
    expect(parseDate(card.date), card.date).not.toBeNull();
    expect(card.date.slice(0, 7) >= '2022-01' && card.date.slice(0, 7) <= '2026-12').toBe(true);
  });

  it.each(CARDS.map((c) => [c.id, c] as const))(
    '%s has a title, source, text and effects',
    (_id, card) => {
      for (const field of ['title', 'source', 'text', 'effectText'] as const) {
        expect(card[field].trim(), field).not.toBe('');
      }
      expect(card.effects.length).toBeGreaterThan(0);
    },
  );

  it.each(CARDS.map((c) => [c.id, c] as const))(
    '%s says every number it applies, and no other',
    (_id, card: EventCard) => {
      const said = card.effectText.match(/[+-]\d+/g) ?? [];
      const done = card.effects
        .map(amount)
        .filter((n): n is number => n !== null)
        .map(signed);
      expect([...said].sort()).toEqual([...done].sort());
    },
  );

  it.each(effectRows)('%s: %s is worded on the card, with its hub', (_id, _op, card, e) => {
    expect(card.effectText).toMatch(WORDING[e.op]);
    if ('hub' in e && e.hub !== 'all') expect(card.effectText).toContain(HUB_NAMES[e.hub]);
    if (e.op === 'standing' && e.hub === 'all') expect(card.effectText).toMatch(/every hub/);
  });

  it.each(effectRows)('%s: %s names a real hub and a modest amount', (_id, _op, _card, e) => {
    if ('hub' in e && e.hub !== 'all') expect(HUBS).toContain(e.hub);
    const n = amount(e);
    const range = MAGNITUDE[e.op];
    if (n !== null && range) {
      expect(Math.abs(n)).toBeGreaterThanOrEqual(range[0]);
      expect(Math.abs(n)).toBeLessThanOrEqual(range[1]);
    }
    if (e.op === 'controlLevel' || e.op === 'firmCapability' || e.op === 'frontier') {
      expect(e.delta).toBe(1);
    }
  });

  it('keeps the big levers rare', () => {
    expect(uses('controlLevel').length).toBeLessThanOrEqual(4);
    expect(uses('firmCapability').length).toBeLessThanOrEqual(2);
    expect(uses('frontier').length).toBeLessThanOrEqual(2);
  });

  it('keeps single-source reports mild', () => {
    for (const card of CARDS.filter((c) => /reported/i.test(c.source))) {
      expect(card.effects.length, card.id).toBeLessThanOrEqual(2);
      expect(card.effects.some((e) => e.op === 'controlLevel' || e.op === 'firmCapability')).toBe(
        false,
      );
    }
  });
});

describe('the named decks', () => {
  it.each(DECK_NAMES)('%s lists at least 12 existing cards, none twice', (name) => {
    const deck = DECKS[name];
    expect(deck.length).toBeGreaterThanOrEqual(12);
    expect(new Set(deck).size).toBe(deck.length);
    for (const id of deck) expect(cardById(id), id).toBeDefined();
  });

  it("'all' holds every card", () => {
    expect([...DECKS.all].sort()).toEqual(CARDS.map((c) => c.id).sort());
  });

  it.each([
    ['suitcase2024', '2023-10', '2025-06'],
    ['tiered2025', '2024-12', '2025-05'],
    ['permit2025', '2025-04', '2026-12'],
  ] as const)('%s only holds cards dated %s..%s', (name, from, to) => {
    for (const id of DECKS[name]) {
      const month = cardById(id)!.date.slice(0, 7);
      expect(month >= from && month <= to, `${id} (${month})`).toBe(true);
    }
  });

  it.each(['all', 'classroom'] as const)('%s is balanced: no side holds over 40%%', (name) => {
    const cards = DECKS[name].map((id) => cardById(id)!);
    const counts = new Map<EventCard['favours'], number>();
    for (const c of cards) counts.set(c.favours, (counts.get(c.favours) ?? 0) + 1);
    for (const [side, n] of counts) expect(n / cards.length, side).toBeLessThanOrEqual(0.4);
    for (const side of ['regulator', 'vendor', 'firm', 'hub'] as const) {
      expect(counts.get(side) ?? 0, side).toBeGreaterThan(0);
    }
  });
});

describe('dealing cards in history’s order', () => {
  const quietWith = (deck: string[], change: (s: GameState) => void = () => {}): GameState => {
    const scenario = { ...SCENARIOS.classroom!, deck, scheduled: [] };
    const state = createInitialState(scenario, 'deal');
    change(state);
    return state;
  };

  it('every card is a full date, so cards sort as history happened', () => {
    for (const card of CARDS) expect(isDated(card.date), card.id).toBe(true);
  });

  it('a card whose rule is already in force is set aside, not dealt', () => {
    const deck = CARDS.filter((c) => c.effects.some((e) => e.op === 'controlLevel' && e.delta > 0))
      .map((c) => c.id)
      .filter((id) => cardById(id)!.date >= SCENARIOS.classroom!.startDate);
    expect(deck.length).toBeGreaterThan(0);
    const state = quietWith(deck);
    // Deal again, now that controls are at their highest: nothing of it may be dealt.
    state.controlLevel = RULES.maxControlLevel;
    const before = state.secret!.dealt.length;
    state.secret!.deck = [deck];
    dealCards(state, (id) => cardById(id));
    expect(state.secret!.dealt.length).toBe(before);
  });

  it('a full hand lets its oldest card go, and the seat is told', () => {
    const state = quietWith([]);
    const seat = state.planners[0]!;
    state.planners = [seat]; // the only seat dealt to (deals go round the seats in a shuffled order)
    // Cards none of whose effects can be a rule already in force, so none is set aside.
    const harmless = new Set(['pc', 'tension', 'vendorCash', 'hubCash', 'investment', 'firmCash']);
    const ids = CARDS.filter(
      (c) => c.date >= SCENARIOS.classroom!.startDate && c.effects.every((e) => harmless.has(e.op)),
    )
      .slice(0, RULES.handLimit + 1)
      .map((c) => c.id);
    for (const id of ids) {
      state.secret!.deck = [[id]];
      state.round = 1;
      dealCards(state, (x) => cardById(x));
    }
    const hand = state.plans[seat]!.hand;
    expect(hand.length).toBeLessThanOrEqual(RULES.handLimit);
    expect(hand).not.toContain(ids[0]);
    expect(state.log.some((e) => e.to === seat && e.text.includes('leaves your hand'))).toBe(true);
  });

  it('prepareDeck deals at most one card a seat per deal, in date order, none before the start', () => {
    const start = '2024-01-01';
    const deck = prepareDeck(seedRng('deck'), CARDS, start, 8, 4);
    expect(deck).toHaveLength(Math.ceil(8 / RULES.dealEvery));
    const dates = deck.flat().map((id) => cardById(id)!.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of dates) expect(d >= start).toBe(true);
    for (const deal of deck) expect(deal.length).toBeLessThanOrEqual(4);
  });
});
