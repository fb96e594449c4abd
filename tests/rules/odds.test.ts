import { describe, expect, it } from 'vitest';
import { createInitialState, SCENARIOS } from '../../game/engine';
import { findChance, inspectionChance } from '../../game/detection';
import type { HubId, Posture } from '../../game/ids';

const state = () => createInitialState({ ...SCENARIOS.classroom, deck: [], scheduled: [] }, 'odds');

describe('customs: the chance that one carrier is inspected', () => {
  it.each<[string, Posture, number, number, number]>([
    // name, customs posture, TB in this carrier's bags, firm heat, percent
    ['a full 40 TB suitcase through lax customs', 'lax', 40, 0, 62],
    ['20 TB (half a bag) through lax customs', 'lax', 20, 0, 17],
    ['10 TB through lax customs', 'lax', 10, 0, 6],
    ['20 TB through strict customs', 'strict', 20, 0, 25],
    ['20 TB through standard customs with heat 3', 'standard', 20, 3, 26],
  ])('%s', (_name, posture, tb, heat, percent) => {
    const s = state();
    s.places.MY.customs = posture;
    expect(inspectionChance(s, 'MY', tb, heat)).toBe(percent);
  });

  it('splitting 80 TB across four carriers is less likely to be caught than across two', () => {
    const s = state();
    const anyCaught = (carriers: number) =>
      1 - (1 - inspectionChance(s, 'MY', 80 / carriers, 0) / 100) ** carriers;
    expect(anyCaught(4)).toBeLessThan(anyCaught(2));
  });

  it('an alert, a permit regime and heat each raise the odds', () => {
    const s = state();
    const base = inspectionChance(s, 'MY', 20, 0);
    s.places.MY.alertUntil = 1;
    const alerted = inspectionChance(s, 'MY', 20, 0);
    s.places.MY.permit = 'permit';
    const permitted = inspectionChance(s, 'MY', 20, 0);
    expect(alerted).toBeGreaterThan(base);
    expect(permitted).toBeGreaterThan(alerted);
    expect(inspectionChance(s, 'MY', 20, 5)).toBeGreaterThan(permitted);
  });
});

describe('end-use checks and audits: the chance to find one hidden entity', () => {
  it.each<
    [
      string,
      HubId,
      'check' | 'audit',
      number,
      Partial<{ permit: 'permit'; standing: number }>,
      number,
    ]
  >([
    ['a check with no heat', 'MY', 'check', 0, {}, 20],
    ['a check on a firm with heat 4', 'MY', 'check', 4, {}, 40],
    ['a check under a permit regime', 'MY', 'check', 0, { permit: 'permit' }, 35],
    ['a check where standing is low (2)', 'MY', 'check', 0, { standing: 2 }, 5],
    ['a vendor audit with heat 2', 'SG', 'audit', 2, {}, 45],
  ])('%s', (_name, hub, by, heat, place, percent) => {
    const s = state();
    Object.assign(s.places[hub], place);
    expect(findChance(s, hub, heat, by)).toBe(percent);
  });
});
