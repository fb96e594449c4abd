import { describe, expect, it } from 'vitest';
import { createInitialState, SCENARIOS, thingId, type GameState } from '../../game/engine';
import { exposeEntity, redFlagged } from '../../game/detection';
import { RULES } from '../../game/rules';

/** A classroom start with one hidden company of the lab in Malaysia and no red flag anywhere. */
function world(): GameState {
  const s = createInitialState({ ...SCENARIOS.classroom, deck: [], scheduled: [] }, 'fines');
  for (const place of Object.values(s.places)) place.demandLast = place.demand;
  s.signals = [];
  s.vendor.cash = 20;
  const firm = Object.values(s.firms)[0];
  firm.secrets.entities.push({ id: thingId('e1'), hub: 'MY', exposed: false, listed: false });
  return s;
}

/** Exposes the lab's Malaysian company and returns what the vendor paid for it. */
function fineFor(s: GameState): number {
  const firm = Object.values(s.firms)[0];
  const before = s.vendor.cash;
  exposeEntity(s, firm, firm.secrets.entities[0], 'An end-use check');
  return before - s.vendor.cash;
}

describe("the vendor's fine for a front company among its customers", () => {
  it('is not charged where nothing pointed to the company', () => {
    const s = world();
    expect(redFlagged(s, 'MY')).toBe(false);
    expect(fineFor(s)).toBe(0);
    expect(s.log.some((e) => e.text.includes('fined'))).toBe(false);
  });

  it('is charged where the utilisation reading jumped and the vendor did not audit', () => {
    const s = world();
    s.places.MY.demand = s.places.MY.demandLast + RULES.redFlagRise;
    expect(fineFor(s)).toBe(RULES.fineUnaudited);
    expect(s.log.some((e) => e.to === 'public' && e.text.includes('red flags showed'))).toBe(true);
  });

  it('a rise smaller than the red-flag rise is noise, not a red flag', () => {
    const s = world();
    s.places.MY.demand = s.places.MY.demandLast + RULES.redFlagRise - 1;
    expect(fineFor(s)).toBe(0);
  });

  it('is charged after a recent seizure there, but not once the seizure is old', () => {
    const recent = world();
    recent.signals.push({ round: recent.round, hub: 'MY', kind: 'seizure', text: 'seized' });
    expect(fineFor(recent)).toBe(RULES.fineUnaudited);

    const old = world();
    old.round = RULES.redFlagRounds + 1;
    old.signals.push({ round: 1, hub: 'MY', kind: 'notice', text: 'noticed' });
    expect(fineFor(old)).toBe(0);
  });

  it('a red flag in another hub does not count', () => {
    const s = world();
    s.signals.push({ round: s.round, hub: 'SG', kind: 'seizure', text: 'seized' });
    expect(fineFor(s)).toBe(0);
  });

  it('an audit this year spares the vendor even where red flags showed', () => {
    const s = world();
    s.places.MY.demand = s.places.MY.demandLast + RULES.redFlagRise;
    s.vendor.audited.push('MY');
    expect(fineFor(s)).toBe(0);
  });
});
