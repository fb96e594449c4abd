import type { Created } from '../../protocol';
import { LobbyError, lobbyClient } from './lobby-client';

export type { Created, MatchInfo, SeatInfo, SeatSpec } from '../../protocol';
export type { SavedSeat } from './lobby-client';

/** The page's lobby client: same origin, seat credentials kept in localStorage. */
export const lobby = lobbyClient('', window.localStorage);

/** What the host screen shows after a reload: the server returns the join code only on create. */
export interface HostCard {
  joinCode: string;
  joinUrl: string;
  spectateUrl: string;
}

const hostKey = (matchID: string) => `chokepoint:host:${matchID}`;

export function saveHostCard(c: Created): void {
  const card: HostCard = {
    joinCode: c.joinCode,
    joinUrl: c.joinUrl,
    spectateUrl: c.spectateUrl,
  };
  window.localStorage.setItem(hostKey(c.matchID), JSON.stringify(card));
}

export function hostCard(matchID: string): HostCard | null {
  const raw = window.localStorage.getItem(hostKey(matchID));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as HostCard;
  } catch {
    return null;
  }
}

/** A lobby failure as a sentence for the screen. */
export function problemText(e: unknown): string {
  if (e instanceof LobbyError)
    return e.status === 429
      ? 'Too many requests: wait a moment and try again.'
      : `The server said: ${e.message}.`;
  return 'Could not reach the server. Check the connection and try again.';
}
