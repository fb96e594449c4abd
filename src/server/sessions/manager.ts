import type { State } from 'boardgame.io';
import type { Authority } from '../authority/authority';
import { KeyedQueue } from '../authority/queue';
import { HttpError } from '../lobby/http';
import { recordConsoleChange } from '../lobby/replay-route';
import { hashSecret, newJoinCode, newMatchID, newToken, verifySecret } from '../security/secrets';
import type { SessionHooks } from '../served/served-game';
import { StorageError, type SessionRecord, type SessionStudent } from '../storage/types';
import type {
  ConsoleCommand,
  ConsoleSnapshot,
  StudentSnapshot,
  TalkMessage,
  TalkScope,
} from '../../protocol';
import type { SessionPeers } from './cluster-sessions';
import { applyCommand } from './commands';
import { matchOf, tablesOf, type SessionContext } from './context';
import { parseCreate } from './create';
import { DraftAuthors, isDraftMove } from './drafts';
import { applyDefaults } from './defaults';
import { checkInjectCard, injectCard } from './injects';
import { capacity, occupants, seatsAt } from './roster';
import { seatPeople } from './tables';
import { RoundClock, withLeft } from './timers';
import { consoleSnapshot, studentSnapshot } from './views';

export { CardError } from './injects';
export { IDLE_MS } from './views';

/** Characters of a session code: 32^8 = 2^40, behind the lobby's budget of wrong codes. */
export const SESSION_CODE_LENGTH = 8;
/** A session's code works this long after it was created. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

type Listener = (sessionID: string) => void;
type TalkListener = (sessionID: string, message: TalkMessage) => void;

/** How often a process that shares sessions with others looks for open sessions it lacks. */
const SYNC_ALL_MS = 15_000;

/**
 * Facilitators' sessions, their lifecycle: created, joined, started, steered, ended. Every
 * change to a session runs in that session's queue and is saved before it is announced. The
 * parts each have their own module: the roster (roster.ts), the tables' matches (tables.ts),
 * the console's commands (commands.ts), round timers (timers.ts) and the defaults a timer
 * applies (defaults.ts), injects (injects.ts), what each side sees (views.ts), talk (talk.ts).
 *
 * With `peers` (REDIS_URL: several processes on one PostgreSQL, cluster-sessions.ts) each
 * change holds the session's lease in Redis and starts from the stored session, the others
 * reload it when told, talk and presence go through Redis, and every process's clock watches
 * every open session (the first to hold the lease when a deadline passes applies the defaults).
 */
export class SessionManager {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byMatch = new Map<string, { sessionID: string; table: number }>();
  private readonly queue = new KeyedQueue();
  private readonly listeners: Listener[] = [];
  private readonly talkListeners: TalkListener[] = [];
  /** The generation each cached session reflects (with peers). */
  private readonly known = new Map<string, number>();
  private syncTimer: ReturnType<typeof setInterval> | null = null;
  /** Other processes' team members' draft actions in flight: tag → undo. */
  private readonly remoteDrafts = new Map<string, () => void>();
  /** Students with a live session socket, by session: studentID → sockets. */
  private readonly online = new Map<string, Map<string, number>>();
  private readonly clock: RoundClock;
  readonly hooks: SessionHooks;
  private readonly ctx: SessionContext;

  constructor(
    private readonly authority: Authority,
    private readonly now: () => number = Date.now,
    private readonly peers: SessionPeers | null = null,
  ) {
    const hooks = authority.served.session;
    if (!hooks) throw new Error('this game has no session hooks');
    this.hooks = hooks;
    this.ctx = {
      authority,
      served: authority.served,
      hooks,
      now,
      lastActive: new Map(),
      drafts: new DraftAuthors(),
      bindTable: (matchID, sessionID, table) => this.byMatch.set(matchID, { sessionID, table }),
    };
    this.clock = new RoundClock(
      () => this.sessions.values(),
      (sessionID, table) => this.expire(sessionID, table),
      now,
    );
    authority.onUpdate((matchID, state, deltalog) => {
      const at = this.byMatch.get(matchID);
      if (!at) return;
      const round = this.hooks.figures(state.G).round;
      for (const e of deltalog) {
        const p = e.action.payload as
          { playerID?: string; type?: string; args?: unknown } | undefined;
        const who = p?.playerID;
        if (who === undefined) continue;
        this.ctx.lastActive.set(`${matchID}:${who}`, this.now());
        if (e.action.type === 'MAKE_MOVE' && typeof p?.type === 'string')
          this.ctx.drafts.applied(
            matchID,
            who,
            p.type,
            Array.isArray(p.args) ? (p.args as unknown[]) : [],
            round,
          );
      }
      void this.onTableChanged(at.sessionID, at.table, state);
    });
    authority.onMetadata((matchID) => {
      const at = this.byMatch.get(matchID);
      if (at) this.changed(at.sessionID);
    });
    peers?.listen({
      changed: (id, gen) => this.heard(id, gen),
      talk: (id, m) => {
        void this.get(id)
          .then((s) => {
            if (s) for (const fn of this.talkListeners) fn(id, m);
          })
          .catch(() => undefined);
      },
      reconcile: () => this.reconcile(),
      draft: (d, undo) => {
        if (undo) {
          this.remoteDrafts.get(d.tag)?.();
          this.remoteDrafts.delete(d.tag);
          return;
        }
        this.remoteDrafts.set(d.tag, this.ctx.drafts.expect(d.matchID, d.seat, d.move, d.name));
        // Kept a while for a refusal; an applied action has used the expectation up by then.
        setTimeout(() => this.remoteDrafts.delete(d.tag), 60_000).unref();
      },
    });
  }

  /** Another process changed a session (gen -1: only what the console shows): reload it. */
  private heard(sessionID: string, gen: number): void {
    void this.queue
      .run(sessionID, async () => {
        if (this.sessions.has(sessionID) && gen < 0) return this.changed(sessionID);
        // Always read again: generations start over if Redis loses its data, and a copy read
        // between another process's fence and its save already carries the new generation.
        await this.reloadNow(sessionID, gen < 0 ? undefined : gen);
      })
      .catch((e: unknown) => console.error(`reloading session ${sessionID} failed:`, e));
  }

  private async reloadNow(sessionID: string, gen?: number): Promise<SessionRecord | undefined> {
    const g = gen ?? (await this.peers?.gens([sessionID]))?.[0];
    const s = await this.authority.store.loadSession(sessionID);
    if (!s) {
      this.forget(sessionID);
      return undefined;
    }
    if (g !== undefined) this.known.set(sessionID, g);
    this.remember(s);
    this.changed(sessionID);
    return s;
  }

  /**
   * The stored session, read again (with peers: a token another process just added may not be
   * in this copy yet); without peers, the cached one.
   */
  reload(sessionID: string): Promise<SessionRecord | undefined> {
    if (!this.peers) return this.get(sessionID);
    return this.queue.run(sessionID, () => this.reloadNow(sessionID));
  }

  /**
   * The session as stored now (with peers: one Redis read says whether another process wrote
   * since this copy was made, and it is reloaded if so); without peers, the cached one.
   */
  async current(sessionID: string): Promise<SessionRecord | undefined> {
    const peers = this.peers;
    if (!peers) return this.get(sessionID);
    const [gen] = await peers.gens([sessionID]).catch(() => [undefined]);
    if (this.sessions.has(sessionID) && (gen === undefined || this.known.get(sessionID) === gen))
      return this.sessions.get(sessionID);
    return this.queue.run(sessionID, () => this.reloadNow(sessionID, gen));
  }

  /** Reloads each cached session another process changed without this one hearing of it. */
  private async reconcile(): Promise<void> {
    const peers = this.peers;
    if (!peers) return;
    const ids = [...this.sessions.keys()];
    const gens = await peers.gens(ids);
    for (const [i, id] of ids.entries())
      if (this.known.get(id) !== gens[i]) this.heard(id, gens[i]!);
  }

  /** Loads the open sessions this process has not heard of (made while it was away). */
  private async syncAll(): Promise<void> {
    for (const s of await this.authority.store.listOpenSessions())
      if (!this.sessions.has(s.id)) this.heard(s.id, -1);
  }

  onChange(fn: Listener): void {
    this.listeners.push(fn);
  }

  private changed(sessionID: string): void {
    for (const fn of this.listeners) fn(sessionID);
  }

  /** What the console shows changed without a write (presence, an inject): tell the others. */
  private shown(sessionID: string): void {
    this.changed(sessionID);
    this.peers?.announce(sessionID, -1);
  }

  onTalk(fn: TalkListener): void {
    this.talkListeners.push(fn);
  }

  /** Loads every open session (after a restart) and starts the timer clock. */
  async resumeAll(): Promise<void> {
    for (const s of await this.authority.store.listOpenSessions()) {
      if (this.peers) this.known.set(s.id, (await this.peers.gens([s.id]))[0]!);
      this.remember(s);
      const now = this.now();
      for (const t of s.tables) {
        const m = t.matchID ? await this.authority.load(t.matchID) : undefined;
        if (m)
          for (const seat of m.metadata.seats)
            this.ctx.lastActive.set(`${t.matchID}:${seat.id}`, now);
      }
      if (!this.peers) {
        if (await this.resumeTimers(s)) await this.authority.store.saveSession(s);
      } else if (s.tables.some((t) => t.timer?.leftMs)) {
        await this.edit(s.id, (d) => this.resumeTimers(d));
      }
    }
    this.clock.start();
    if (this.peers) {
      this.syncTimer = setInterval(() => void this.syncAll().catch(() => undefined), SYNC_ALL_MS);
      this.syncTimer.unref();
    }
  }

  /**
   * Timers saved with the time they had left when the server stopped resume with that (with
   * peers, the others keep the deadlines running: only a frozen timer left by a single server,
   * with time left, resumes). Returns whether any did.
   */
  private async resumeTimers(s: SessionRecord): Promise<boolean> {
    const now = this.now();
    let touched = false;
    for (const t of s.tables) {
      if (!t.timer || !t.matchID || t.timer.leftMs === null) continue;
      if (this.peers && t.timer.leftMs <= 0) continue;
      const m = await this.authority.load(t.matchID);
      if (m && !m.metadata.paused) {
        t.timer = { ...t.timer, endsAt: now + t.timer.leftMs, leftMs: null };
        touched = true;
      }
    }
    return touched;
  }

  /** Stops the clock and saves each running timer with the time it has left. */
  async stop(): Promise<void> {
    this.clock.stop();
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = null;
    await this.queue.idle();
    // The other processes keep the deadlines running.
    if (this.peers) return;
    const now = this.now();
    for (const s of this.sessions.values()) {
      let touched = false;
      for (const t of s.tables) {
        if (t.timer?.endsAt == null) continue;
        t.timer = { ...t.timer, leftMs: Math.max(0, t.timer.endsAt - now), endsAt: null };
        touched = true;
      }
      if (touched) await this.authority.store.saveSession(s).catch(() => undefined);
    }
  }

  private remember(s: SessionRecord): void {
    this.sessions.set(s.id, s);
    s.tables.forEach((t, table) => {
      if (t.matchID) this.byMatch.set(t.matchID, { sessionID: s.id, table });
    });
  }

  /** Is the match a table of a session held here (this process follows its every move)? */
  hasTable(matchID: string): boolean {
    return this.byMatch.has(matchID);
  }

  /** The matches at the tables of the sessions held here. */
  tableMatches(): IterableIterator<string> {
    return this.byMatch.keys();
  }

  /** Drops a deleted session from memory (the sweeper deleted it from storage). */
  forget(sessionID: string): void {
    const s = this.sessions.get(sessionID);
    if (!s) return;
    this.sessions.delete(sessionID);
    this.known.delete(sessionID);
    this.online.delete(sessionID);
    for (const t of s.tables)
      if (t.matchID) {
        this.byMatch.delete(t.matchID);
        this.ctx.drafts.forget(t.matchID);
      }
  }

  async get(sessionID: string): Promise<SessionRecord | undefined> {
    const known = this.sessions.get(sessionID);
    if (known) return known;
    const s = await this.authority.store.loadSession(sessionID);
    if (s) this.remember(s);
    return s;
  }

  /** Runs a change of one session in its queue; the change is saved before anyone is told. */
  private edit<T>(sessionID: string, fn: (s: SessionRecord) => Promise<T> | T): Promise<T> {
    if (this.peers) return this.editShared(this.peers, sessionID, fn);
    return this.queue.run(sessionID, async () => {
      const s = await this.get(sessionID);
      if (!s) throw new HttpError(404, 'no such session');
      const draft = structuredClone(s);
      const out = await fn(draft);
      draft.updatedAt = this.now();
      await this.authority.store.saveSession(draft);
      this.remember(draft);
      this.changed(sessionID);
      return out;
    });
  }

  /**
   * A change with peers: holding the session's lease, from the stored session; saved (fenced)
   * only if it changed anything, then announced to the other processes.
   */
  private editShared<T>(
    peers: SessionPeers,
    sessionID: string,
    fn: (s: SessionRecord) => Promise<T> | T,
  ): Promise<T> {
    return this.queue.run(sessionID, () =>
      peers.hold(sessionID, async (fence) => {
        const s = await this.authority.store.loadSession(sessionID);
        if (!s) throw new HttpError(404, 'no such session');
        this.remember(s);
        const before = JSON.stringify(s);
        const draft = structuredClone(s);
        const out = await fn(draft);
        if (JSON.stringify(draft) === before) return out;
        draft.updatedAt = this.now();
        const gen = await fence();
        await this.authority.store.saveSession(draft);
        this.known.set(sessionID, gen);
        this.remember(draft);
        this.changed(sessionID);
        peers.announce(sessionID, gen);
        return out;
      }),
    );
  }

  // ---- creating and joining ----

  async create(body: Record<string, unknown>): Promise<{ session: SessionRecord; token: string }> {
    const settings = parseCreate(this.authority.served, body);
    const token = newToken();
    const now = this.now();
    for (let attempt = 0; ; attempt++) {
      const session: SessionRecord = {
        id: newMatchID(),
        code: newJoinCode(SESSION_CODE_LENGTH),
        facilitator: hashSecret(token),
        ...settings,
        status: 'lobby',
        students: [],
        tables: [],
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.authority.store.saveSession(session);
        this.remember(session);
        if (this.peers) {
          this.known.set(session.id, 0);
          this.peers.announce(session.id, 0);
        }
        return { session, token };
      } catch (e) {
        if (!(e instanceof StorageError && e.code === 'join-code-taken') || attempt > 5) throw e;
      }
    }
  }

  /** The open session with this code, or a clear refusal. */
  async byCode(code: string): Promise<SessionRecord> {
    const id = await this.authority.store.findSessionByCode(code.toUpperCase());
    const s = id ? await this.get(id) : undefined;
    if (!s) throw new HttpError(404, 'no session has that code: check it with your facilitator');
    if (s.status === 'ended') throw new HttpError(410, 'this session has ended');
    if (this.now() - s.createdAt > SESSION_TTL_MS)
      throw new HttpError(410, 'this session code has expired: ask your facilitator for a new one');
    return s;
  }

  async join(
    code: string,
    name: string,
  ): Promise<{ session: SessionRecord; student: SessionStudent; token: string }> {
    const found = await this.byCode(code);
    const token = newToken();
    const student = await this.edit(found.id, (s) => {
      if (s.status === 'ended') throw new HttpError(410, 'this session has ended');
      const taken = s.students.some((x) => x.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (taken)
        throw new HttpError(
          409,
          `someone in this session is already called "${name}": add an initial`,
        );
      if (s.students.length >= capacity(this.authority.served, s))
        throw new HttpError(409, 'this session is full: ask your facilitator for a place');
      const st: SessionStudent = {
        id: newToken(9),
        name,
        token: hashSecret(token),
        assignment: null,
      };
      s.students.push(st);
      return st;
    });
    const session = this.sessions.get(found.id) as SessionRecord;
    // A student who joins a running session gets a place at once, if there is one.
    if (session.status === 'running') await this.placeLate(session.id, student.id);
    return { session, student, token };
  }

  isFacilitator(s: SessionRecord, token: string | undefined): boolean {
    return verifySecret(token, s.facilitator);
  }

  studentOf(s: SessionRecord, token: string | undefined): SessionStudent | undefined {
    return s.students.find((x) => verifySecret(token, x.token));
  }

  // ---- presence ----

  setOnline(sessionID: string, studentID: string, delta: 1 | -1): void {
    const map = this.online.get(sessionID) ?? new Map<string, number>();
    const n = (map.get(studentID) ?? 0) + delta;
    if (n > 0) map.set(studentID, n);
    else map.delete(studentID);
    this.online.set(sessionID, map);
    this.peers?.setPresence(sessionID, map);
    this.shown(sessionID);
  }

  /** A late student takes a bot's place at the first running table with room, else observes. */
  private async placeLate(sessionID: string, studentID: string): Promise<void> {
    await this.edit(sessionID, async (s) => {
      const st = s.students.find((x) => x.id === studentID);
      if (!st || st.assignment) return;
      for (const [table, t] of s.tables.entries()) {
        if (!t.matchID) continue;
        const m = await this.authority.load(t.matchID);
        if (!m || m.metadata.gameover !== undefined) continue;
        for (const seat of seatsAt(this.authority.served, s, table)) {
          if (
            occupants(s, table, seat.id).length < s.policy.teamSize &&
            m.metadata.seats.find((x) => x.id === seat.id)?.kind === 'bot'
          ) {
            st.assignment = { table, seat: seat.id };
            await seatPeople(this.ctx, s, table, seat.id);
            return;
          }
        }
      }
      if (s.policy.observers && s.tables.length > 0) st.assignment = { table: 0, seat: null };
    });
  }

  // ---- team drafts ----

  /**
   * A seated student's planning action (an order, withdrawing one, the card), submitted for
   * their seat with them as its author, so their team sees who wrote what. Refused, with the
   * table's reason, like the same action from the board.
   */
  async draft(s: SessionRecord, st: SessionStudent, move: unknown, args: unknown): Promise<void> {
    if (!isDraftMove(move)) throw new HttpError(400, 'move must be order, withdraw or card');
    if (!Array.isArray(args) || args.length !== 1)
      throw new HttpError(400, 'args must be the one argument of the move');
    const a = st.assignment;
    const t = a ? s.tables[a.table] : undefined;
    if (s.status !== 'running' || a?.seat == null || !t?.matchID || !t.seatCredentials[a.seat])
      throw new HttpError(409, 'only a seated player can draft orders');
    for (let tries = 0; tries < 5; tries++) {
      const cur = await this.authority.load(t.matchID);
      const undo = this.ctx.drafts.expect(t.matchID, a.seat, move, st.name);
      const tag = await this.peers?.expectDraft({
        matchID: t.matchID,
        seat: a.seat,
        move,
        name: st.name,
      });
      const r = await this.authority.submit(
        t.matchID,
        a.seat,
        { type: 'MAKE_MOVE', payload: { type: move, args } },
        cur?.state._stateID,
      );
      if (r.ok) return;
      undo();
      if (tag) this.peers?.dropDraft(tag);
      // A teammate's action went in first: try again on the new state.
      if (r.error !== 'stale stateID') throw new HttpError(409, r.error);
    }
    throw new HttpError(409, 'the table is busy: try again');
  }

  // ---- the console's commands ----

  async command(sessionID: string, cmd: ConsoleCommand): Promise<void> {
    if (typeof cmd !== 'object' || cmd === null) throw new HttpError(400, 'expected a command');
    const after = await this.edit(sessionID, (s) => applyCommand(this.ctx, s, cmd));
    for (const i of after.expire) await this.applyDefaults(sessionID, i);
    for (const matchID of after.endMatches) {
      const r = await this.authority.adjust(matchID, (G) => ({
        ok: true,
        G: this.hooks.endMatch(G),
      }));
      if (!r.ok && r.error !== 'game over') throw new HttpError(409, r.error);
      if (r.ok)
        await recordConsoleChange(this.authority, matchID, { stateID: r.stateID, kind: 'end' });
    }
    if (after.endMatches.length > 0) await this.endIfDone(sessionID);
  }

  /** Pushes an event card to one table or all, effective at the next resolution. */
  async inject(
    sessionID: string,
    table: number | undefined,
    raw: unknown,
  ): Promise<{ tables: number[] }> {
    const card = checkInjectCard(this.ctx, raw);
    const s = await this.get(sessionID);
    if (!s) throw new HttpError(404, 'no such session');
    const out = await injectCard(this.ctx, s, table, card);
    this.shown(sessionID);
    return out;
  }

  // ---- timers and defaults ----

  /**
   * A table's timer ran out: each waiting seat gets its default, then the timer is saved at
   * zero. Both inside the session's change, so a server stopped or killed in between leaves
   * the timer due, and the next change to find it due gives the seats still waiting theirs.
   */
  private async expire(sessionID: string, table: number): Promise<void> {
    await this.edit(sessionID, async (d) => {
      const dt = d.tables[table];
      // Still due in the stored session? (With peers, another process may have been first.)
      if (dt?.timer?.endsAt == null || dt.timer.endsAt > this.now()) return;
      await applyDefaults(this.ctx, d, table);
      dt.timer = { ...dt.timer, endsAt: null, leftMs: 0 };
    });
  }

  /** The round ends now at one table: each seat that has not submitted gets its default. */
  async applyDefaults(sessionID: string, table: number): Promise<void> {
    const s = await this.get(sessionID);
    if (s) await applyDefaults(this.ctx, s, table);
  }

  /** A table's state changed: a new round restarts its timer; the console hears of it. */
  private async onTableChanged(sessionID: string, table: number, state: State): Promise<void> {
    const s = this.sessions.get(sessionID);
    const t = s?.tables[table];
    if (!s || !t) return;
    const figures = this.hooks.figures(state.G);
    const restart = t.timer && !figures.over && figures.round !== t.timer.round;
    if (figures.round !== t.timer?.round && t.matchID)
      for (const seat of this.hooks.waiting(state.G))
        this.ctx.lastActive.set(`${t.matchID}:${seat}`, this.now());
    if (restart || (figures.over && t.timer)) {
      await this.edit(sessionID, async (d) => {
        const dt = d.tables[table]!;
        if (!dt.timer) return;
        if (figures.over) dt.timer = null;
        else if (figures.round !== dt.timer.round) {
          const m = await this.authority.load(dt.matchID!);
          dt.timer = {
            seconds: dt.timer.seconds,
            round: figures.round,
            ...withLeft(dt.timer.seconds * 1000, !!m?.metadata.paused, this.now()),
          };
        }
      });
    } else this.changed(sessionID);
    if (figures.over) await this.endIfDone(sessionID);
  }

  /** A session ends when every table has. */
  private async endIfDone(sessionID: string): Promise<void> {
    const s = this.sessions.get(sessionID);
    if (!s || s.status !== 'running') return;
    for (const t of s.tables) {
      const m = t.matchID ? await this.authority.load(t.matchID) : undefined;
      if (m && m.metadata.gameover === undefined) return;
    }
    await this.edit(sessionID, (d) => {
      d.status = 'ended';
    });
  }

  // ---- what each side sees ----

  async consoleSnapshot(sessionID: string): Promise<ConsoleSnapshot> {
    const s = await this.get(sessionID);
    if (!s) throw new HttpError(404, 'no such session');
    const online = new Map(this.online.get(sessionID) ?? []);
    // With peers, the students with a socket on another process too.
    if (this.peers)
      for (const [id, n] of await this.peers.presence(sessionID))
        online.set(id, (online.get(id) ?? 0) + n);
    return consoleSnapshot(this.ctx, s, online);
  }

  studentSnapshot(s: SessionRecord, st: SessionStudent): StudentSnapshot {
    return studentSnapshot(this.ctx, s, st);
  }

  /** Every secret of one table, for the facilitator. */
  async tableView(sessionID: string, table: number): Promise<unknown> {
    const s = await this.get(sessionID);
    if (!s) throw new HttpError(404, 'no such session');
    const [i] = tablesOf(s, table);
    const m = await matchOf(this.ctx, s.tables[i!]!);
    return this.hooks.facilitatorView(m.state.G);
  }

  /** The session a match belongs to, and its table. */
  tableOfMatch(matchID: string): { sessionID: string; table: number } | undefined {
    return this.byMatch.get(matchID);
  }

  cached(sessionID: string): SessionRecord | undefined {
    return this.sessions.get(sessionID);
  }

  /** Is `seat` a person seat at this table? */
  seatExists(s: SessionRecord, table: number, seat: string): boolean {
    return seatsAt(this.authority.served, s, table).some((x) => x.id === seat);
  }

  // ---- talk ----

  talk(sessionID: string): Promise<TalkMessage[]> {
    return this.authority.store.listTalk(sessionID);
  }

  appendTalk(sessionID: string, message: TalkMessage): Promise<void> {
    return this.authority.store.appendTalk(sessionID, message);
  }

  /**
   * Stores a message with the round each table it is said to is in, then hands it to this
   * process's sockets and (with peers) the others'.
   */
  async say(sessionID: string, message: TalkMessage): Promise<void> {
    const s = await this.get(sessionID);
    const said = s ? { ...message, rounds: await this.roundsAt(s, message.to) } : message;
    await this.appendTalk(sessionID, said);
    for (const fn of this.talkListeners) fn(sessionID, said);
    this.peers?.say(sessionID, said);
  }

  /** The round each started table a message is said to is in now, by table number. */
  private async roundsAt(s: SessionRecord, to: TalkScope): Promise<Record<number, number>> {
    const tables = to.kind === 'broadcast' ? s.tables.map((_, i) => i) : [to.table];
    const rounds: Record<number, number> = {};
    for (const table of tables) {
      const matchID = s.tables[table]?.matchID;
      const m = matchID ? await this.authority.load(matchID) : undefined;
      if (m) rounds[table] = this.hooks.figures(m.state.G).round;
    }
    return rounds;
  }
}
