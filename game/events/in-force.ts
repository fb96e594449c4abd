import { RULES } from '../rules';
import type { GameState } from '../state';
import type { EffectOp } from './types';

/** Whether an effect would re-impose a rule or policy that is already in force. */
export function reappliesRuleInForce(state: GameState, e: EffectOp): boolean {
  switch (e.op) {
    case 'controlLevel':
      return e.delta > 0 && state.controlLevel >= RULES.maxControlLevel;
    case 'kyc':
      return state.kyc === e.on;
    case 'licence':
      return state.places[e.hub].licence === e.on;
    case 'permit':
      return state.places[e.hub].permit === e.permit;
    case 'customs':
      return state.places[e.hub].customs === e.posture;
    case 'compliantObsolete':
      return state.vendor.compliantLevel < 0;
    default:
      return false;
  }
}
