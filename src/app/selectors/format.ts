import { monthOf } from '../../../game/events/dates';
import {
  PLACE_INFO,
  type Cost,
  type GameState,
  type PlaceId,
  type Role,
  type SeatId,
} from '../../../game/engine';

/** Words and short marks the board uses everywhere; pure. */

export const ROLE_LABEL: Record<Role, string> = {
  regulator: 'Regulator',
  vendor: 'Chip vendor',
  firm: 'AI lab',
  hub: 'Hub governments',
  facilitator: 'Facilitator',
};

/** A one-letter badge per role, so that colour never carries the role alone. */
export const ROLE_MARK: Record<Role, string> = {
  regulator: 'R',
  vendor: 'V',
  firm: 'L',
  hub: 'H',
  facilitator: 'F',
};

export const ROLE_GOAL: Record<Role, string> = {
  regulator: 'Keep every AI lab behind the frontier while the hubs stay friendly.',
  vendor: 'Earn enough money by selling chips wherever it is lawful.',
  firm: 'Reach the frontier of AI capability before the game ends.',
  hub: 'Attract investment without losing standing with the regulator.',
  facilitator: 'Run the session.',
};

export const placeName = (id: PlaceId): string => PLACE_INFO[id].name;

export function seatName(G: GameState, seat: SeatId | string): string {
  return G.seats.find((s) => s.id === seat)?.name ?? `Seat ${seat}`;
}

export function roleOfSeat(G: GameState, seat: SeatId | string): Role | undefined {
  return G.seats.find((s) => s.id === seat)?.role;
}

/** "2024 Q3" for a round of the game. */
/** A round's stretch of history, e.g. "Oct 2022 – Dec 2024": its cards come from no later. */
export function whenOf(G: Pick<GameState, 'calendar'>, round: number): string {
  const span = G.calendar[Math.min(G.calendar.length, Math.max(1, round)) - 1];
  if (!span) return '';
  const from = monthOf(span.from);
  const to = monthOf(span.to);
  return from === to ? to : `${from} – ${to}`;
}

export function formatCost(cost: Cost): string {
  const parts: string[] = [];
  if (cost.cash) parts.push(`$${cost.cash}`);
  if (cost.pc) parts.push(`${cost.pc} political capital`);
  return parts.length ? parts.join(' + ') : 'free';
}

/** A chance as a player reads it: "23%", "0.4%" under one percent, never "23.0%". */
export function formatPct(pct: number): string {
  if (pct > 0 && pct < 1) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

/** "1 pod", "2 pods", "0.5 of a pod". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "7 October 2022" or "March 2023" from a card's ISO date. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const month = MONTHS[m - 1] ?? '';
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}
