import { describe, expect, it } from 'vitest';
import {
  createInitialState,
  playerView,
  SCENARIOS,
  submitOrders,
  thingId,
  waitingFor,
  type GameState,
} from '../../game/engine';
import { RULES } from '../../game/rules';
import { trainingGain } from '../../game/training';

const PODS = 2;
const TB = 2 * RULES.tbPerCapability;

/**
 * A classroom game in its last round; the lab's training in Malaysia finishes this round, its
 * company there hidden or already exposed.
 */
function lastRound(exposed: boolean): GameState {
  const s = createInitialState({ ...SCENARIOS.classroom, deck: [], scheduled: [] }, 'reckoning');
  s.rounds = s.round;
  s.hub.investment = s.victory.hubInvestment;
  const firm = Object.values(s.firms)[0];
  firm.secrets.entities.push({ id: thingId('e1'), hub: 'MY', exposed, listed: false });
  firm.secrets.trainings.push({
    id: thingId('t1'),
    at: 'MY',
    pods: PODS,
    tb: TB,
    doneRound: s.round,
    exposed,
  });
  return s;
}

function resolve(s: GameState): GameState {
  for (const seat of waitingFor(s)) submitOrders(s, seat);
  return s;
}

describe('the reckoning when the game ends', () => {
  it('costs the hubs investment for each point of a model trained unseen on their servers', () => {
    const unseen = resolve(lastRound(false));
    const seen = resolve(lastRound(true));
    expect(unseen.over && seen.over).toBe(true);
    const points = trainingGain(PODS, TB);
    expect(points).toBeGreaterThan(0);
    expect(seen.hub.investment - unseen.hub.investment).toBe(
      points * RULES.reckoningInvestmentPerPoint,
    );
    expect(
      unseen.log.some((e) => e.to === 'public' && e.text.includes('Investors and chip deals')),
    ).toBe(true);
    expect(seen.log.some((e) => e.text.includes('Investors and chip deals'))).toBe(false);
  });

  it('is what the hubs are scored on', () => {
    const s = lastRound(false);
    s.victory.hubMinStanding = 0;
    s.hub.investment = s.victory.hubInvestment + 1;
    resolve(s);
    expect(s.hub.investment).toBeLessThan(s.victory.hubInvestment);
    const hubSeat = s.seats.find((seat) => seat.role === 'hub')?.id;
    expect(s.outcome?.winners).not.toContain(hubSeat);
  });

  it('never takes investment below zero', () => {
    const s = lastRound(false);
    s.hub.investment = 1;
    resolve(s);
    expect(s.hub.investment).toBe(0);
  });

  it('keeps the tally secret from the other players until the game ends', () => {
    const s = lastRound(false);
    s.rounds = s.round + 1;
    resolve(s);
    expect(s.over).toBe(false);
    const firm = Object.values(s.firms)[0];
    expect(firm.secrets.unseenGain).toBe(trainingGain(PODS, TB));
    const others = s.seats.filter((x) => x.id !== firm.seat && x.role !== 'facilitator');
    expect(others.length).toBeGreaterThan(0);
    for (const seat of others) {
      expect(playerView(s, seat.id).firms[firm.seat].secrets.unseenGain).toBe(0);
    }
    expect(playerView(s, firm.seat).firms[firm.seat].secrets.unseenGain).toBe(
      trainingGain(PODS, TB),
    );
  });
});
