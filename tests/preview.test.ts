import { describe, expect, it } from 'vitest';
import { thingId, type HubId, type SeatId } from '../game/ids';
import type { MoveArgs, MoveName } from '../game/moves/types';
import { previewOrder, type OrderPreview } from '../game/preview';
import { seedRng } from '../game/random';
import { resolveRound } from '../game/resolution';
import { RULES } from '../game/rules';
import type { GameState } from '../game/state';
import { homeCeiling } from '../game/training';
import { playerView } from '../game/views';
import { addEntity, probeFirm, quietState, type Stage } from '../src/cli/rulebook/probe';

/**
 * The odds an order shows before it is given must be the odds the engine then plays: each case
 * states a preview on a stage, then resolves the round with that order over many seeds and
 * compares the measured frequency with the stated percentage (a 99.9% binomial interval).
 */

const HUB: HubId = 'MY';
const TRIALS = 1000;

const seatOf = (state: GameState, role: string): SeatId => {
  const seat = state.seats.find((s) => s.role === role);
  if (!seat) throw new Error(`no ${role} seat`);
  return seat.id;
};

/** Runs the round `TRIALS` times from copies of `state`, with the order planned, and counts hits. */
function measure(
  state: GameState,
  seat: SeatId,
  move: MoveName,
  args: MoveArgs,
  hits: (after: GameState) => number,
  per = 1,
): number {
  let n = 0;
  for (let i = 0; i < TRIALS; i++) {
    const s = structuredClone(state);
    s.plans[seat].orders = [{ move, args }];
    if (s.secret) s.secret.rng = seedRng(`preview-test/${i}`);
    resolveRound(s);
    n += hits(s);
  }
  return n / (TRIALS * per);
}

function within(measured: number, statedPct: number, trials: number): void {
  const p = statedPct / 100;
  const margin = 3.3 * Math.sqrt((Math.max(p, 0.01) * Math.max(1 - p, 0.01)) / trials) + 0.005;
  expect(Math.abs(measured - p), `measured ${measured}, stated ${statedPct}%`).toBeLessThan(margin);
}

const odds = (p: OrderPreview, label: RegExp): number => {
  const o = p.odds.find((x) => label.test(x.label));
  if (!o) throw new Error(`no odds matching ${label} in ${JSON.stringify(p.odds)}`);
  return o.pct;
};

/** The preview as the seat's own board computes it: from its view, not the full state. */
const seen = (state: GameState, seat: SeatId, move: MoveName, args: MoveArgs) =>
  previewOrder(playerView(state, seat), seat, move, args);

describe('the stated odds are the odds the engine plays', () => {
  it.each<[string, Stage, number, number]>([
    ['80 TB on 2 carriers through lax customs at heat 3', { posture: 'lax', heat: 3 }, 80, 2],
    [
      '40 TB on 1 carrier through strict customs under an alert',
      { posture: 'strict', alert: true },
      40,
      1,
    ],
    ['60 TB on 3 carriers into a permit hub', { permit: true, heat: 1 }, 60, 3],
  ])('courier: %s', (_name, stage, tb, carriers) => {
    const state = quietState(stage);
    const firm = probeFirm(state);
    firm.secrets.homeTB = tb;
    const args = { hub: HUB, tb, carriers };
    const p = seen(state, firm.seat, 'courierData', args);
    const each = odds(p, /stop each carrier/);
    const all = odds(p, /get through/);
    expect(each).toBeGreaterThan(0);
    const perCarrier = tb / carriers;
    within(
      measure(
        state,
        firm.seat,
        'courierData',
        args,
        (s) => (tb - (probeFirm(s).secrets.dataAt[HUB] ?? 0)) / perCarrier,
        carriers,
      ),
      each,
      TRIALS * carriers,
    );
    within(
      measure(state, firm.seat, 'courierData', args, (s) =>
        (probeFirm(s).secrets.dataAt[HUB] ?? 0) === tb ? 1 : 0,
      ),
      all,
      TRIALS,
    );
  });

  it('carrying a model home through strict exit customs', () => {
    const state = quietState({ posture: 'strict', heat: 4 });
    const firm = probeFirm(state);
    firm.capability = 0;
    firm.secrets.models.push({ id: thingId('m1'), hub: HUB, gain: 2 });
    const p = seen(state, firm.seat, 'carryModelHome', { hub: HUB });
    expect(p.yields.join(' ')).toContain('Capability +2');
    within(
      measure(state, firm.seat, 'carryModelHome', { hub: HUB }, (s) =>
        probeFirm(s).capability === 0 ? 1 : 0,
      ),
      odds(p, /seize the weights/),
      TRIALS,
    );
  });

  it('smuggling a pod at heat 2', () => {
    const state = quietState({ heat: 2 });
    const firm = probeFirm(state);
    const p = seen(state, firm.seat, 'smuggleChips', { hub: HUB });
    within(
      measure(state, firm.seat, 'smuggleChips', { hub: HUB }, (s) =>
        probeFirm(s).secrets.smuggledPods === 0 ? 1 : 0,
      ),
      odds(p, /catch the shipment/),
      TRIALS,
    );
  });

  it.each<['endUseCheck' | 'auditDistributors', string, number, RegExp]>([
    ['endUseCheck', 'regulator', 0, /heat 0/],
    ['auditDistributors', 'vendor', RULES.heatMax, new RegExp(`heat ${RULES.heatMax}`)],
  ])('%s by the %s finds a hidden entity (owner at heat %s)', (move, role, heat, label) => {
    const state = quietState({ heat });
    addEntity(state, HUB);
    const seat = seatOf(state, role);
    state.regulator.pc = 50;
    state.vendor.cash = 50;
    // The searcher does not know the owner's heat: its preview gives the range over heat.
    const p = seen(state, seat, move, { hub: HUB });
    within(
      measure(state, seat, move, { hub: HUB }, (s) =>
        probeFirm(s).secrets.entities[0].exposed ? 1 : 0,
      ),
      odds(p, label),
      TRIALS,
    );
  });

  it('a lease under the cloud know-your-customer rule', () => {
    const state = quietState({ heat: 5 });
    state.kyc = true;
    addEntity(state, HUB, 1);
    const firm = probeFirm(state);
    const p = seen(state, firm.seat, 'leaseServers', { hub: HUB, pods: 1 });
    // Screening is per lease: measure the first lease's exposure over one round.
    within(
      measure(state, firm.seat, 'prepareData', {}, (s) =>
        probeFirm(s).secrets.entities[0].exposed ? 1 : 0,
      ),
      odds(p, /Cloud screening/),
      TRIALS,
    );
  });
});

describe('what an order yields and whether it is in time', () => {
  const trainable = (round: number, rounds: number) => {
    const state = quietState();
    state.round = round;
    state.rounds = rounds;
    const firm = probeFirm(state);
    firm.capability = 0;
    addEntity(state, HUB, 2);
    firm.secrets.dataAt[HUB] = 80;
    return { state, seat: firm.seat };
  };

  it('states the training gain the engine then gives', () => {
    const { state, seat } = trainable(1, 12);
    const p = seen(state, seat, 'train', { at: HUB });
    const stated = Number(/capability \+(\d+)/.exec(p.yields[0])?.[1]);
    const s = structuredClone(state);
    s.plans[seat].orders = [{ move: 'train', args: { at: HUB } }];
    for (let r = 0; r < RULES.trainRounds; r++) {
      if (s.secret) s.secret.rng = seedRng(`train/${r}`);
      resolveRound(s);
    }
    expect(probeFirm(s).secrets.models.map((m) => m.gain)).toEqual([stated]);
    expect(p.tooLate).toBeNull();
  });

  it('warns that a training given in the last round cannot finish', () => {
    const { state, seat } = trainable(12, 12);
    expect(seen(state, seat, 'train', { at: HUB }).tooLate).toMatch(/after the game ends/);
  });

  it('warns when an offshore model could not be carried home in time', () => {
    const { state, seat } = trainable(12 - RULES.trainRounds + 1, 12);
    expect(seen(state, seat, 'train', { at: HUB }).tooLate).toMatch(/too late to carry it home/);
  });

  it('says home chips bought at the home ceiling cannot yet raise capability', () => {
    const state = quietState();
    const firm = probeFirm(state);
    firm.secrets.cash = 50;
    firm.capability = homeCeiling(state, firm);
    const atCeiling = seen(state, firm.seat, 'buyDomesticChips', {});
    expect(atCeiling.yields.join(' ')).toMatch(
      new RegExp(`only up to capability ${firm.capability} and you are at ${firm.capability}`),
    );
    firm.capability -= 1;
    expect(seen(state, firm.seat, 'buyDomesticChips', {}).yields.join(' ')).not.toMatch(
      /Nothing yet/,
    );
  });

  it('warns that a chip generation launched too late ships after the end', () => {
    const state = quietState();
    state.rounds = state.round + RULES.generationDelay - 2;
    state.vendor.cash = 50;
    const p = seen(state, seatOf(state, 'vendor'), 'launchGeneration', {});
    expect(p.tooLate).toMatch(/after the game ends/);
  });

  it('shows the standing a customs posture gives and the odds it changes', () => {
    const state = quietState({ posture: 'lax' });
    const p = seen(state, seatOf(state, 'hub'), 'setCustomsPosture', {
      hub: HUB,
      posture: 'strict',
    });
    expect(p.yields.join(' ')).toContain(`Standing of Malaysia +${2 * RULES.strictStandingGain}`);
    expect(odds(p, /at strict customs/)).toBeGreaterThan(odds(p, /, now/));
  });
});
