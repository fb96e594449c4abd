import { describe, expect, it } from 'vitest';
import { seatId } from '../../game/engine';
import { readReplay } from '../../game/replay';
import { stateAt, stopsOf, viewOf } from '../../src/app/debrief/stops';
import { botMatch } from './fixtures';

const r = readReplay(JSON.stringify(botMatch('classroom', 'stops').file));
if (!r.ok) throw new Error(r.error);
const { replay } = r;

describe('stepping through a replay', () => {
  it('every round opens on its planning, then walks the resolution steps in order', () => {
    const stops = stopsOf(replay, { kind: 'all' });
    for (let round = 1; round <= 6; round++) {
      const mine = stops.filter((s) => s.round === round);
      expect(mine[0]).toEqual({ round, step: 0 });
      expect(mine.length).toBeGreaterThan(1);
      const steps = mine.map((s) => s.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
    }
    expect(stops.at(-1)!.round).toBe(6);
  });

  it("a seat's replay stops only where it may read something, and never shows another's secret", () => {
    const regulator = seatId('0');
    const lab = seatId('2');
    const asRegulator = stopsOf(replay, { kind: 'seat', seat: regulator });
    expect(asRegulator.length).toBeLessThanOrEqual(stopsOf(replay, { kind: 'all' }).length);
    for (const stop of asRegulator) {
      const G = viewOf(stateAt(replay, stop), { kind: 'seat', seat: regulator });
      if (!G.over) {
        expect(G.log.every((e) => e.to === 'public' || e.to === regulator)).toBe(true);
        expect(G.firms[lab].secrets.redacted).toBe(true);
      }
    }
  });

  it("a step's log stops at that step; a round's planning shows the position it opened on", () => {
    const stops = stopsOf(replay, { kind: 'all' });
    const mid = stops.find((s) => s.round === 2 && s.step > 1)!;
    const at = stateAt(replay, mid);
    expect(at.log.every((e) => e.round < 2 || (e.round === 2 && e.step <= mid.step))).toBe(true);
    expect(stateAt(replay, { round: 3, step: 0 })).toBe(replay.states[replay.roundStart[3]]);
  });
});
