/**
 * A session's tables: a scenario chosen per table, and the number of tables derived from the
 * roster when the facilitator gives none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { api, startTestServer } from './helpers';
import {
  command,
  consoleOf,
  createSession,
  inject,
  joinAll,
  me,
  NAMES,
  stateOf,
} from './session-helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async () =>
  (server = await startTestServer({
    served: chokepointServed,
    store: new MemoryStore(),
    bots: { delayMs: 0 },
  }));

describe('session tables', () => {
  it('plays a scenario chosen per table: each table its own match, seats and students', async () => {
    const srv = await start();
    const s = await createSession(srv.url, {
      scenario: undefined,
      tableScenarios: ['classroom', 'suitcase2024'],
    });
    let c = await consoleOf(srv.url, s);
    expect(c.tables.map((t) => t.scenario)).toEqual(['classroom', 'suitcase2024']);
    // The suitcase season has two firms: five seats for people, the classroom game four.
    expect(c.tables.map((t) => t.seats.length)).toEqual([4, 5]);

    const students = await joinAll(srv.url, s.code, NAMES.slice(0, 9));
    expect((await command(srv.url, s, { kind: 'start' })).status).toBe(200);
    c = await consoleOf(srv.url, s);
    for (const t of c.tables) {
      const meta = (await srv.authority.load(t.matchID!))!.metadata;
      expect(meta.scenario).toBe(t.scenario);
    }
    // Every student is seated (4 + 5 places), and learns the scenario of their own table.
    for (const st of students) {
      const snap = await me(srv.url, s, st.token);
      expect(snap.play?.playerID).toBe(snap.assignment!.seat);
      expect(snap.scenario).toBe(c.tables[snap.assignment!.table]!.scenario);
    }
    expect(c.tables.map((t) => t.seats.filter((x) => x.kind === 'person').length)).toEqual([4, 5]);
  });

  it('refuses a bad scenario list with a message naming the table, and creates nothing', async () => {
    const srv = await start();
    const before = (await srv.authority.store.listOpenSessions()).length;
    for (const [body, msg] of [
      [
        { tableScenarios: ['classroom', 'nope'] },
        /tableScenarios\[1\] \(table 2\): unknown scenario "nope"/,
      ],
      [
        { tableScenarios: ['classroom', 7] },
        /tableScenarios\[1\] \(table 2\): must be a scenario id/,
      ],
      [{ tableScenarios: [] }, /one per table/],
      [{ tableScenarios: 'classroom' }, /one per table/],
      [
        { tables: 3, tableScenarios: ['classroom', 'tiered2025'] },
        /tables is 3 but tableScenarios names 2/,
      ],
    ] as const) {
      const r = await api(srv.url, 'POST', '/api/sessions', { scenario: 'classroom', ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error).toMatch(msg);
    }
    expect((await srv.authority.store.listOpenSessions()).length).toBe(before);
  });

  it('derives the tables from the roster: nine students, four seats a table, three balanced tables', async () => {
    const srv = await start();
    const s = await createSession(srv.url); // no number of tables
    const students = await joinAll(srv.url, s.code, NAMES.slice(0, 9));
    // Before the start the console already shows the tables the roster needs.
    expect((await consoleOf(srv.url, s)).tables).toHaveLength(3);
    expect((await command(srv.url, s, { kind: 'start' })).status).toBe(200);
    const c = await consoleOf(srv.url, s);
    expect(c.tables).toHaveLength(3);
    // Three people and one bot at each table, not four, four and one.
    expect(c.tables.map((t) => t.seats.filter((x) => x.kind === 'person').length)).toEqual([
      3, 3, 3,
    ]);
    expect(c.tables.map((t) => t.seats.filter((x) => x.kind === 'bot').length)).toEqual([1, 1, 1]);
    // The bot seats differ from table to table, so no role is left to bots everywhere.
    const botRoles = c.tables.map((t) => t.seats.find((x) => x.kind === 'bot')!.role);
    expect(new Set(botRoles).size).toBe(3);
    // Every student has a seat of their own at a running table.
    const places = new Set<string>();
    for (const st of students) {
      const snap = await me(srv.url, s, st.token);
      expect(snap.play?.credentials).toBeTruthy();
      places.add(`${snap.assignment!.table}:${snap.assignment!.seat}`);
    }
    expect(places.size).toBe(9);
  });

  it("a card injected from the deck at one table leaves that table's deck, and only that one", async () => {
    const srv = await start();
    const s = await createSession(srv.url, { tables: 2 });
    await joinAll(srv.url, s.code, NAMES.slice(0, 2));
    await command(srv.url, s, { kind: 'start' });
    const c = await consoleOf(srv.url, s);
    const [a, b] = c.tables.map((t) => t.matchID!);
    const deckA = (await stateOf(srv, a!)).secret!.deck.flat();
    const deckB = (await stateOf(srv, b!)).secret!.deck.flat();
    // A card both tables will be dealt later.
    const id = deckA.find((x) => deckB.includes(x))!;
    expect(id).toBeDefined();
    const r = await inject(srv.url, s, { table: 0, card: id });
    expect(r.status, r.text).toBe(200);
    expect((await stateOf(srv, a!)).secret!.deck.flat()).not.toContain(id);
    expect((await stateOf(srv, a!)).scheduled).toContainEqual({ round: 2, card: id });
    expect((await stateOf(srv, b!)).secret!.deck.flat()).toContain(id);
  });
});
