import { useCallback, useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  SESSION_EVENTS,
  SESSION_NAMESPACE,
  type ConsoleCommand,
  type ConsoleSnapshot,
  type CreateSessionRequest,
  type FieldError,
  type JoinSessionReply,
  type SessionCreated,
  type StudentSnapshot,
  type TalkMessage,
} from '../../protocol';

/** A refusal from the sessions API, with the faulty fields of a written card if any. */
export class SessionError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new SessionError(0, 'could not reach the server: check the connection');
  }
  const json = (await res.json().catch(() => ({}))) as {
    error?: string;
    fields?: FieldError[];
  };
  if (!res.ok)
    throw new SessionError(
      res.status,
      res.status === 429 ? 'too many requests: wait a moment' : (json.error ?? 'refused'),
      json.fields ?? [],
    );
  return json as T;
}

/** What a browser keeps so that a reload returns it to its place. */
export interface SavedStudent {
  sessionID: string;
  token: string;
  name: string;
}

const studentKey = (code: string) => `chokepoint:class:${code.toUpperCase()}`;
const facilitatorKey = (sessionID: string) => `chokepoint:console:${sessionID}`;
const store = () => window.localStorage;

export const sessionApi = {
  create: (req: CreateSessionRequest) => call<SessionCreated>('POST', '/api/sessions', req),
  lookup: (code: string) =>
    call<{ sessionID: string; scenario: string; status: string }>(
      'GET',
      `/api/sessions/code/${encodeURIComponent(code)}`,
    ),
  join: (code: string, name: string) =>
    call<JoinSessionReply>('POST', '/api/sessions/join', { code, name }),
  command: (sessionID: string, token: string, cmd: ConsoleCommand) =>
    call<ConsoleSnapshot>('POST', `/api/sessions/${sessionID}/command`, cmd, token),
  inject: (sessionID: string, token: string, card: unknown, table?: number) =>
    call<{ tables: number[] }>(
      'POST',
      `/api/sessions/${sessionID}/inject`,
      { card, ...(table !== undefined ? { table } : {}) },
      token,
    ),
  table: (sessionID: string, token: string, table: number) =>
    call<{ view: unknown }>('GET', `/api/sessions/${sessionID}/tables/${table}`, undefined, token),

  savedStudent(code: string): SavedStudent | null {
    try {
      return JSON.parse(store().getItem(studentKey(code)) ?? 'null') as SavedStudent | null;
    } catch {
      return null;
    }
  },
  saveStudent: (code: string, s: SavedStudent) =>
    store().setItem(studentKey(code), JSON.stringify(s)),
  forgetStudent: (code: string) => store().removeItem(studentKey(code)),
  facilitatorToken: (sessionID: string) => store().getItem(facilitatorKey(sessionID)),
  saveFacilitator: (c: SessionCreated) => {
    store().setItem(facilitatorKey(c.sessionID), c.facilitatorToken);
    store().setItem(`${facilitatorKey(c.sessionID)}:card`, JSON.stringify(c));
  },
  facilitatorCard(sessionID: string): SessionCreated | null {
    try {
      return JSON.parse(
        store().getItem(`${facilitatorKey(sessionID)}:card`) ?? 'null',
      ) as SessionCreated | null;
    } catch {
      return null;
    }
  },
};

export interface Feed {
  console: ConsoleSnapshot | null;
  student: StudentSnapshot | null;
  talk: TalkMessage[];
  connected: boolean;
  /** The server's clock minus this one's, at the last snapshot (ms). */
  skew: number;
  /** The last refusal (a watch, a message). */
  error: string | null;
  say(body: unknown): Promise<string | null>;
  /** A team seat's draft action, sent with this student as its author. */
  draft(body: unknown): Promise<string | null>;
}

/**
 * The session's live feed over the `/session` socket: the console (for the facilitator's token)
 * or the student's own snapshot, and the talk this caller may read. Reconnects on its own, and
 * watches again each time.
 */
export function useSessionFeed(sessionID: string, token: string | null): Feed {
  const [state, setState] = useState<Omit<Feed, 'say' | 'draft'>>({
    console: null,
    student: null,
    talk: [],
    connected: false,
    skew: 0,
    error: null,
  });
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    if (!token) return;
    const s = io(window.location.origin + SESSION_NAMESPACE, { transports: ['websocket'] });
    setSocket(s);
    s.on('connect', () => {
      setState((x) => ({ ...x, connected: true, talk: [] }));
      s.emit(SESSION_EVENTS.watch, { sessionID, token }, (r: { ok: boolean; error?: string }) => {
        if (!r.ok) setState((x) => ({ ...x, error: r.error ?? 'refused' }));
      });
    });
    s.on('disconnect', () => setState((x) => ({ ...x, connected: false })));
    s.on(SESSION_EVENTS.console, (c: ConsoleSnapshot) =>
      setState((x) => ({ ...x, console: c, skew: c.at - Date.now() })),
    );
    s.on(SESSION_EVENTS.student, (c: StudentSnapshot) =>
      setState((x) => ({ ...x, student: c, skew: c.at - Date.now() })),
    );
    s.on(SESSION_EVENTS.talk, (ms: TalkMessage[]) =>
      setState((x) => {
        const known = new Set(x.talk.map((m) => m.id));
        return { ...x, talk: [...x.talk, ...ms.filter((m) => !known.has(m.id))] };
      }),
    );
    return () => {
      s.close();
      setSocket(null);
    };
  }, [sessionID, token]);
  const ask = useCallback(
    (event: string, body: unknown, live = false) =>
      new Promise<string | null>((resolve) => {
        // A draft action must not wait for a reconnection: the board sends it itself instead.
        if (!socket || (live && !socket.connected)) return resolve('not connected');
        socket
          .timeout(5000)
          .emit(event, body, (err: Error | null, r?: { ok: boolean; error?: string }) =>
            resolve(err ? 'no answer from the server' : r?.ok ? null : (r?.error ?? 'refused')),
          );
      }),
    [socket],
  );
  const say = useCallback((body: unknown) => ask(SESSION_EVENTS.say, body), [ask]);
  const draft = useCallback((body: unknown) => ask(SESSION_EVENTS.draft, body, true), [ask]);
  return { ...state, say, draft };
}

/** Seconds left on a timer, counted against the server's clock at the snapshot. */
export function timeLeft(
  timer: { endsAt: number | null; leftMs: number | null } | null,
  skew: number,
): number | null {
  if (!timer) return null;
  const ms = timer.endsAt !== null ? timer.endsAt - (Date.now() + skew) : (timer.leftMs ?? 0);
  return Math.max(0, Math.ceil(ms / 1000));
}

export const clock = (s: number): string =>
  `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Re-renders every `ms` (for countdowns). */
export function useTick(ms = 1000): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
  return n;
}
