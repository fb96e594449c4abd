import type { State } from 'boardgame.io';
import type { Authority } from '../authority/authority';
import { KeyedQueue } from '../authority/queue';
import { createMatch } from '../lobby/create';
import { HttpError } from '../lobby/http';
import { recordConsoleChange } from '../lobby/replay-route';
import { hashSecret, newJoinCode, newMatchID, newToken, verifySecret } from '../security/secrets';
import type { SessionHooks } from '../served/served-game';
import {
  StorageError,
  type MatchMetadata,
  type SeatRecord,
  type SessionRecord,
  type SessionStudent,
  type SessionTable,
} from '../storage/types';
import {
  isBotLevel,
  TIMER_MAX_SECONDS,
  TIMER_MIN_SECONDS,
  type ConsoleCommand,
  type ConsoleSeat,
  type ConsoleSnapshot,
  type ConsoleTable,
  type CreateSessionRequest,
  type FieldError,
  type TalkMessage,
  type SeatPolicy,
  type StudentSnapshot,
  type TimerInfo,
} from '../../protocol';

/** Characters of a session code: 32^8 = 2^40, behind the lobby's budget of wrong codes. */
export const SESSION_CODE_LENGTH = 8;
/** A session's code works this long after it was created. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
/** A seat that has not acted for this long while others plan is shown as idle. */
export const IDLE_MS = 90_000;
const MAX_STUDENTS = 400;
const MAX_TABLES = 60;

type Listener = (sessionID: string) => void;

const secondsIn = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new HttpError(400, `${what} must be a number of seconds`);
  if (v < TIMER_MIN_SECONDS || v > TIMER_MAX_SECONDS)
    throw new HttpError(
      400,
      `${what} must be between ${TIMER_MIN_SECONDS} seconds and one day (${TIMER_MAX_SECONDS} s)`,
    );
  return Math.round(v);
};

/**
 * Facilitators' sessions: a roster of students, tables (each an ordinary match, created when
 * the tables start), round timers, and the console's commands. Every change to a session runs
 * in that session's queue and is saved before it is announced; timers are kept as deadlines
 * and saved with the time they had left when the server stops, so they resume with it.
 */
export class SessionManager {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byMatch = new Map<string, { sessionID: string; table: number }>();
  private readonly queue = new KeyedQueue();
  private readonly listeners: Listener[] = [];
  /** Students with a live session socket, by session: studentID → sockets. */
  private readonly online = new Map<string, Map<string, number>>();
  /** When each seat last acted (matchID:seat → ms). */
  private readonly lastActive = new Map<string, number>();
  private readonly expiring = new Set<string>();
  private ticker: NodeJS.Timeout | null = null;
  readonly hooks: SessionHooks;

  constructor(
    private readonly authority: Authority,
    private readonly now: () => number = Date.now,
  ) {
    const hooks = authority.served.session;
    if (!hooks) throw new Error('this game has no session hooks');
    this.hooks = hooks;
    authority.onUpdate((matchID, state, deltalog) => {
      const at = this.byMatch.get(matchID);
      if (!at) return;
      for (const e of deltalog) {
        const who = (e.action.payload as { playerID?: string } | undefined)?.playerID;
        if (who !== undefined) this.lastActive.set(`${matchID}:${who}`, this.now());
      }
      void this.onTableChanged(at.sessionID, at.table, state);
    });
    authority.onMetadata((matchID) => {
      const at = this.byMatch.get(matchID);
      if (at) this.changed(at.sessionID);
    });
  }

  onChange(fn: Listener): void {
    this.listeners.push(fn);
  }

  private changed(sessionID: string): void {
    for (const fn of this.listeners) fn(sessionID);
  }

  /** Loads every open session (after a restart) and starts the timer clock. */
  async resumeAll(): Promise<void> {
    for (const s of await this.authority.store.listOpenSessions()) {
      this.remember(s);
      const now = this.now();
      let touched = false;
      for (const [i, t] of s.tables.entries()) {
        if (!t.timer || !t.matchID) continue;
        const m = await this.authority.load(t.matchID);
        // Saved with the time it had left when the server stopped: it resumes with that.
        if (m && !m.metadata.paused && t.timer.leftMs !== null) {
          t.timer = { ...t.timer, endsAt: now + t.timer.leftMs, leftMs: null };
          touched = true;
        }
        if (m)
          for (const seat of m.metadata.seats) this.lastActive.set(`${t.matchID}:${seat.id}`, now);
        void i;
      }
      if (touched) await this.authority.store.saveSession(s);
    }
    this.ticker = setInterval(() => this.tick(), 250);
    this.ticker.unref();
  }

  /** Stops the clock and saves each running timer with the time it has left. */
  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    await this.queue.idle();
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

  async get(sessionID: string): Promise<SessionRecord | undefined> {
    const known = this.sessions.get(sessionID);
    if (known) return known;
    const s = await this.authority.store.loadSession(sessionID);
    if (s) this.remember(s);
    return s;
  }

  /** Runs a change of one session in its queue; the change is saved before anyone is told. */
  private edit<T>(sessionID: string, fn: (s: SessionRecord) => Promise<T> | T): Promise<T> {
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

  private seatsOf(scenario: string): { id: string; role: string; name: string }[] {
    const roles = this.authority.served.facilitatorRoles;
    const info = this.authority.served.scenarios[scenario];
    return (info?.seats ?? []).filter((s) => !roles.includes(s.role));
  }

  // ---- creating and joining ----

  async create(body: Record<string, unknown>): Promise<{ session: SessionRecord; token: string }> {
    const req = body as Partial<CreateSessionRequest>;
    const scenario = typeof req.scenario === 'string' ? req.scenario : '';
    if (!Object.hasOwn(this.authority.served.scenarios, scenario))
      throw new HttpError(400, 'unknown scenario');
    let tableCount: number | null = null;
    if (req.tables !== undefined) {
      if (
        !Number.isInteger(req.tables) ||
        (req.tables as number) < 1 ||
        (req.tables as number) > MAX_TABLES
      )
        throw new HttpError(400, `tables must be a whole number from 1 to ${MAX_TABLES}`);
      tableCount = req.tables as number;
    }
    const p = (req.policy ?? {}) as Partial<SeatPolicy>;
    if (typeof p !== 'object') throw new HttpError(400, 'policy must be an object');
    const teamSize = p.teamSize ?? 1;
    if (teamSize !== 1 && teamSize !== 2 && teamSize !== 3)
      throw new HttpError(400, 'policy.teamSize must be 1, 2 or 3');
    if (p.observers !== undefined && typeof p.observers !== 'boolean')
      throw new HttpError(400, 'policy.observers must be true or false');
    const botLevel = p.botLevel ?? 'heuristic';
    if (!isBotLevel(botLevel)) throw new HttpError(400, 'policy.botLevel is not a bot level');
    const defaults = req.defaults ?? 'bot';
    if (defaults !== 'bot' && defaults !== 'hold')
      throw new HttpError(400, 'defaults must be bot or hold');
    const roundSeconds =
      req.roundSeconds === undefined || req.roundSeconds === null
        ? null
        : secondsIn(req.roundSeconds, 'roundSeconds');
    const token = newToken();
    const now = this.now();
    for (let attempt = 0; ; attempt++) {
      const session: SessionRecord = {
        id: newMatchID(),
        code: newJoinCode(SESSION_CODE_LENGTH),
        facilitator: hashSecret(token),
        scenario,
        tableCount,
        policy: { teamSize, observers: p.observers ?? true, botLevel },
        defaults,
        roundSeconds,
        status: 'lobby',
        students: [],
        tables: [],
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.authority.store.saveSession(session);
        this.remember(session);
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

  /** Places a student can take: every person seat times the team size, unless observers may follow. */
  private capacity(s: SessionRecord): number {
    if (s.policy.observers || s.tableCount === null) return MAX_STUDENTS;
    return s.tableCount * this.seatsOf(s.scenario).length * s.policy.teamSize;
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
      if (s.students.length >= this.capacity(s))
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
    this.changed(sessionID);
  }

  // ---- assignment ----

  private tableCountFor(s: SessionRecord): number {
    if (s.tableCount !== null) return s.tableCount;
    const per = this.seatsOf(s.scenario).length * s.policy.teamSize;
    return Math.max(1, Math.min(MAX_TABLES, Math.ceil(s.students.length / per)));
  }

  /**
   * Deals the roster out to the tables: tables fill evenly (one student each in turn), and in
   * a table every role gets a first person before any gets a second; each table starts its
   * round of roles one further on, so that when tables are short, different roles go to bots.
   */
  private autoAssign(s: SessionRecord): void {
    const seats = this.seatsOf(s.scenario);
    const tables = this.tableCountFor(s);
    const perTable = seats.length * s.policy.teamSize;
    const counts = new Array<number>(tables).fill(0);
    s.students.forEach((st, i) => {
      const table = i % tables;
      const k = counts[table]!++;
      if (k < perTable) {
        const seat = seats[(k + table) % seats.length]!;
        st.assignment = { table, seat: seat.id };
      } else st.assignment = s.policy.observers ? { table, seat: null } : null;
    });
    while (s.tables.length < tables)
      s.tables.push({ matchID: null, seatCredentials: {}, timer: null });
  }

  private occupants(s: SessionRecord, table: number, seat: string): SessionStudent[] {
    return s.students.filter((x) => x.assignment?.table === table && x.assignment.seat === seat);
  }

  /** Checks a hand assignment (the student is not counted in its own seat). */
  private checkPlace(
    s: SessionRecord,
    studentID: string,
    table: number,
    seat: string | null,
  ): void {
    if (
      !Number.isInteger(table) ||
      table < 0 ||
      table >= Math.max(s.tables.length, this.tableCountFor(s))
    )
      throw new HttpError(400, 'no such table');
    if (seat === null) return;
    if (!this.seatsOf(s.scenario).some((x) => x.id === seat))
      throw new HttpError(400, 'no such seat');
    const others = this.occupants(s, table, seat).filter((x) => x.id !== studentID);
    if (others.length >= s.policy.teamSize)
      throw new HttpError(
        409,
        `that seat already has ${others.length} ${others.length === 1 ? 'person' : 'people'}`,
      );
  }

  private async placeLate(sessionID: string, studentID: string): Promise<void> {
    await this.edit(sessionID, async (s) => {
      const st = s.students.find((x) => x.id === studentID);
      if (!st || st.assignment) return;
      for (const [table, t] of s.tables.entries()) {
        if (!t.matchID) continue;
        const m = await this.authority.load(t.matchID);
        if (!m || m.metadata.gameover !== undefined) continue;
        for (const seat of this.seatsOf(s.scenario)) {
          if (
            this.occupants(s, table, seat.id).length < s.policy.teamSize &&
            m.metadata.seats.find((x) => x.id === seat.id)?.kind === 'bot'
          ) {
            st.assignment = { table, seat: seat.id };
            await this.seatPeople(s, table, seat.id);
            return;
          }
        }
      }
      if (s.policy.observers && s.tables.length > 0) st.assignment = { table: 0, seat: null };
    });
  }

  /**
   * Makes a running table's seat match the roster: the people assigned to it hold it (with
   * fresh credentials whenever who sits there changed), or a bot plays it when nobody does.
   */
  private async seatPeople(s: SessionRecord, table: number, seat: string): Promise<void> {
    const t = s.tables[table];
    if (!t?.matchID) return;
    const people = this.occupants(s, table, seat);
    const credentials = people.length > 0 ? newToken() : undefined;
    if (credentials) t.seatCredentials[seat] = credentials;
    else delete t.seatCredentials[seat];
    const level = s.policy.botLevel;
    const r = await this.authority.mutate(t.matchID, (m) => ({
      ...m,
      seats: m.seats.map((x): SeatRecord =>
        x.id !== seat
          ? x
          : credentials
            ? {
                id: x.id,
                role: x.role,
                label: x.label,
                kind: 'person',
                name: people
                  .map((p) => p.name)
                  .join(' & ')
                  .slice(0, 80),
                credential: hashSecret(credentials),
              }
            : { id: x.id, role: x.role, label: x.label, kind: 'bot', botLevel: level },
      ),
    }));
    if (!r.ok) throw new HttpError(409, r.error);
    this.lastActive.set(`${t.matchID}:${seat}`, this.now());
  }

  /** Creates every table's match, seats the roster in them and starts the timers. */
  private async startTables(s: SessionRecord): Promise<void> {
    if (s.status !== 'lobby') throw new HttpError(409, 'the tables have already started');
    if (s.students.every((x) => x.assignment === null) || s.tables.length === 0) this.autoAssign(s);
    const all = this.authority.served.scenarios[s.scenario]!.seats;
    for (const [table, t] of s.tables.entries()) {
      if (t.matchID) continue;
      const made = await createMatch(this.authority, {
        scenario: s.scenario,
        visibility: 'private',
        seats: all.map(() => ({ kind: 'bot', level: s.policy.botLevel })),
      });
      t.matchID = made.matchID;
      this.byMatch.set(made.matchID, { sessionID: s.id, table });
      // The scenario's facilitator seat stays empty: the session's facilitator sees all anyway.
      const roles = this.authority.served.facilitatorRoles;
      await this.authority.mutate(made.matchID, (m) => ({
        ...m,
        seats: m.seats.map((x) =>
          roles.includes(x.role) ? { id: x.id, role: x.role, label: x.label, kind: 'open' } : x,
        ),
      }));
      for (const seat of this.seatsOf(s.scenario))
        if (this.occupants(s, table, seat.id).length > 0) await this.seatPeople(s, table, seat.id);
      const seconds = s.roundSeconds;
      const m = await this.authority.load(made.matchID);
      const round = m ? this.hooks.figures(m.state.G).round : 1;
      t.timer = seconds
        ? { seconds, endsAt: this.now() + seconds * 1000, leftMs: null, round }
        : null;
    }
    s.status = 'running';
  }

  // ---- the console's commands ----

  private tablesOf(s: SessionRecord, table: number | undefined): number[] {
    if (table === undefined) return s.tables.map((_, i) => i).filter((i) => s.tables[i]!.matchID);
    if (!Number.isInteger(table) || !s.tables[table]?.matchID)
      throw new HttpError(400, 'no such table (or the tables have not started)');
    return [table];
  }

  private async matchOf(t: SessionTable): Promise<{ state: State; metadata: MatchMetadata }> {
    const m = t.matchID ? await this.authority.load(t.matchID) : undefined;
    if (!m) throw new HttpError(404, 'table not found');
    return m;
  }

  async command(sessionID: string, cmd: ConsoleCommand): Promise<void> {
    if (typeof cmd !== 'object' || cmd === null) throw new HttpError(400, 'expected a command');
    const expire: number[] = [];
    const endMatches: string[] = [];
    await this.edit(sessionID, async (s) => {
      if (s.status === 'ended' && cmd.kind !== 'autoAssign')
        throw new HttpError(409, 'this session has ended');
      switch (cmd.kind) {
        case 'autoAssign':
          if (s.status !== 'lobby')
            throw new HttpError(409, 'the tables have started: move students one by one');
          this.autoAssign(s);
          return;
        case 'start':
          return this.startTables(s);
        case 'assign':
        case 'unassign': {
          const st = s.students.find((x) => x.id === cmd.studentID);
          if (!st) throw new HttpError(400, 'no such student');
          const seat = cmd.kind === 'assign' ? cmd.seat : null;
          if (cmd.kind === 'assign') {
            if (seat !== null && typeof seat !== 'string')
              throw new HttpError(400, 'seat must be a seat id or null');
            if (s.status === 'lobby') this.autoTables(s, cmd.table);
            this.checkPlace(s, st.id, cmd.table, seat);
          }
          const before = st.assignment;
          st.assignment = cmd.kind === 'assign' ? { table: cmd.table, seat } : null;
          if (s.status === 'running') {
            if (before?.seat) await this.seatPeople(s, before.table, before.seat);
            if (st.assignment?.seat)
              await this.seatPeople(s, st.assignment.table, st.assignment.seat);
          }
          return;
        }
        case 'bot': {
          const [table] = this.tablesOf(s, cmd.table);
          if (!this.seatsOf(s.scenario).some((x) => x.id === cmd.seat))
            throw new HttpError(400, 'no such seat');
          for (const st of this.occupants(s, table!, cmd.seat))
            st.assignment = s.policy.observers ? { table: table!, seat: null } : null;
          await this.seatPeople(s, table!, cmd.seat);
          return;
        }
        case 'pause':
        case 'resume': {
          for (const i of this.tablesOf(s, cmd.table)) {
            const t = s.tables[i]!;
            const m = await this.matchOf(t);
            if (m.metadata.gameover !== undefined) continue;
            await this.authority.mutate(t.matchID!, (x) => ({
              ...x,
              paused: cmd.kind === 'pause',
            }));
            if (t.timer)
              t.timer = cmd.kind === 'pause' ? this.frozen(t.timer) : this.running(t.timer);
          }
          return;
        }
        case 'timer':
        case 'extend': {
          const seconds = secondsIn(cmd.seconds, 'seconds');
          for (const i of this.tablesOf(s, cmd.table)) {
            const t = s.tables[i]!;
            const m = await this.matchOf(t);
            if (m.metadata.gameover !== undefined) {
              if (cmd.table !== undefined) throw new HttpError(409, 'this table has ended');
              continue;
            }
            const round = this.hooks.figures(m.state.G).round;
            if (cmd.kind === 'extend') {
              if (!t.timer) throw new HttpError(409, `table ${i + 1} has no timer to extend`);
              const left = this.leftOf(t.timer) + seconds * 1000;
              if (left > TIMER_MAX_SECONDS * 1000)
                throw new HttpError(400, 'a timer runs one day at most');
              t.timer = { ...t.timer, ...this.withLeft(left, m.metadata.paused) };
            } else
              t.timer = { seconds, round, ...this.withLeft(seconds * 1000, m.metadata.paused) };
          }
          return;
        }
        case 'stopTimer':
          for (const i of this.tablesOf(s, cmd.table)) s.tables[i]!.timer = null;
          return;
        case 'endRound':
          expire.push(...this.tablesOf(s, cmd.table));
          for (const i of expire)
            if (
              (await this.matchOf(s.tables[i]!)).metadata.gameover !== undefined &&
              cmd.table !== undefined
            )
              throw new HttpError(409, 'this table has ended');
          return;
        case 'endMatch':
          for (const i of this.tablesOf(s, cmd.table)) {
            const t = s.tables[i]!;
            const m = await this.matchOf(t);
            if (m.metadata.gameover !== undefined) {
              if (cmd.table !== undefined) throw new HttpError(409, 'this table has already ended');
              continue;
            }
            endMatches.push(t.matchID!);
            t.timer = null;
          }
          return;
        default:
          throw new HttpError(400, 'unknown command');
      }
    });
    for (const i of expire) await this.applyDefaults(sessionID, i);
    for (const matchID of endMatches) {
      const r = await this.authority.adjust(matchID, (G) => ({
        ok: true,
        G: this.hooks.endMatch(G),
      }));
      if (!r.ok && r.error !== 'game over') throw new HttpError(409, r.error);
      if (r.ok)
        await recordConsoleChange(this.authority, matchID, { stateID: r.stateID, kind: 'end' });
    }
    if (endMatches.length > 0) await this.endIfDone(sessionID);
  }

  /** In the lobby, assigning to a table that does not exist yet makes it (up to the limit). */
  private autoTables(s: SessionRecord, table: number): void {
    if (!Number.isInteger(table) || table < 0 || table >= MAX_TABLES)
      throw new HttpError(400, 'no such table');
    if (s.tableCount !== null && table >= s.tableCount) throw new HttpError(400, 'no such table');
    while (s.tables.length <= table)
      s.tables.push({ matchID: null, seatCredentials: {}, timer: null });
  }

  private leftOf(t: TimerInfo): number {
    return t.endsAt !== null ? Math.max(0, t.endsAt - this.now()) : (t.leftMs ?? 0);
  }
  private withLeft(ms: number, paused: boolean): Pick<TimerInfo, 'endsAt' | 'leftMs'> {
    return paused ? { endsAt: null, leftMs: ms } : { endsAt: this.now() + ms, leftMs: null };
  }
  private frozen<T extends TimerInfo>(t: T): T {
    return { ...t, endsAt: null, leftMs: this.leftOf(t) };
  }
  private running<T extends TimerInfo>(t: T): T {
    return { ...t, endsAt: this.now() + this.leftOf(t), leftMs: null };
  }

  /** Pushes an event card to one table or all, effective at the next resolution. */
  async inject(
    sessionID: string,
    table: number | undefined,
    raw: unknown,
  ): Promise<{ tables: number[] }> {
    let card: unknown = raw;
    if (typeof raw !== 'string') {
      const checked = this.hooks.checkCard(raw);
      if (!checked.ok) throw new CardError(checked.errors);
      card = checked.card;
    } else if (raw.length === 0 || raw.length > 60)
      throw new HttpError(400, 'card must be a card id');
    const s = await this.get(sessionID);
    if (!s) throw new HttpError(404, 'no such session');
    const targets = this.tablesOf(s, table);
    // All or nothing: every target is checked first, so one ended table changes none.
    for (const i of targets) {
      const m = await this.matchOf(s.tables[i]!);
      const trial = this.hooks.inject(m.state.G, card);
      if (!trial.ok && (table !== undefined || m.metadata.gameover === undefined))
        throw new HttpError(
          409,
          targets.length > 1 ? `table ${i + 1}: ${trial.error}` : trial.error,
        );
    }
    const done: number[] = [];
    for (const i of targets) {
      const matchID = s.tables[i]!.matchID!;
      const m = await this.authority.load(matchID);
      if (m?.metadata.gameover !== undefined) continue;
      const r = await this.authority.adjust(matchID, (G) => this.hooks.inject(G, card));
      if (r.ok) done.push(i);
      if (r.ok)
        await recordConsoleChange(this.authority, matchID, {
          stateID: r.stateID,
          kind: 'inject',
          card,
        });
    }
    this.changed(sessionID);
    return { tables: done };
  }

  // ---- timers and defaults ----

  private tick(): void {
    const now = this.now();
    for (const s of this.sessions.values()) {
      if (s.status !== 'running') continue;
      s.tables.forEach((t, i) => {
        const key = `${s.id}:${i}`;
        if (t.timer?.endsAt == null || t.timer.endsAt > now || this.expiring.has(key)) return;
        this.expiring.add(key);
        void this.edit(s.id, (d) => {
          const dt = d.tables[i]!;
          if (dt.timer) dt.timer = { ...dt.timer, endsAt: null, leftMs: 0 };
        })
          .then(() => this.applyDefaults(s.id, i))
          .catch((e: unknown) => console.error('round timer failed:', e))
          .finally(() => this.expiring.delete(key));
      });
    }
  }

  /**
   * The round ends now at one table: each seat that has not submitted gets the session's
   * default (its bot's plan, or "hold": no orders and no card), sent through the authority like
   * any move. The last submission resolves the round.
   */
  async applyDefaults(sessionID: string, table: number): Promise<void> {
    const s = await this.get(sessionID);
    const matchID = s?.tables[table]?.matchID;
    if (!s || !matchID) return;
    const first = await this.authority.load(matchID);
    if (!first || first.metadata.gameover !== undefined) return;
    const round = this.hooks.figures(first.state.G).round;
    for (const seat of this.hooks.waiting(first.state.G)) {
      for (let tries = 0; tries < 20; tries++) {
        const m = await this.authority.load(matchID);
        if (!m || m.metadata.gameover !== undefined) return;
        if (
          this.hooks.figures(m.state.G).round !== round ||
          !this.hooks.waiting(m.state.G).includes(seat)
        )
          break;
        const view = this.authority.views.update(matchID, seat, m.state).state;
        const level = m.metadata.seats.find((x) => x.id === seat)?.botLevel ?? s.policy.botLevel;
        const moves = this.hooks.defaultMoves(
          view,
          seat,
          s.defaults,
          level,
          `${matchID}:${m.state._stateID}:${seat}:default`,
        );
        let stale = false;
        for (const move of moves) {
          const cur = await this.authority.load(matchID);
          const r = await this.authority.submit(
            matchID,
            seat,
            { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args } },
            cur?.state._stateID,
          );
          if (!r.ok && r.error === 'stale stateID') {
            stale = true;
            break;
          }
          // A refused order is left out; the submission still goes in.
        }
        if (!stale) break;
      }
    }
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
        this.lastActive.set(`${t.matchID}:${seat}`, this.now());
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
            ...this.withLeft(dt.timer.seconds * 1000, !!m?.metadata.paused),
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
    const online = this.online.get(sessionID) ?? new Map<string, number>();
    const now = this.now();
    const tables: ConsoleTable[] = [];
    const count =
      s.status === 'lobby' ? Math.max(s.tables.length, this.tableCountFor(s)) : s.tables.length;
    for (let i = 0; i < count; i++) {
      const t = s.tables[i];
      const m = t?.matchID ? await this.authority.load(t.matchID) : undefined;
      const waiting = m ? this.hooks.waiting(m.state.G) : [];
      const seats: ConsoleSeat[] = this.seatsOf(s.scenario).map((seat) => {
        const people = this.occupants(s, i, seat.id);
        const rec = m?.metadata.seats.find((x) => x.id === seat.id);
        const kind = rec
          ? rec.kind === 'bot'
            ? 'bot'
            : rec.kind === 'person'
              ? 'person'
              : 'open'
          : people.length > 0
            ? 'person'
            : 'bot';
        const submitted = !!m && !waiting.includes(seat.id);
        const last = t?.matchID ? this.lastActive.get(`${t.matchID}:${seat.id}`) : undefined;
        const offline = people.length > 0 && people.every((p) => !online.has(p.id));
        const idle =
          !!m &&
          kind === 'person' &&
          !submitted &&
          m.metadata.gameover === undefined &&
          (offline || (last !== undefined && now - last > IDLE_MS));
        return {
          id: seat.id,
          role: seat.role,
          label: seat.name,
          kind,
          people: people.map((p) => p.name),
          submitted,
          idle,
        };
      });
      tables.push({
        table: i,
        matchID: t?.matchID ?? null,
        scenario: s.scenario,
        paused: m?.metadata.paused ?? false,
        seats,
        observers: s.students
          .filter((x) => x.assignment?.table === i && x.assignment.seat === null)
          .map((x) => x.name),
        figures: m ? this.hooks.figures(m.state.G) : null,
        timer: t?.timer
          ? { seconds: t.timer.seconds, endsAt: t.timer.endsAt, leftMs: t.timer.leftMs }
          : null,
      });
    }
    return {
      sessionID: s.id,
      code: s.code,
      scenario: s.scenario,
      status: s.status,
      policy: s.policy,
      defaults: s.defaults,
      roundSeconds: s.roundSeconds,
      roster: s.students.map((x) => ({
        studentID: x.id,
        name: x.name,
        assignment: x.assignment,
        online: online.has(x.id),
      })),
      tables,
      at: now,
    };
  }

  studentSnapshot(s: SessionRecord, st: SessionStudent): StudentSnapshot {
    const a = st.assignment;
    const t = a ? s.tables[a.table] : undefined;
    let play: StudentSnapshot['play'] = null;
    if (a && t?.matchID) {
      const credentials = a.seat !== null ? t.seatCredentials[a.seat] : undefined;
      const label =
        a.seat !== null ? this.seatsOf(s.scenario).find((x) => x.id === a.seat)?.name : undefined;
      play = {
        matchID: t.matchID,
        playerID: credentials ? a.seat : null,
        ...(credentials ? { credentials } : {}),
        ...(label ? { label } : {}),
      };
    }
    return {
      sessionID: s.id,
      scenario: s.scenario,
      name: st.name,
      status: s.status,
      assignment: a,
      play,
      timer: t?.timer
        ? { seconds: t.timer.seconds, endsAt: t.timer.endsAt, leftMs: t.timer.leftMs }
        : null,
      at: this.now(),
    };
  }

  /** Every secret of one table, for the facilitator. */
  async tableView(sessionID: string, table: number): Promise<unknown> {
    const s = await this.get(sessionID);
    if (!s) throw new HttpError(404, 'no such session');
    const [i] = this.tablesOf(s, table);
    const m = await this.matchOf(s.tables[i!]!);
    return this.hooks.facilitatorView(m.state.G);
  }

  /** The session a match belongs to, and its table. */
  tableOfMatch(matchID: string): { sessionID: string; table: number } | undefined {
    return this.byMatch.get(matchID);
  }

  cached(sessionID: string): SessionRecord | undefined {
    return this.sessions.get(sessionID);
  }

  seatExists(s: SessionRecord, seat: string): boolean {
    return this.seatsOf(s.scenario).some((x) => x.id === seat);
  }

  // ---- talk ----

  talk(sessionID: string): Promise<TalkMessage[]> {
    return this.authority.store.listTalk(sessionID);
  }

  appendTalk(sessionID: string, message: TalkMessage): Promise<void> {
    return this.authority.store.appendTalk(sessionID, message);
  }
}

/** A refused custom card: the message, and one entry per faulty field. */
export class CardError extends HttpError {
  constructor(readonly fields: FieldError[]) {
    super(400, `the card is not valid: ${fields.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}
