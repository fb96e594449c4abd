import { describe, expect, it } from 'vitest';
import {
  SCENARIOS,
  SCENARIO_IDS,
  createInitialState,
  planOrder,
  playCard,
  playerView,
  RULES,
} from '../../game/engine';
import { goalsOf } from '../../game/scoring';
import { coach, hasOrder } from '../../src/app/guide/coach';

/** The coached first round gives every role a plan it can actually carry out, with the game's own numbers. */

const cases = SCENARIO_IDS.flatMap((id) => {
  const G = createInitialState(SCENARIOS[id], 'coach-test');
  return G.planners.map(
    (seat) => [id, G.seats.find((s) => s.id === seat)?.name ?? seat, seat] as const,
  );
});

describe('the first-round coach', () => {
  it.each(cases)(
    '%s, %s: every suggested order and card is accepted by the engine, in sequence',
    (id, _name, seat) => {
      const G = createInitialState(SCENARIOS[id], 'coach-test');
      const c = coach(playerView(G, seat), seat);
      expect(c.orders.length).toBeGreaterThan(0);
      expect(c.orders.length).toBeLessThanOrEqual(G.actionsPerRound);
      if (c.card) expect(playCard(G, seat, c.card.card, c.card.use)).toEqual({ ok: true });
      for (const o of c.orders) {
        const r = planOrder(G, seat, o.move, o.args);
        expect(r, `${o.what}`).toEqual({ ok: true });
        expect(hasOrder(G, seat, o)).toBe(true);
        expect(o.why.join(' ').length).toBeGreaterThan(40);
      }
      expect(c.seal.join(' ')).toMatch(/resolve/);
    },
  );

  it.each(cases)('%s, %s: the aim states the goal with this game’s targets', (id, _name, seat) => {
    const G = createInitialState(SCENARIOS[id], 'coach-test');
    const aim = coach(playerView(G, seat), seat).aim.join(' ');
    expect(aim).toContain(`round ${G.rounds}`);
    for (const g of goalsOf(G, seat)) if (!g.atMost) expect(aim).toContain(String(g.target));
  });

  it('tells a lab how many points it needs and by when its last training must start', () => {
    const G = createInitialState(SCENARIOS.classroom, 'coach-test');
    const lab = G.seats.find((s) => s.role === 'firm')!.id;
    const c = coach(playerView(G, lab), lab);
    expect(c.aim.join(' ')).toContain(
      `last useful training starts in round ${G.rounds - RULES.trainRounds}`,
    );
    // The courier suggestion quotes the engine's odds for its exact load.
    const courier = c.orders.find((o) => o.move === 'courierData');
    if (courier) expect(courier.why.join(' ')).toMatch(/stop each carrier: \d+%/);
  });

  it.each(['MY', 'TH'] as const)(
    'points the vendor at the hub whose red flag would bring a fine (%s)',
    (hub) => {
      const G = createInitialState(SCENARIOS.classroom, 'coach-test');
      const vendor = G.seats.find((s) => s.role === 'vendor')!.id;
      for (const p of Object.values(G.places)) p.demandLast = p.demand;
      G.places[hub].demand = G.places[hub].demandLast + RULES.redFlagRise;
      const audit = coach(playerView(G, vendor), vendor).orders.find(
        (o) => o.move === 'auditDistributors',
      );
      expect(audit?.args.hub).toBe(hub);
      expect(audit?.why.join(' ')).toContain('Red flags show');
    },
  );
});
