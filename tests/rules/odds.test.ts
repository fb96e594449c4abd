import { describe, expect, it } from 'vitest';
import { createInitialState, SCENARIOS } from '../../game/engine';
import { carrierStopChance, findChance, inspectionChance } from '../../game/detection';
import type { HubId, Posture } from '../../game/ids';
import { RULES } from '../../game/rules';

/** The load part of the customs chance: it grows with the square of a bag's share of 40 TB. */
const load = (tb: number) =>
  Math.round(RULES.customsLoadAtFull * (tb / RULES.maxPerCarrierTB) ** 2);
const capped = (n: number) => Math.min(RULES.chanceCap, n);

const state = () => createInitialState({ ...SCENARIOS.classroom, deck: [], scheduled: [] }, 'odds');

describe('customs: the chance that one carrier is inspected', () => {
  it.each<[string, Posture, number, number, number]>([
    // name, customs posture, TB in this carrier's bags, firm heat, percent
    [
      'a full suitcase through lax customs',
      'lax',
      RULES.maxPerCarrierTB,
      0,
      capped(RULES.customsLax + RULES.customsLoadAtFull),
    ],
    ['half a bag through lax customs', 'lax', 20, 0, capped(RULES.customsLax + load(20))],
    ['a quarter bag through lax customs', 'lax', 10, 0, capped(RULES.customsLax + load(10))],
    ['half a bag through strict customs', 'strict', 20, 0, capped(RULES.customsStrict + load(20))],
    [
      'half a bag through standard customs with heat 3',
      'standard',
      20,
      3,
      capped(RULES.customsStandard + load(20) + 3 * RULES.customsPerHeat),
    ],
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

describe('exit customs: the chance that weights flown home are stopped', () => {
  it('is a quarter of the chance a near-empty bag of drives would face there, rounded', () => {
    const s = state();
    s.places.MY.customs = 'strict';
    s.places.MY.alertUntil = s.round;
    const drives = inspectionChance(s, 'MY', 1, 4);
    expect(drives).toBe(RULES.customsStrict + RULES.alertBonus + 4 * RULES.customsPerHeat);
    expect(carrierStopChance(s, 'MY', { tb: 1, carriers: 1, model: 3 }, 4)).toBe(
      Math.round(drives / 4),
    );
    expect(carrierStopChance(s, 'MY', { tb: 1, carriers: 1, model: 0 }, 4)).toBe(drives);
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
    ['a check with no heat', 'MY', 'check', 0, {}, capped(RULES.checkBase)],
    [
      'a check on a firm with heat 4',
      'MY',
      'check',
      4,
      {},
      capped(RULES.checkBase + 4 * RULES.checkPerHeat),
    ],
    [
      'a check under a permit regime',
      'MY',
      'check',
      0,
      { permit: 'permit' },
      capped(RULES.checkBase + RULES.checkPermitBonus),
    ],
    [
      'a check where standing is low',
      'MY',
      'check',
      0,
      { standing: RULES.lowStanding - 1 },
      Math.max(RULES.chanceFloor, capped(RULES.checkBase - RULES.checkLowStandingPenalty)),
    ],
    [
      'a vendor audit with heat 2',
      'SG',
      'audit',
      2,
      {},
      capped(RULES.auditBase + 2 * RULES.auditPerHeat),
    ],
  ])('%s', (_name, hub, by, heat, place, percent) => {
    const s = state();
    Object.assign(s.places[hub], place);
    expect(findChance(s, hub, heat, by)).toBe(percent);
  });
});
