import type { Role } from '../../../game/engine';
import { ROLE_MARK } from './format';

/** A seat's badge: its letters and, for the second AI lab and after, another colour. */
export interface SeatBadge {
  mark: string;
  /** 'role-firm alt-1' for the second lab, so two labs never share one red circle. */
  className: string;
}

/**
 * One distinct badge per seat of a match (seats as the scenario lists them). Every role keeps
 * its letter, except the AI labs, which take their own name's initial — or its first two
 * letters when another seat already shows that letter (Hangzhou beside the Hub governments'
 * H) — and a colour of their own after the first.
 */
export function seatBadges(seats: readonly { role: Role; name: string }[]): SeatBadge[] {
  const taken = new Set(seats.filter((s) => s.role !== 'firm').map((s) => ROLE_MARK[s.role]));
  let firms = 0;
  return seats.map((s) => {
    if (s.role !== 'firm') return { mark: ROLE_MARK[s.role] ?? '?', className: `role-${s.role}` };
    const letters = s.name.replace(/[^A-Za-z]/g, '');
    const one = letters.charAt(0).toUpperCase();
    let mark = one && !taken.has(one) ? one : one + letters.charAt(1).toLowerCase();
    if (!mark.trim() || taken.has(mark)) mark = `L${firms + 1}`;
    taken.add(mark);
    const className = firms === 0 ? 'role-firm' : `role-firm alt-${firms}`;
    firms += 1;
    return { mark, className };
  });
}

/** The badge of one seat of a match, by its index in the seat list. */
export function badgeOf(seats: readonly { role: Role; name: string }[], seat: string): SeatBadge {
  const i = Number(seat);
  return seatBadges(seats)[i] ?? { mark: '?', className: 'role-facilitator' };
}
