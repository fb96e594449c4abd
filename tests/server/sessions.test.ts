/**
 * Sessions on the server: a facilitator creates a session, students join with its code, the
 * console seats them at tables (ordinary matches) and steers them; bad input changes nothing;
 * only the facilitator's token runs the console; a student learns only their own place; the
 * session, roster and timers survive a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { readReplay } from '../../game/replay';
import type { GameState } from '../../game/state';
import type {
  ConsoleSnapshot,
  SessionCreated,
  StudentSnapshot,
  TalkMessage,
} from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { SqliteStore } from '../../src/server/storage/sqlite';
import type { MatchStore } from '../../src/server/storage/types';
import { api, startTestServer } from './helpers';
import { WORKSHOP_CARD } from '../replay/fixtures';

let server: RunningServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const start = async (store: MatchStore = new MemoryStore()) =>
  (server = await startTestServer({ served: chokepointServed, store, bots: { delayMs: 0 } }));

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function createSession(base: string, body: Record<string, unknown> = {}) {
  const r = await api(base, 'POST', '/api/sessions', { scenario: 'classroom', ...body });
  expect(r.status, r.text).toBe(201);
  return r.json as unknown as SessionCreated;
}

async function joinAll(base: string, code: string, names: string[]) {
  const out: { name: string; token: string; studentID: string }[] = [];
  for (const name of names) {
    const r = await api(base, 'POST', '/api/sessions/join', { code, name });
    expect(r.status, r.text).toBe(200);
    out.push({ name, token: r.json.token as string, studentID: r.json.studentID as string });
  }
  return out;
}

const command = (base: string, s: SessionCreated, cmd: Record<string, unknown>) =>
  api(base, 'POST', `/api/sessions/${s.sessionID}/command`, cmd, auth(s.facilitatorToken));

const consoleOf = async (base: string, s: SessionCreated) => {
  const r = await api(
    base,
    'GET',
    `/api/sessions/${s.sessionID}/console`,
    undefined,
    auth(s.facilitatorToken),
  );
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as ConsoleSnapshot;
};

const me = async (base: string, s: SessionCreated, token: string) => {
  const r = await api(base, 'GET', `/api/sessions/${s.sessionID}/me`, undefined, auth(token));
  expect(r.status, r.text).toBe(200);
  return r.json as unknown as StudentSnapshot;
};

const stateOf = async (srv: RunningServer, matchID: string) =>
  (await srv.authority.load(matchID))!.state.G as GameState;

async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana'];

describe('sessions', () => {
  it('joins by code, deals the roster evenly to tables and roles, and starts every table', async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 2 });
    expect(s.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(s.joinUrl).toContain(`/class/${s.code}`);
    const students = await joinAll(srv.url, s.code.toLowerCase(), NAMES);
    expect((await command(srv.url, s, { kind: 'autoAssign' })).status).toBe(200);
    let c = await consoleOf(srv.url, s);
    expect(c.tables).toHaveLength(2);
    for (const t of c.tables) {
      expect(t.seats.map((x) => x.people.length)).toEqual([1, 1, 1, 1]);
    }
    // Each role goes to a different student at each table.
    const seated = c.roster.map((r) => `${r.assignment?.table}:${r.assignment?.seat}`);
    expect(new Set(seated).size).toBe(8);

    expect((await command(srv.url, s, { kind: 'start' })).status).toBe(200);
    c = await consoleOf(srv.url, s);
    expect(c.status).toBe('running');
    expect(c.tables.every((t) => t.matchID && t.figures?.round === 1)).toBe(true);
    expect(c.tables[0]!.seats.every((x) => x.kind === 'person' && !x.submitted)).toBe(true);

    // A student learns only their own table and seat, with the credentials for it.
    const ana = await me(srv.url, s, students[0]!.token);
    expect(ana.play?.matchID).toBe(c.tables[ana.assignment!.table]!.matchID);
    expect(ana.play?.playerID).toBe(ana.assignment!.seat);
    expect(JSON.stringify(ana)).not.toContain(c.tables[1 - ana.assignment!.table]!.matchID!);
    const meta = (await srv.authority.load(ana.play!.matchID))!.metadata;
    expect(meta.seats.find((x) => x.id === ana.play!.playerID)?.name).toBe('Ana');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const srv = await start();
    for (const [body, msg] of [
      [{ roundSeconds: 9 }, /between 10 seconds and one day/],
      [{ roundSeconds: 86_401 }, /between 10 seconds and one day/],
      [{ scenario: 'nope' }, /unknown scenario/],
      [{ tables: 0 }, /tables must be/],
      [{ policy: { teamSize: 4 } }, /teamSize/],
    ] as const) {
      const r = await api(srv.url, 'POST', '/api/sessions', { scenario: 'classroom', ...body });
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(msg);
    }
    const s = await createSession(srv.url, { tables: 1, policy: { observers: false } });
    const wrong = await api(srv.url, 'POST', '/api/sessions/join', {
      code: 'ZZZZZZZZ',
      name: 'Ana',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.json.error).toMatch(/no session has that code/);
    await joinAll(srv.url, s.code, NAMES.slice(0, 4));
    const dup = await api(srv.url, 'POST', '/api/sessions/join', { code: s.code, name: 'ana' });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatch(/already called/);
    const full = await api(srv.url, 'POST', '/api/sessions/join', { code: s.code, name: 'Zed' });
    expect(full.status).toBe(409);
    expect(full.json.error).toMatch(/session is full/);
    expect((await consoleOf(srv.url, s)).roster.map((r) => r.name)).toEqual(NAMES.slice(0, 4));

    await command(srv.url, s, { kind: 'start' });
    for (const seconds of [9.9, 86_401, 'ten']) {
      const r = await command(srv.url, s, { kind: 'timer', seconds });
      expect(r.status).toBe(400);
    }
    expect((await consoleOf(srv.url, s)).tables[0]!.timer).toBeNull();

    // An inject to an ended table: refused, the table untouched.
    expect((await command(srv.url, s, { kind: 'endMatch', table: 0 })).status).toBe(200);
    const c = await consoleOf(srv.url, s);
    expect(c.tables[0]!.figures?.over).toBe(true);
    expect(c.status).toBe('ended');
    const before = await stateOf(srv, c.tables[0]!.matchID!);
    const inj = await api(
      srv.url,
      'POST',
      `/api/sessions/${s.sessionID}/inject`,
      { table: 0, card: 'kyc-proposal' },
      auth(s.facilitatorToken),
    );
    expect(inj.status).toBe(409);
    expect(inj.json.error).toMatch(/ended/);
    expect(await stateOf(srv, c.tables[0]!.matchID!)).toBe(before);
    // An ended session takes nobody new.
    const late = await api(srv.url, 'POST', '/api/sessions/join', { code: s.code, name: 'Zed' });
    expect(late.status).toBe(410);
  });

  it('runs the console only for the facilitator token', async () => {
    const srv = await start();
    const s = await createSession(srv.url);
    const other = await createSession(srv.url);
    const [ana] = await joinAll(srv.url, s.code, ['Ana']);
    for (const token of [ana!.token, other.facilitatorToken, 'nonsense']) {
      const r = await api(
        srv.url,
        'POST',
        `/api/sessions/${s.sessionID}/command`,
        { kind: 'start' },
        auth(token),
      );
      expect(r.status).toBe(403);
      const g = await api(
        srv.url,
        'GET',
        `/api/sessions/${s.sessionID}/console`,
        undefined,
        auth(token),
      );
      expect(g.status).toBe(403);
    }
    expect((await consoleOf(srv.url, s)).status).toBe('lobby');
    // And a student's token shows only that student.
    const wrong = await api(
      srv.url,
      'GET',
      `/api/sessions/${s.sessionID}/me`,
      undefined,
      auth(other.facilitatorToken),
    );
    expect(wrong.status).toBe(403);
  });

  it('ends a round now with each waiting seat given its default, and a timer does the same', async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 2, defaults: 'hold' });
    await joinAll(srv.url, s.code, NAMES);
    await command(srv.url, s, { kind: 'start' });
    let c = await consoleOf(srv.url, s);
    const [m0, m1] = c.tables.map((t) => t.matchID!);
    expect((await command(srv.url, s, { kind: 'endRound', table: 0 })).status).toBe(200);
    await until(async () => (await stateOf(srv, m0!)).round === 2);
    const g0 = await stateOf(srv, m0!);
    // "hold": every seat submitted no orders and no card.
    expect(g0.opened.filter((p) => p.round === 1).every((p) => p.card === null)).toBe(true);
    expect((await stateOf(srv, m1!)).round).toBe(1);

    // A 10-second timer on table 1 runs out and the round resolves on its own.
    expect((await command(srv.url, s, { kind: 'timer', table: 1, seconds: 10 })).status).toBe(200);
    c = await consoleOf(srv.url, s);
    expect(c.tables[1]!.timer?.endsAt).toBeGreaterThan(Date.now() + 5_000);
    await until(async () => (await stateOf(srv, m1!)).round === 2, 30_000);
    // It starts again for the new round.
    await until(async () => (await consoleOf(srv.url, s)).tables[1]!.timer?.endsAt != null);
  }, 60_000);

  it('pauses, moves a student, gives a seat to a bot, and injects a card marked in the log', async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 1, defaults: 'bot' });
    const st = await joinAll(srv.url, s.code, NAMES.slice(0, 3));
    await command(srv.url, s, { kind: 'start' });
    const c = await consoleOf(srv.url, s);
    const matchID = c.tables[0]!.matchID!;
    expect(c.tables[0]!.seats.filter((x) => x.kind === 'bot')).toHaveLength(1);

    await command(srv.url, s, { kind: 'pause' });
    expect((await srv.authority.load(matchID))!.metadata.paused).toBe(true);
    await command(srv.url, s, { kind: 'resume' });
    expect((await srv.authority.load(matchID))!.metadata.paused).toBe(false);

    // Move Ana into the bot's seat: she gets fresh credentials there; her old seat goes to a bot.
    const anaBefore = await me(srv.url, s, st[0]!.token);
    const botSeat = c.tables[0]!.seats.find((x) => x.kind === 'bot')!.id;
    expect(
      (
        await command(srv.url, s, {
          kind: 'assign',
          studentID: st[0]!.studentID,
          table: 0,
          seat: botSeat,
        })
      ).status,
    ).toBe(200);
    const anaAfter = await me(srv.url, s, st[0]!.token);
    expect(anaAfter.play?.playerID).toBe(botSeat);
    expect(anaAfter.play?.credentials).not.toBe(anaBefore.play?.credentials);
    const meta = (await srv.authority.load(matchID))!.metadata;
    expect(meta.seats.find((x) => x.id === anaBefore.play!.playerID)?.kind).toBe('bot');
    expect(meta.seats.find((x) => x.id === botSeat)?.kind).toBe('person');

    // Replace Ben's seat by a bot: Ben follows the table as an observer.
    const ben = await me(srv.url, s, st[1]!.token);
    await command(srv.url, s, { kind: 'bot', table: 0, seat: ben.assignment!.seat });
    const benNow = await me(srv.url, s, st[1]!.token);
    expect(benNow.assignment).toEqual({ table: 0, seat: null });
    expect(benNow.play?.credentials).toBeUndefined();

    // A written card with faults: one message per field, nothing changed.
    const before = await stateOf(srv, matchID);
    const bad = await api(
      srv.url,
      'POST',
      `/api/sessions/${s.sessionID}/inject`,
      {
        table: 0,
        card: {
          id: 'Bad Id',
          title: '',
          date: '2024',
          source: 'x',
          text: 't',
          effectText: 'e',
          effects: [],
          favours: 'nobody',
        },
      },
      auth(s.facilitatorToken),
    );
    expect(bad.status).toBe(400);
    const fields = (bad.json.fields as { path: string }[]).map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['id', 'title', 'date', 'effects', 'favours']));
    expect(await stateOf(srv, matchID)).toBe(before);

    const ok = await api(
      srv.url,
      'POST',
      `/api/sessions/${s.sessionID}/inject`,
      { card: WORKSHOP_CARD },
      auth(s.facilitatorToken),
    );
    expect(ok.status, ok.text).toBe(200);
    const g = await stateOf(srv, matchID);
    expect(
      g.log.some(
        (e) => e.to === 'public' && e.text.includes('Inject by the facilitator: "Workshop shock"'),
      ),
    ).toBe(true);
    const tension = g.tension;
    await command(srv.url, s, { kind: 'endRound' });
    await until(async () => (await stateOf(srv, matchID)).round === 2);
    const after = await stateOf(srv, matchID);
    expect(after.news).toContainEqual({ id: 'workshop-shock', round: 2, by: null });
    expect(after.log.some((e) => e.text.startsWith('News: Workshop shock'))).toBe(true);
    void tension;

    // The facilitator opens the table and sees every seat's secrets.
    const view = await api(
      srv.url,
      'GET',
      `/api/sessions/${s.sessionID}/tables/0`,
      undefined,
      auth(s.facilitatorToken),
    );
    const full = view.json.view as GameState;
    expect(full.market).not.toBeNull();
    expect(Object.values(full.firms).every((f) => !f.secrets.redacted)).toBe(true);
    expect(full.secret).toBeNull();
  }, 60_000);

  it('keeps sessions, rosters and timers across a restart; a timer resumes with the time it had left', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'sessions-'));
    dirs.push(dir);
    const file = joinPath(dir, 'db.sqlite');
    let srv = await start(new SqliteStore(file));
    const s = await createSession(srv.url, { tables: 1 });
    const st = await joinAll(srv.url, s.code, NAMES.slice(0, 4));
    await command(srv.url, s, { kind: 'start' });
    await command(srv.url, s, { kind: 'timer', seconds: 600 });
    const before = await consoleOf(srv.url, s);
    const left = before.tables[0]!.timer!.endsAt! - Date.now();
    await srv.close();
    server = undefined;
    await new Promise((r) => setTimeout(r, 1500));
    srv = await start(new SqliteStore(file));
    const after = await consoleOf(srv.url, s);
    expect(after.roster.map((r) => [r.name, r.assignment])).toEqual(
      before.roster.map((r) => [r.name, r.assignment]),
    );
    expect(after.tables[0]!.matchID).toBe(before.tables[0]!.matchID);
    // Not 1.5 s less: the time it had when the server stopped.
    const leftNow = after.tables[0]!.timer!.endsAt! - Date.now();
    expect(leftNow).toBeGreaterThan(left - 1000);
    expect(leftNow).toBeLessThanOrEqual(600_000);
    const ana = await me(srv.url, s, st[0]!.token);
    expect(ana.play?.credentials).toBeTruthy();
  }, 60_000);
});

function watch(base: string, sessionID: string, token: string) {
  const socket: Socket = connect(base + '/session', {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const talk: TalkMessage[] = [];
  const consoles: ConsoleSnapshot[] = [];
  socket.on('session:talk', (ms: TalkMessage[]) => talk.push(...ms));
  socket.on('session:console', (c: ConsoleSnapshot) => consoles.push(c));
  const ready = new Promise<void>((ok, fail) =>
    socket.emit('session:watch', { sessionID, token }, (r: { ok: boolean; error?: string }) =>
      r.ok ? ok() : fail(new Error(r.error)),
    ),
  );
  const say = (body: unknown) =>
    new Promise<{ ok: boolean; error?: string }>((ok) => socket.emit('session:say', body, ok));
  return { socket, talk, consoles, ready, say };
}

describe('talk', () => {
  it('delivers a private message only to its addressee (and the facilitator), table chat to the table', async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 2 });
    const st = await joinAll(srv.url, s.code, NAMES);
    await command(srv.url, s, { kind: 'start' });
    const who = await Promise.all(st.map((x) => me(srv.url, s, x.token)));
    const socks = st.map((x) => watch(srv.url, s.sessionID, x.token));
    const fac = watch(srv.url, s.sessionID, s.facilitatorToken);
    await Promise.all([...socks, fac].map((x) => x.ready));
    const a = 0;
    const table = who[a]!.assignment!.table;
    const b = who.findIndex((w, i) => i !== a && w.assignment!.table === table);
    const to = who[b]!.assignment!.seat;
    expect(await socks[a]!.say({ text: 'meet me <b>offline</b>', to: { seat: to } })).toEqual({
      ok: true,
    });
    expect(await socks[a]!.say({ text: 'hello table' })).toEqual({ ok: true });
    expect(await fac.say({ text: 'five minutes left', to: { kind: 'broadcast' } })).toEqual({
      ok: true,
    });
    await until(() => fac.talk.length === 3 && socks[b]!.talk.length === 3);
    await new Promise((r) => setTimeout(r, 200));
    for (const [i, x] of socks.entries()) {
      const texts = x.talk.map((m) => m.text);
      const sameTable = who[i]!.assignment!.table === table;
      expect(texts.includes('meet me <b>offline</b>')).toBe(i === a || i === b);
      expect(texts.includes('hello table')).toBe(sameTable);
      expect(texts).toContain('five minutes left');
    }
    // Size and rate limits: refused with a message, nothing stored.
    expect((await socks[b]!.say({ text: 'x'.repeat(501) })).error).toMatch(/1 to 500/);
    let refused = '';
    for (let i = 0; i < 10 && !refused; i++)
      refused = (await socks[b]!.say({ text: `m${i}` })).error ?? '';
    expect(refused).toMatch(/too many/);
    const stored = await srv.authority.store.listTalk(s.sessionID);
    expect(stored.some((m) => m.text.length > 500)).toBe(false);
    [...socks, fac].forEach((x) => x.socket.close());
  }, 60_000);

  it("a table's replay file carries the talk the table read; private messages only for the facilitator", async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 2 });
    const st = await joinAll(srv.url, s.code, NAMES);
    await command(srv.url, s, { kind: 'start' });
    const who = await Promise.all(st.map((x) => me(srv.url, s, x.token)));
    const socks = st.map((x) => watch(srv.url, s.sessionID, x.token));
    const fac = watch(srv.url, s.sessionID, s.facilitatorToken);
    await Promise.all([...socks, fac].map((x) => x.ready));
    const a = who.findIndex((w) => w.assignment?.seat != null);
    const { table, seat: from } = who[a]!.assignment!;
    const b = who.findIndex(
      (w) =>
        w.assignment?.table === table && w.assignment.seat !== null && w.assignment.seat !== from,
    );
    const c = who.findIndex((w) => w.assignment?.table !== table && w.assignment?.seat != null);
    const to = who[b]!.assignment!.seat!;
    const said = [
      await socks[a]!.say({ text: 'just us', to: { seat: to } }),
      await socks[a]!.say({ text: 'hello table' }),
      await socks[c]!.say({ text: 'other table' }),
      await fac.say({ text: 'five minutes left', to: { kind: 'broadcast' } }),
      await fac.say({ text: 'for this table', to: { kind: 'table', table } }),
      await fac.say({ text: 'psst', to: { kind: 'seat', table, seat: to } }),
    ];
    expect(said.every((r) => r.ok)).toBe(true);
    const matchID = (await consoleOf(srv.url, s)).tables[table]!.matchID!;
    const url = `/api/matches/${matchID}/replay?messages=1`;
    const messagesOf = async (headers: Record<string, string>) => {
      const r = await api(srv.url, 'GET', url, undefined, headers);
      expect(r.status, r.text).toBe(200);
      const read = readReplay(r.text);
      if (!read.ok) throw new Error(read.error);
      return read.file.messages;
    };
    // The facilitator's download, while the table plays: every message said at the table.
    expect(await messagesOf(auth(s.facilitatorToken))).toEqual([
      { round: 1, seat: from, to, text: 'just us' },
      { round: 1, seat: from, text: 'hello table' },
      { round: 1, facilitator: true, text: 'five minutes left' },
      { round: 1, facilitator: true, text: 'for this table' },
      { round: 1, facilitator: true, to, text: 'psst' },
    ]);
    // Anyone's, once it is over: only what the whole table read.
    expect((await api(srv.url, 'GET', url)).status).toBe(403);
    await command(srv.url, s, { kind: 'endMatch', table });
    await until(async () => (await stateOf(srv, matchID)).over);
    expect(await messagesOf({})).toEqual([
      { round: 1, seat: from, text: 'hello table' },
      { round: 1, facilitator: true, text: 'five minutes left' },
      { round: 1, facilitator: true, text: 'for this table' },
    ]);
    [...socks, fac].forEach((x) => x.socket.close());
  }, 60_000);
});
