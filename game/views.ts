import { roleOf } from './access';
import type { SeatId } from './ids';
import { freshSecrets } from './setup';
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
    ...freshSecrets(0, 0),
    entities: s.entities.filter((e) => e.exposed),
    leases: s.leases.filter((l) => l.exposed),
    trainings: s.trainings.filter((t) => t.exposed),
    redacted: true,
  };
}
