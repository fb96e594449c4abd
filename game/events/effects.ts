import { addHeat, addStanding, addTension, allFirms, clamp, roomFor } from '../access';
import { HUBS } from '../ids';
import { RULES } from '../rules';
import type { GameState } from '../state';
import type { EffectOp } from './types';

/** Resolves one effect of an event card or a scheduled inject. */
export function applyEffect(state: GameState, e: EffectOp): void {
  switch (e.op) {
    case 'pc':
      state.regulator.pc = Math.max(0, state.regulator.pc + e.delta);
      return;
    case 'tension':
      addTension(state, e.delta);
      return;
    case 'controlLevel':
      state.controlLevel = clamp(state.controlLevel + e.delta, 0, RULES.maxControlLevel);
      return;
    case 'kyc':
      state.kyc = e.on;
      return;
    case 'licence':
      state.places[e.hub].licence = e.on;
      return;
    case 'permit':
      state.places[e.hub].permit = e.permit;
      if (e.permit === 'permit') state.places[e.hub].pressure = 0;
      return;
    case 'customs':
      state.places[e.hub].customs = e.posture;
      return;
    case 'standing':
      for (const hub of e.hub === 'all' ? HUBS : [e.hub]) addStanding(state, hub, e.delta);
      return;
    case 'capacity':
      state.places[e.hub].capacityMW = Math.max(0, state.places[e.hub].capacityMW + e.mw);
      return;
    case 'servers': {
      const place = state.places[e.hub];
      const room = roomFor(state, e.hub);
      place.servers = Math.max(0, place.servers + Math.min(e.pods, room));
      return;
    }
    case 'vendorCash':
      state.vendor.cash = Math.max(0, state.vendor.cash + e.delta);
      return;
    case 'vendorTarget':
      state.victory.vendorCash = Math.max(0, state.victory.vendorCash + e.delta);
      return;
    case 'vendorTargetPerRound': {
      const roundsLeft = Math.max(0, state.rounds - state.round + 1);
      state.victory.vendorCash = Math.max(0, state.victory.vendorCash + e.delta * roundsLeft);
      return;
    }
    case 'compliantObsolete':
      state.vendor.compliantLevel = -1;
      return;
    case 'hubCash':
      state.hub.cash = Math.max(0, state.hub.cash + e.delta);
      return;
    case 'investment':
      state.hub.investment = Math.max(0, state.hub.investment + e.delta);
      return;
    case 'firmCash':
      for (const f of allFirms(state)) f.secrets.cash = Math.max(0, f.secrets.cash + e.delta);
      return;
    case 'firmHeat':
      for (const f of allFirms(state)) addHeat(f, e.delta);
      return;
    case 'firmCapability':
      for (const f of allFirms(state)) f.capability = Math.max(0, f.capability + e.delta);
      return;
    case 'frontier':
      state.frontier += e.delta;
      return;
    case 'alert':
      state.places[e.hub].alertUntil = Math.max(state.places[e.hub].alertUntil, state.round);
      return;
  }
}
