import type { IncomingMessage } from 'node:http';
import { AUTH_HEADERS } from '../../protocol';
import { verifySecret } from '../security/secrets';
import type { MatchMetadata } from '../storage/types';

export interface Caller {
  isCreator: boolean;
  /** The seat whose credentials were presented (X-Seat + X-Credentials), if valid. */
  seat?: string;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Who is calling a write route: the match creator (Authorization: Bearer
 * <creatorToken>) and/or a seat holder (X-Seat, X-Credentials). Tokens are
 * compared against salted hashes in constant time and never echoed.
 */
export function identify(req: IncomingMessage, meta: MatchMetadata): Caller {
  const auth = header(req, AUTH_HEADERS.creator);
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  const caller: Caller = { isCreator: verifySecret(bearer, meta.creator) };
  const seatID = header(req, AUTH_HEADERS.seat);
  const seat = meta.seats.find((s) => s.id === seatID);
  if (
    seat &&
    seat.kind === 'person' &&
    verifySecret(header(req, AUTH_HEADERS.credentials), seat.credential)
  )
    caller.seat = seat.id;
  return caller;
}

export function isFacilitator(caller: Caller, meta: MatchMetadata, roles: string[]): boolean {
  if (caller.isCreator) return true;
  const seat = meta.seats.find((s) => s.id === caller.seat);
  return !!seat && roles.includes(seat.role);
}
