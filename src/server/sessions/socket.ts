import { randomInt } from 'node:crypto';
import type { Server as IOServer, Socket } from 'socket.io';
import {
  SESSION_EVENTS,
  SESSION_NAMESPACE,
  TALK_MAX_CHARS,
  type TalkMessage,
  type TalkScope,
} from '../../protocol';
import { HttpError } from '../lobby/http';
import { TokenBucket } from '../net/limits';
import { limitSendBuffer, send } from '../net/send';
import type { SessionRecord } from '../storage/types';
import type { SessionManager } from './manager';
import { cleanText, mayRead, parseScope } from './talk';

export { mayRead } from './talk';

/** How long changes are gathered before the console and the students are told (ms). */
const SETTLE_MS = 100;

interface Watcher {
  socket: Socket;
  /** null: the facilitator. */
  studentID: string | null;
}

export interface TalkLimits {
  /** Messages per second per socket, and burst. */
  perSecond: number;
  burst: number;
}

/**
 * The `/session` socket namespace: the facilitator's console and each student's own snapshot,
 * pushed on every change (gathered for SETTLE_MS), and talk: table chat and private messages
 * between two seats of a table, and the facilitator's broadcast; and a seated student's draft
 * actions (`session:draft`), submitted for their seat with them as the author. Each socket first sends
 * `session:watch` with the facilitator's or a student's token; it hears only what that caller
 * may: the console only the facilitator, a student their own place and the talk they are party to.
 */
export function attachSessionSockets(
  io: IOServer,
  sessions: SessionManager,
  limits: TalkLimits = { perSecond: 1, burst: 5 },
): void {
  const nsp = io.of(SESSION_NAMESPACE);
  const watchers = new Map<string, Set<Watcher>>();
  const settling = new Set<string>();
  // Ids rise with time and carry a random part, so two processes (cluster-sessions.ts) saying
  // something in the same millisecond almost never give the same id.
  let lastTalkID = 0;
  const talkID = (): number =>
    (lastTalkID = Math.max(lastTalkID + 1, Date.now() * 1024 + randomInt(1024)));

  const push = async (sessionID: string): Promise<void> => {
    settling.delete(sessionID);
    const list = watchers.get(sessionID);
    const s = sessions.cached(sessionID);
    if (!list || list.size === 0 || !s) return;
    const facilitators = [...list].filter((w) => w.studentID === null);
    if (facilitators.length > 0) {
      const snap = await sessions.consoleSnapshot(sessionID);
      for (const w of facilitators) send(w.socket, SESSION_EVENTS.console, snap);
    }
    for (const w of list) {
      if (w.studentID === null) continue;
      const st = s.students.find((x) => x.id === w.studentID);
      if (st) send(w.socket, SESSION_EVENTS.student, sessions.studentSnapshot(s, st));
    }
  };
  sessions.onChange((sessionID) => {
    if (settling.has(sessionID) || !watchers.get(sessionID)?.size) return;
    settling.add(sessionID);
    setTimeout(() => {
      push(sessionID).catch((e: unknown) => console.error('session push failed:', e));
    }, SETTLE_MS).unref();
  });

  const deliver = (s: SessionRecord, m: TalkMessage): void => {
    for (const w of watchers.get(s.id) ?? []) {
      const viewer = w.studentID === null ? null : s.students.find((x) => x.id === w.studentID);
      if (viewer === undefined) continue;
      if (mayRead(m, viewer)) send(w.socket, SESSION_EVENTS.talk, [m]);
    }
  };
  // Said on this process or (with peers) on another.
  sessions.onTalk((sessionID, m) => {
    const s = sessions.cached(sessionID);
    if (s) deliver(s, m);
  });

  nsp.on('connection', (socket) => {
    limitSendBuffer(socket, 1024 * 1024);
    const frames = new TokenBucket(20, 40);
    const talk = new TokenBucket(limits.perSecond, limits.burst);
    let me: { sessionID: string; studentID: string | null } | null = null;
    const refuse = (error: string, ack?: unknown) => {
      send(socket, SESSION_EVENTS.error, { error });
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error });
    };
    socket.use((packet, next) => {
      const [event] = packet;
      if (!frames.take()) return refuse('rate limited');
      if (
        event !== SESSION_EVENTS.watch &&
        event !== SESSION_EVENTS.say &&
        event !== SESSION_EVENTS.draft
      )
        return refuse('unknown event');
      next();
    });

    socket.on(SESSION_EVENTS.watch, (body: unknown, ack?: unknown) => {
      void (async () => {
        const { sessionID, token } = (body ?? {}) as { sessionID?: unknown; token?: unknown };
        if (me) return refuse('already watching', ack);
        if (typeof sessionID !== 'string' || typeof token !== 'string' || sessionID.length > 64)
          return refuse('malformed watch', ack);
        let s = await sessions.current(sessionID);
        if (!s) return refuse('no such session', ack);
        let student = sessions.isFacilitator(s, token) ? null : sessions.studentOf(s, token);
        if (student === undefined) {
          // Joined through another process a moment ago? Read the session again.
          s = await sessions.reload(sessionID);
          if (!s) return refuse('no such session', ack);
          student = sessions.isFacilitator(s, token) ? null : sessions.studentOf(s, token);
        }
        if (student === undefined) return refuse('not in this session', ack);
        me = { sessionID, studentID: student?.id ?? null };
        const w: Watcher = { socket, studentID: me.studentID };
        const set = watchers.get(sessionID) ?? new Set<Watcher>();
        set.add(w);
        watchers.set(sessionID, set);
        socket.once('disconnect', () => {
          set.delete(w);
          if (student) sessions.setOnline(sessionID, student.id, -1);
        });
        if (student) sessions.setOnline(sessionID, student.id, 1);
        if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: true });
        if (student) send(socket, SESSION_EVENTS.student, sessions.studentSnapshot(s, student));
        else send(socket, SESSION_EVENTS.console, await sessions.consoleSnapshot(sessionID));
        const history = (await sessions.talk(sessionID)).filter((m) => mayRead(m, student));
        if (history.length > 0) send(socket, SESSION_EVENTS.talk, history);
      })().catch((e: unknown) => {
        console.error('session watch failed:', e);
        refuse('server error', ack);
      });
    });

    socket.on(SESSION_EVENTS.draft, (body: unknown, ack?: unknown) => {
      void (async () => {
        if (!me || me.studentID === null) return refuse('only a seated player can draft', ack);
        const s = sessions.cached(me.sessionID);
        const st = s?.students.find((x) => x.id === me!.studentID);
        if (!s || !st) return refuse('not in this session', ack);
        const { move, args } = (body ?? {}) as { move?: unknown; args?: unknown };
        await sessions.draft(s, st, move, args);
        if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: true });
      })().catch((e: unknown) => {
        if (e instanceof HttpError) return refuse(e.message, ack);
        console.error('session draft failed:', e);
        refuse('server error', ack);
      });
    });

    socket.on(SESSION_EVENTS.say, (body: unknown, ack?: unknown) => {
      void (async () => {
        if (!me) return refuse('watch a session first', ack);
        if (!talk.take()) return refuse('too many messages: wait a moment', ack);
        const { text, to } = (body ?? {}) as { text?: unknown; to?: unknown };
        const clean = cleanText(text);
        if (clean === null)
          return refuse(`a message is 1 to ${TALK_MAX_CHARS} characters of text`, ack);
        const s = sessions.cached(me.sessionID);
        if (!s) return refuse('no such session', ack);
        let msg: Omit<TalkMessage, 'id' | 'at'>;
        if (me.studentID === null) {
          const scope = parseScope(to, s);
          if (!scope) return refuse('to must be broadcast, a table or a seat of a table', ack);
          msg = { from: { kind: 'facilitator' }, to: scope, text: clean };
        } else {
          const st = s.students.find((x) => x.id === me!.studentID);
          const a = st?.assignment;
          if (!st || !a || a.seat === null || s.status !== 'running')
            return refuse('only a seated player can talk at a table', ack);
          const seat = (to as { seat?: unknown } | undefined)?.seat;
          if (to !== undefined && to !== null && (typeof seat !== 'string' || seat === a.seat))
            return refuse('to must be another seat of your table', ack);
          const scope: TalkScope =
            typeof seat === 'string'
              ? { kind: 'seat', table: a.table, seat }
              : { kind: 'table', table: a.table };
          if (scope.kind === 'seat' && !sessions.seatExists(s, a.table, scope.seat))
            return refuse('no such seat', ack);
          msg = {
            from: { kind: 'seat', table: a.table, seat: a.seat, name: st.name },
            to: scope,
            text: clean,
          };
        }
        const full: TalkMessage = { ...msg, id: talkID(), at: Date.now() };
        await sessions.say(s.id, full);
        if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: true });
      })().catch((e: unknown) => {
        console.error('session talk failed:', e);
        refuse('server error', ack);
      });
    });
  });
}
