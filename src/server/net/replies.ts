import type { Socket } from 'socket.io';
import type { MatchMetadata } from '../storage/types';
import { send } from './send';

export const ERROR_EVENT = 'chokepoint:error';
export const STATUS_EVENT = 'chokepoint:status';

type Ack = (reply: unknown) => void;

/** Answers a rejected frame: an error event, and the ack callback if the client sent one. */
export function reject(socket: Socket, event: string, error: string, ack?: unknown): void {
  send(socket, ERROR_EVENT, { event: event.slice(0, 32), error });
  if (typeof ack === 'function') (ack as Ack)({ ok: false, error });
}

/** Does the socket bound with `credentialHash` still hold `playerID` as a person? */
export function stillHolds(
  playerID: string,
  credentialHash: string | null,
  meta: MatchMetadata,
): boolean {
  const seat = meta.seats.find((s) => s.id === playerID);
  return !!seat && seat.kind === 'person' && seat.credential?.hash === credentialHash;
}
