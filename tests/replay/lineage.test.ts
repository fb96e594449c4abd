import { describe, expect, it } from 'vitest';
import { RESOLUTION_STEPS } from '../../game/engine';
import { atText, readReplay, thingLives } from '../../game/replay';
import { botMatch } from './fixtures';

const step = (name: string) => RESOLUTION_STEPS.indexOf(name as (typeof RESOLUTION_STEPS)[number]);

const livesOf = (id: string, seed: string) => {
  const r = readReplay(JSON.stringify(botMatch(id, seed).file));
  if (!r.ok) throw new Error(r.error);
  return { lives: thingLives(r.replay), replay: r.replay };
};

describe("the firms' secret things, followed by their ids through every resolution step", () => {
  it('ties each exposure to the signal of that step and the check or audit that made it', () => {
    let exposures = 0;
    let seizures = 0;
    for (const seed of ['lineage-1', 'lineage-2', 'lineage-3', 'lineage-4']) {
      const { lives, replay } = livesOf('classroom', seed);
      const last = replay.states.at(-1)!;
      expect(lives.length).toBeGreaterThan(0);
      for (const life of lives) {
        // Every thing was made by a resolution step, by the firm's own order resolved there.
        expect(life.made, life.key).not.toBeNull();
        if (life.made!.step === step('AI firms'))
          expect(life.madeBy.length, life.key).toBeGreaterThan(0);
        if (life.exposed) {
          exposures += 1;
          // The engine published the exposure in that very step, naming the firm and the place.
          if (life.kind === 'entity')
            expect(
              life.signals.some((x) => x.text.includes('exposed a local entity')),
              life.key,
            ).toBe(true);
          if (life.kind === 'entity' && life.exposed.step === step('Regulator: enforcement'))
            expect(life.responses.length, life.key).toBeGreaterThan(0);
        }
        if (life.kind === 'courier' && life.signals.some((s) => /seize/.test(s.text))) {
          seizures += 1;
          expect(life.ended!.step).toBe(step('Couriers arrive'));
        }
        for (const s of life.signals)
          expect(last.signals.some((x) => x.text === s.text) || s.at.round < last.round).toBe(true);
      }
    }
    expect(exposures).toBeGreaterThan(0);
    void seizures;
    expect(atText({ round: 2, step: step('Couriers arrive') })).toBe('round 2, Couriers arrive');
  });

  it('says nothing before the match has ended (the things are secret until then)', () => {
    const r = readReplay(JSON.stringify(botMatch('classroom', 'lineage-open').file));
    if (!r.ok) throw new Error(r.error);
    const open = { ...r.replay, states: r.replay.states.slice(0, r.replay.roundStart[3]! + 1) };
    expect(thingLives(open)).toEqual([]);
  });
});
