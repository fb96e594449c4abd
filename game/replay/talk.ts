import type { ReplayFile } from './schema';

/** One message of a file's talk, as people read it: who said it, to whom if private, what. */
export interface TalkLine {
  who: string;
  /** The one seat it was for (a private message), else null. */
  to: string | null;
  text: string;
}

/** The talk said in `round`, in order, with seats named as the file names them. */
export function talkAt(file: Pick<ReplayFile, 'messages' | 'seats'>, round: number): TalkLine[] {
  const name = (seat: string) => file.seats.find((s) => s.seat === seat)?.name ?? `seat ${seat}`;
  return (file.messages ?? [])
    .filter((m) => m.round === round)
    .map((m) => ({
      who: m.seat !== undefined ? name(m.seat) : 'The facilitator',
      to: m.to !== undefined ? name(m.to) : null,
      text: m.text,
    }));
}
