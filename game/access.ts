import type { HubId, Role, SeatId } from './ids';
import { HUBS, thingId } from './ids';
import type { Cost } from './moves/types';
import type { FirmState, GameState, Place, SignalKind, Visibility } from './state';
import { RULES } from './rules';
import { randInt, type RngState } from './random';

/** Small readers and writers shared by the moves, the resolution and the views. */

export const roleOf = (state: GameState, seat: SeatId): Role | undefined =>
  state.seats.find((s) => s.id === seat)?.role;

export const seatName = (state: GameState, seat: SeatId): string =>
  state.seats.find((s) => s.id === seat)?.name ?? `Seat ${seat}`;

export const firmOf = (state: GameState, seat: SeatId): FirmState | undefined => state.firms[seat];

export const hubPlace = (state: GameState, hub: HubId): Place => state.places[hub];

export const seatsOf = (state: GameState, role: Role): SeatId[] =>
  state.seats.filter((s) => s.role === role).map((s) => s.id);

export const allFirms = (state: GameState): FirmState[] =>
  state.seats.filter((s) => s.role === 'firm').map((s) => state.firms[s.id]);

/** Pods that fit in a hub's data-centre capacity. */
export const podCapacity = (place: Place): number => Math.floor(place.capacityMW / RULES.mwPerPod);

/** Pods a hub can still take: capacity less installed servers and shipments on their way. */
export function roomFor(state: GameState, hub: HubId): number {
  const place = state.places[hub];
  const incoming = state.pending.reduce(
    (n, p) => (p.kind === 'shipment' && p.hub === hub ? n + p.pods : n),
    0,
  );
  return podCapacity(place) - place.servers - incoming;
}

export const averageStanding = (state: GameState): number =>
  HUBS.reduce((sum, h) => sum + state.places[h].standing, 0) / HUBS.length;

export const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function addStanding(state: GameState, hub: HubId, delta: number): void {
  const place = state.places[hub];
  place.standing = clamp(place.standing + delta, 0, 10);
}

export function addTension(state: GameState, delta: number): void {
  state.tension = clamp(state.tension + delta, 0, RULES.tensionMax);
}

export function addHeat(firm: FirmState, delta: number): void {
  firm.secrets.heat = clamp(firm.secrets.heat + delta, 0, RULES.heatMax);
}

/**
 * A new id for one of a firm's secret things: random from the match's dice, since a counter
 * in an exposed id would tell every seat how many secret things the firm has made.
 */
export function newId(firm: FirmState, prefix: string, rng: RngState): ReturnType<typeof thingId> {
  firm.secrets.made += 1;
  const tag = (randInt(rng, 0x1000000) + 0x1000000).toString(36);
  return thingId(`${prefix}${firm.seat}-${tag}`);
}

/** The signals keep at least their last `keep` entries. */
const SIGNALS_KEEP = 20;

/**
 * Appends to a bounded list, dropping the oldest entries only once `keep / 2` extra have
 * piled up: inside an immer draft, dropping from the front rewrites every entry, so it is
 * done once per batch rather than at every line.
 */
function appendBounded<T>(list: T[], item: T, keep: number): void {
  list.push(item);
  if (list.length > keep + keep / 2) list.splice(0, list.length - keep);
}

export function log(state: GameState, text: string, to: Visibility = 'public'): void {
  state.log.push({ round: state.round, step: state.step, text, to });
}

/** Records a firm's secret action: told to the firm now, revealed to all at the end. */
export function secretly(state: GameState, firm: FirmState, text: string): void {
  firm.secrets.history.push({ round: state.round, text });
  log(state, text, firm.seat);
}

export function signal(state: GameState, hub: HubId, kind: SignalKind, text: string): void {
  appendBounded(state.signals, { round: state.round, hub, kind, text }, SIGNALS_KEEP);
}

/** Whether a seat can pay a cost (cash is the vendor's, the hub's or the firm's purse). */
export function affordable(state: GameState, seat: SeatId, cost: Cost): string | null {
  if (cost.pc && state.regulator.pc < cost.pc)
    return `needs ${cost.pc} political capital (you have ${state.regulator.pc})`;
  if (cost.cash) {
    const have = cashOf(state, seat);
    if (have < cost.cash) return `needs $${cost.cash} (you have $${have})`;
  }
  return null;
}

export function cashOf(state: GameState, seat: SeatId): number {
  switch (roleOf(state, seat)) {
    case 'vendor':
      return state.vendor.cash;
    case 'hub':
      return state.hub.cash;
    case 'firm':
      return state.firms[seat]?.secrets.cash ?? 0;
    default:
      return 0;
  }
}

export function pay(state: GameState, seat: SeatId, cost: Cost): void {
  if (cost.pc) state.regulator.pc -= cost.pc;
  if (!cost.cash) return;
  const role = roleOf(state, seat);
  if (role === 'vendor') state.vendor.cash -= cost.cash;
  else if (role === 'hub') state.hub.cash -= cost.cash;
  else if (role === 'firm') state.firms[seat].secrets.cash -= cost.cash;
}
