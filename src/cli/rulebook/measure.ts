import { addStanding } from '../../../game/access';
import type { HubId } from '../../../game/ids';
import { carryModelHome, courierData, smuggleChips, train } from '../../../game/moves/firm';
import { endUseCheck } from '../../../game/moves/regulator';
import { auditDistributors } from '../../../game/moves/vendor';
import { resolveRound } from '../../../game/resolution';
import { thingId } from '../../../game/ids';
import type { GameState } from '../../../game/state';
import {
  addEntity,
  measureChance,
  NO_DICE,
  PROBE_HUB,
  probeFirm,
  probeSeat,
  quietState,
  type Stage,
} from './probe';

/** Measured chances (percent) of every roll in the game, and other behaviour, by running the engine. */

const hub: HubId = PROBE_HUB;

const seatOf = (state: GameState, role: string) => {
  const seat = state.seats.find((s) => s.role === role);
  if (!seat) throw new Error(`the representative scenario has no ${role} seat`);
  return seat.id;
};

const entityExposed = (state: GameState): boolean =>
  probeFirm(state).secrets.entities.some((e) => e.exposed);

/** Chance that customs stop one carrier holding `tb` TB on the way into a hub. */
export function customsChance(stage: Stage, tb: number): number {
  return measureChance(
    () => {
      const state = quietState(stage);
      probeFirm(state).secrets.homeTB = tb;
      courierData.apply({ state, seat: probeSeat(state) }, { hub, tb, carriers: 1 }, NO_DICE());
      return state;
    },
    (state) => resolveRound(state),
    (state) => (probeFirm(state).secrets.dataAt[hub] ?? 0) < tb,
  );
}

/** Chance that exit customs stop an engineer carrying trained weights home. */
export function carryChance(stage: Stage): number {
  return measureChance(
    () => {
      const state = quietState(stage);
      const firm = probeFirm(state);
      firm.capability = 0;
      firm.secrets.models.push({ id: thingId('probe-m'), hub, gain: 1 });
      carryModelHome.apply({ state, seat: firm.seat }, { hub }, NO_DICE());
      return state;
    },
    (state) => resolveRound(state),
    (state) => probeFirm(state).capability === 0,
  );
}

/** Chance that an end-use check (or a vendor's distributor audit) finds one hidden entity. */
export function findChance(stage: Stage, by: 'check' | 'audit'): number {
  return measureChance(
    () => {
      const state = quietState(stage);
      addEntity(state, hub);
      return state;
    },
    (state, rng) =>
      by === 'check'
        ? endUseCheck.apply({ state, seat: seatOf(state, 'regulator') }, { hub }, rng)
        : auditDistributors.apply({ state, seat: seatOf(state, 'vendor') }, { hub }, rng),
    entityExposed,
  );
}

/** Chance that cloud know-your-customer screening exposes one hidden lease in a round. */
export function kycChance(stage: Stage): number {
  return measureChance(
    () => {
      const state = quietState(stage);
      state.kyc = true;
      addEntity(state, hub, 1);
      return state;
    },
    (state) => resolveRound(state),
    entityExposed,
  );
}

/** Chance that a smuggled pod of servers is caught. */
export function smuggleChance(stage: Stage): number {
  return measureChance(
    () => quietState(stage),
    (state, rng) => smuggleChips.apply({ state, seat: probeSeat(state) }, { hub }, rng),
    (state) => probeFirm(state).secrets.homeCompute === 0,
  );
}

/** The smallest home compute (in the engine's units) that lets a firm train at home. */
export function computePerPod(): number {
  for (let c = 1; c <= 1000; c++) {
    const state = quietState();
    const firm = probeFirm(state);
    firm.capability = 0; // well under the home ceiling
    firm.secrets.homeCompute = c;
    firm.secrets.homeTB = 1000;
    if (train.check({ state, seat: firm.seat }, { at: 'home' }) === null) return c;
  }
  return NaN;
}

export interface TrainingRun {
  gain: number;
  rounds: number;
  usedTB: number;
}

/** Trains on `pods` pods with `tb` TB at a hub (or at home) and reports what the engine gave. */
export function trainingRun(pods: number, tb: number, at: HubId | 'home'): TrainingRun | null {
  const state = quietState();
  const firm = probeFirm(state);
  firm.capability = 0;
  if (at === 'home') {
    firm.secrets.homeCompute = pods * computePerPod();
    firm.secrets.homeTB = tb;
  } else {
    addEntity(state, at, pods);
    firm.secrets.dataAt[at] = tb;
  }
  if (train.check({ state, seat: firm.seat }, { at }) !== null) return null;
  train.apply({ state, seat: firm.seat }, { at }, NO_DICE());
  const usedTB = tb - (at === 'home' ? firm.secrets.homeTB : (firm.secrets.dataAt[at] ?? 0));
  for (let rounds = 1; rounds <= 12; rounds++) {
    resolveRound(state);
    const done = probeFirm(state);
    const gain = at === 'home' ? done.capability : (done.secrets.models[0]?.gain ?? 0);
    if (gain > 0) return { gain, rounds, usedTB };
  }
  return null;
}

/** Numbers the engine fixes in code rather than in RULES, each measured by running it. */
export function engineConstants(): Record<string, number> {
  const standing = quietState();
  addStanding(standing, hub, 1000);
  const standingMax = standing.places[hub].standing;
  addStanding(standing, hub, -1000);
  const standingMin = standing.places[hub].standing;

  const reviews: number[] = [];
  const year = quietState();
  while (reviews.length < 2 && year.round < year.rounds) {
    year.vendor.audited = [hub];
    resolveRound(year);
    if (year.vendor.audited.length === 0) reviews.push(year.round);
  }

  return {
    standingMax,
    standingMin,
    firstReviewRound: reviews[0] ?? NaN,
  };
}
