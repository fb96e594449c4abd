import type { SessionRecord, SessionStudent } from '../storage/types';
import type { TalkMessage, TalkScope } from '../../protocol';

/**
 * Talk's rules: what a message's text may be (net/plain-text.ts, as a match's chat), who it may
 * be addressed to, and who may read it. The socket (socket.ts) applies them; the messages are
 * stored with the session.
 */
export { cleanText } from '../net/plain-text';

/** May this viewer read this message? The facilitator reads everything. */
export function mayRead(m: TalkMessage, viewer: SessionStudent | null): boolean {
  if (viewer === null) return true;
  const a = viewer.assignment;
  if (m.to.kind === 'broadcast') return true;
  if (!a || a.table !== m.to.table) return false;
  if (m.to.kind === 'table') return true;
  // A private message: the addressee's seat and the sender's seat (its team), nobody else.
  if (a.seat === null) return false;
  return m.to.seat === a.seat || (m.from.kind === 'seat' && m.from.seat === a.seat);
}

/** Whom a facilitator's message is for, or null if `v` names nobody. */
export function parseScope(v: unknown, s: SessionRecord): TalkScope | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.kind === 'broadcast') return { kind: 'broadcast' };
  if (typeof o.table !== 'number' || !Number.isInteger(o.table) || !s.tables[o.table]) return null;
  if (o.kind === 'table') return { kind: 'table', table: o.table };
  if (o.kind === 'seat' && typeof o.seat === 'string' && o.seat.length < 8)
    return { kind: 'seat', table: o.table, seat: o.seat };
  return null;
}
