import type { Socket } from 'socket.io';
import { ERROR_EVENT, type AckReply, type ErrorFrame } from '../../protocol';
import type { MatchMetadata } from '../storage/types';
import { send } from './send';

export { ERROR_EVENT, STATUS_EVENT } from '../../protocol';

type Ack = (reply: AckReply) => void;

/** Answers a rejected frame: an error event, and the ack callback if the client sent one. */
export function reject(socket: Socket, event: string, error: string, ack?: unknown): void {
  send(socket, ERROR_EVENT, { event: event.slice(0, 32), error } satisfies ErrorFrame);
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
