import { describe, expect, it } from 'vitest';
import { scoreboard } from '../../src/app/selectors/scoreboard';
import { fresh, playRounds, playerView } from './fixtures';

describe('the projector scoreboard', () => {
  it("shows each playing role's progress from public facts alone", () => {
    const G = playRounds(fresh('permit2025'), 3);
    const rows = scoreboard(playerView(G, null));
    // The same from the public view as from the whole state: nothing secret goes in.
    expect(rows).toEqual(scoreboard(G));
    expect(rows.map((r) => r.name)).not.toContain('Facilitator');
    expect(rows).toHaveLength(G.seats.filter((s) => s.role !== 'facilitator').length);
    const lab = rows.find((r) => r.name === 'Beijing lab');
    expect(lab?.goals[0].text).toBe(
      `Capability: ${G.firms['2'].capability} — needs at least ${G.frontier}`,
    );
    for (const g of rows.flatMap((r) => r.goals)) {
      expect(g.share).toBeGreaterThanOrEqual(0);
      expect(g.share).toBeLessThanOrEqual(1);
    }
  });
});
