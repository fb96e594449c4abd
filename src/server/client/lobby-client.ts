/**
 * Browser-side helpers for the lobby (no Node imports): create, list, look up
 * by code, join, leave, pause. Seat credentials and the creator token are kept
 * in `storage` (localStorage in the browser) so a reload puts the player back
 * in their seat. Connect the board with boardgame.io's own client:
 *   Client({ game: ChokepointGame, multiplayer: SocketIO({ server: location.origin }),
 *            matchID, playerID: saved.playerID, credentials: saved.credentials })
 * Spectators pass no playerID. Display names come back as plain strings: render them as text.
 */
export interface SeatInfo {
  id: string;
  role: string;
  label: string;
  kind: 'open' | 'person' | 'bot';
  name?: string;
  botLevel?: 'random' | 'heuristic';
}

export interface MatchInfo {
  matchID: string;
  scenario: string;
  visibility: 'public' | 'private';
  joinCode?: string;
  paused: boolean;
  gameover: unknown;
  createdAt: number;
  seats: SeatInfo[];
}

export interface Created extends MatchInfo {
  joinCode: string;
  joinUrl: string;
  spectateUrl: string;
  creatorToken: string;
}

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

export type SeatSpec = { kind: 'person' } | { kind: 'bot'; level?: 'random' | 'heuristic' };

export class LobbyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

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
    const json = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new LobbyError(res.status, json.error ?? `request failed (${res.status})`);
    return json;
  }

  /** Creator token if we made the match, else our seat's credentials, as request headers. */
  function authHeaders(matchID: string): Record<string, string> {
    const token = storage.getItem(creatorKey(matchID));
    if (token) return { authorization: `Bearer ${token}` };
    const seat = savedSeat(matchID);
    return seat ? { 'x-seat': seat.playerID, 'x-credentials': seat.credentials } : {};
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
    scenarios: () =>
      call<{ id: string; name: string; seats: { id: string; role: string; name: string }[] }[]>(
        'GET',
        '/api/scenarios',
      ),
    listOpen: () => call<MatchInfo[]>('GET', '/api/matches'),
    get: (matchID: string) => call<MatchInfo>('GET', `/api/matches/${encodeURIComponent(matchID)}`),
    byCode: (code: string) =>
      call<MatchInfo>('GET', `/api/codes/${encodeURIComponent(code.trim().toUpperCase())}`),
    async create(
      scenario: string,
      seats: SeatSpec[],
      visibility: 'public' | 'private' = 'public',
    ): Promise<Created> {
      const created = await call<Created>('POST', '/api/matches', { scenario, seats, visibility });
      storage.setItem(creatorKey(created.matchID), created.creatorToken);
      return created;
    },
    async join(matchID: string, seat: string, name: string, code?: string): Promise<SavedSeat> {
      const token = storage.getItem(creatorKey(matchID)); // the creator may take the facilitator seat
      const r = await call<{ playerID: string; credentials: string }>(
        'POST',
        `/api/matches/${encodeURIComponent(matchID)}/join`,
        { seat, name, ...(code ? { code } : {}) },
        token ? { authorization: `Bearer ${token}` } : {},
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
        { 'x-seat': seat.playerID, 'x-credentials': seat.credentials },
      );
      storage.removeItem(seatKey(matchID));
      return info;
    },
    setSeat: (
      matchID: string,
      seat: string,
      kind: 'bot' | 'open',
      level?: 'random' | 'heuristic',
    ) =>
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
