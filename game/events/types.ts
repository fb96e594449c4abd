import type { HubId, Permit, Posture } from '../ids';

/**
 * What an event card (or a scheduled inject) does, as data, so that scenarios can define their
 * own. Each op is resolved by game/events/effects.ts.
 */
export type EffectOp =
  | { op: 'pc'; delta: number }
  | { op: 'tension'; delta: number }
  | { op: 'controlLevel'; delta: number }
  | { op: 'kyc'; on: boolean }
  | { op: 'licence'; hub: HubId; on: boolean }
  | { op: 'permit'; hub: HubId; permit: Permit }
  | { op: 'customs'; hub: HubId; posture: Posture }
  | { op: 'standing'; hub: HubId | 'all'; delta: number }
  | { op: 'capacity'; hub: HubId; mw: number }
  | { op: 'servers'; hub: HubId; pods: number }
  | { op: 'vendorCash'; delta: number }
  /** Analysts revise what the vendor is expected to earn: its cash target moves. */
  | { op: 'vendorTarget'; delta: number }
  /** … by this much for each round left, this one included: a lasting loss of sales. */
  | { op: 'vendorTargetPerRound'; delta: number }
  | { op: 'compliantObsolete' }
  | { op: 'hubCash'; delta: number }
  | { op: 'investment'; delta: number }
  | { op: 'firmCash'; delta: number }
  | { op: 'firmHeat'; delta: number }
  | { op: 'firmCapability'; delta: number }
  | { op: 'frontier'; delta: number }
  | { op: 'alert'; hub: HubId };

export interface EventCard {
  id: string;
  title: string;
  /** ISO date, or year-month, of the real event. */
  date: string;
  /** A short source line, e.g. "US Commerce rule, Oct 2023". */
  source: string;
  /** What happened, one or two sentences. */
  text: string;
  /** What it does in the game, in words a player reads on the card. */
  effectText: string;
  effects: EffectOp[];
  /** Which side the event mostly helps, for the card's colour band. */
  favours: 'regulator' | 'vendor' | 'firm' | 'hub' | 'neutral';
}
