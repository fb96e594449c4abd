import { SCENARIOS, SCENARIO_IDS } from '../../../game/scenarios';
import { createInitialState, freshSecrets } from '../../../game/setup';
import { HUBS, thingId, type HubId, type Posture, type SeatId } from '../../../game/ids';
import type { RngState } from '../../../game/random';
import { RULES } from '../../../game/rules';
import type { FirmState, GameState } from '../../../game/state';

/**
 * A laboratory for the rulebook: quiet states built by the real engine, and a way to measure
 * the exact percent chance behind any roll by running the engine's own code with loaded dice.
 * Nothing here re-implements a rule; it only sets the stage and watches what happens.
 */

export const PROBE_HUB: HubId = 'MY';

/** The first shipped scenario: the "representative state" costs and probes start from. */
export function representativeState(): GameState {
  return createInitialState(SCENARIOS[SCENARIO_IDS[0]], 'rulebook');
}

export interface Stage {
  posture?: Posture;
  permit?: boolean;
  licence?: boolean;
  alert?: boolean;
  heat?: number;
  standing?: number;
}

/** A quiet state: no news, no plans, every hub neutral and empty of customers, one firm with money and nothing else. */
export function quietState(stage: Stage = {}): GameState {
  const state = representativeState();
  state.secret = { rng: [0, 0, 0, 0], deck: [], dealt: [] };
  state.scheduled = [];
  state.pending = [];
  state.kyc = false;
  state.tension = 0;
  state.round = 1;
  state.rounds = 24;
  for (const hub of HUBS) {
    Object.assign(state.places[hub], {
      capacityMW: 20 * RULES.mwPerPod,
      servers: 10,
      demand: 0,
      demandLast: 0,
      standing: stage.standing ?? RULES.lowStanding + 1,
      customs: stage.posture ?? 'standard',
      permit: stage.permit ? 'permit' : 'none',
      licence: stage.licence ?? false,
      leasingFund: false,
      alertUntil: stage.alert ? state.round : 0,
      pressure: 0,
    });
  }
  if (state.market)
    for (const hub of HUBS) {
      state.market.ordinary[hub] = 0;
      state.market.firms[hub] = 0;
    }
  for (const firm of Object.values(state.firms)) {
    firm.secrets = { ...freshSecrets(1000, 0), heat: stage.heat ?? 0, made: firm.secrets.made };
  }
  return state;
}

export function probeFirm(state: GameState): FirmState {
  const seat = state.seats.find((s) => s.role === 'firm');
  if (!seat) throw new Error('the representative scenario has no AI firm');
  return state.firms[seat.id];
}

export const probeSeat = (state: GameState): SeatId => probeFirm(state).seat;

/** Gives the probe firm a hidden local entity (and optionally a lease) in a hub. */
export function addEntity(state: GameState, hub: HubId, leasePods = 0): void {
  const firm = probeFirm(state);
  const entity = thingId(`probe-e-${hub}`);
  firm.secrets.entities.push({ id: entity, hub, exposed: false, listed: false });
  if (leasePods > 0) {
    firm.secrets.leases.push({
      id: thingId(`probe-l-${hub}`),
      hub,
      entity,
      pods: leasePods,
      exposed: false,
    });
    if (state.market) state.market.firms[hub] += leasePods;
    state.places[hub].demand += leasePods;
  }
}

/** A generator whose next roll of `randInt(rng, 100)` is exactly `k`. */
export function loadedDice(k: number): RngState {
  return [Math.ceil((k * 4294967296) / 100) | 0, 0, 0, 0];
}

/** Dice for moves that roll nothing. */
export const NO_DICE = (): RngState => loadedDice(99);

/**
 * The exact percent chance of an event: the smallest loaded roll that does not trigger it.
 * `act` runs the engine on a fresh stage with the given dice; `hit` says whether it happened.
 */
export function measureChance(
  prepare: () => GameState,
  act: (state: GameState, rng: RngState) => void,
  hit: (state: GameState) => boolean,
): number {
  const trial = (k: number): boolean => {
    const state = prepare();
    const rng = loadedDice(k);
    if (state.secret) state.secret.rng = rng;
    act(state, rng);
    return hit(state);
  };
  let lo = 0;
  let hi = 100;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trial(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
