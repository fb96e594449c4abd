/**
 * Browser-side helpers for the lobby (no Node imports): create, list, look up
 * by code, join, leave, pause. Seat credentials and the creator token are kept
 * in `storage` (localStorage in the browser) so a reload puts the player back
 * in their seat. The board then connects with boardgame.io's own client over `transport.ts`,
 * passing the saved playerID and credentials (spectators pass no playerID). Display names come
 * back as plain strings: render them as text. `lobby.ts` holds the page's instance.
 */
import {
  AUTH_HEADERS,
  type BotLevel,
  type Created,
  type ErrorBody,
  type JoinReply,
  type MatchInfo,
  type ScenarioInfo,
  type SeatSpec,
  type Visibility,
} from '../../protocol';

export type { Created, MatchInfo, SeatInfo, SeatSpec } from '../../protocol';

export interface SavedSeat {
  playerID: string;
  credentials: string;
  name: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class LobbyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const seatHeaders = (seat: SavedSeat): Record<string, string> => ({
  [AUTH_HEADERS.seat]: seat.playerID,
  [AUTH_HEADERS.credentials]: seat.credentials,
});

export function lobbyClient(base: string, storage: KeyValueStore) {
  const seatKey = (matchID: string) => `chokepoint:seat:${matchID}`;
  const creatorKey = (matchID: string) => `chokepoint:creator:${matchID}`;

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => ({}))) as T & Partial<ErrorBody>;
    if (!res.ok) throw new LobbyError(res.status, json.error ?? `request failed (${res.status})`);
    return json;
  }

  /** Creator token if we made the match, else our seat's credentials, as request headers. */
  function authHeaders(matchID: string): Record<string, string> {
    const token = storage.getItem(creatorKey(matchID));
    if (token) return { [AUTH_HEADERS.creator]: `Bearer ${token}` };
    const seat = savedSeat(matchID);
    return seat ? seatHeaders(seat) : {};
  }

  function savedSeat(matchID: string): SavedSeat | null {
    const raw = storage.getItem(seatKey(matchID));
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SavedSeat;
    } catch {
      return null;
    }
  }

  return {
    savedSeat,
    isCreator: (matchID: string) => storage.getItem(creatorKey(matchID)) !== null,
    scenarios: () => call<ScenarioInfo[]>('GET', '/api/scenarios'),
    listOpen: () => call<MatchInfo[]>('GET', '/api/matches'),
    get: (matchID: string) => call<MatchInfo>('GET', `/api/matches/${encodeURIComponent(matchID)}`),
    byCode: (code: string) =>
      call<MatchInfo>('GET', `/api/codes/${encodeURIComponent(code.trim().toUpperCase())}`),
    async create(
      scenario: string,
      seats: SeatSpec[],
      visibility: Visibility = 'public',
    ): Promise<Created> {
      const created = await call<Created>('POST', '/api/matches', { scenario, seats, visibility });
      storage.setItem(creatorKey(created.matchID), created.creatorToken);
      return created;
    },
    async join(matchID: string, seat: string, name: string, code?: string): Promise<SavedSeat> {
      const token = storage.getItem(creatorKey(matchID)); // the creator may take the facilitator seat
      const r = await call<JoinReply>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/join`,
        { seat, name, ...(code ? { code } : {}) },
        token ? { [AUTH_HEADERS.creator]: `Bearer ${token}` } : {},
      );
      const saved = { playerID: r.playerID, credentials: r.credentials, name };
      storage.setItem(seatKey(matchID), JSON.stringify(saved));
      return saved;
    },
    async leave(matchID: string, replaceWith: 'bot' | 'open' = 'bot'): Promise<MatchInfo> {
      const seat = savedSeat(matchID);
      if (!seat) throw new LobbyError(400, 'no seat held in this match');
      const info = await call<MatchInfo>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/leave`,
        { replaceWith },
        seatHeaders(seat),
      );
      storage.removeItem(seatKey(matchID));
      return info;
    },
    setSeat: (matchID: string, seat: string, kind: 'bot' | 'open', level?: BotLevel) =>
      call<MatchInfo>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/seat/${encodeURIComponent(seat)}`,
        { kind, ...(level ? { level } : {}) },
        authHeaders(matchID),
      ),
    pause: (matchID: string) =>
      call<MatchInfo>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/pause`,
        {},
        authHeaders(matchID),
      ),
    resume: (matchID: string) =>
      call<MatchInfo>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/resume`,
        {},
        authHeaders(matchID),
      ),
  };
}
