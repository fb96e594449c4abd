import { roleOf } from './access';
import type { SeatId } from './ids';
import type { FirmSecrets, FirmState, GameState } from './state';

/**
 * What one seat may see. The match secret (generator and deck order) is never sent. A firm's
 * secrets are its own; other seats see only what has been exposed, until the game ends and
 * everything is revealed. The facilitator sees everything; a spectator (null) sees what is public.
 */
export function playerView(state: GameState, viewer: SeatId | null): GameState {
  const all = state.over || (viewer !== null && roleOf(state, viewer) === 'facilitator');
  const firms: Record<string, FirmState> = {};
  for (const [seat, firm] of Object.entries(state.firms)) {
    firms[seat] = all || seat === viewer ? firm : { ...firm, secrets: exposedOnly(firm.secrets) };
  }
  return {
    ...state,
    firms,
    log: all ? state.log : state.log.filter((e) => e.to === 'public' || e.to === viewer),
    secret: null,
  };
}

function exposedOnly(s: FirmSecrets): FirmSecrets {
  return {
    cash: 0,
    homeTB: 0,
    preparingTB: 0,
    dataAt: {},
    entities: s.entities.filter((e) => e.exposed),
    leases: s.leases.filter((l) => l.exposed),
    couriers: [],
    trainings: s.trainings.filter((t) => t.exposed),
    models: [],
    homeCompute: 0,
    heat: 0,
    history: [],
    made: 0,
    redacted: true,
  };
}
