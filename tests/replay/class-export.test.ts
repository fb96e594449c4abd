/**
 * GET /api/sessions/ID/export: the facilitator (and only they) downloads every table of a
 * session side by side; the class view reads it into each table's outcome, the wins by role
 * and the indicators round by round, and writes the CSV.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorsOf } from '../../game/engine';
import type { GameState } from '../../game/state';
import type { SessionCreated, TalkMessage } from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import {
  indicatorGrid,
  readSessionExport,
  type SessionExportData,
  sessionCsv,
  tableOutcomes,
  winsByRole,
} from '../../src/app/debrief/class';
import { api, startTestServer } from '../server/helpers';
import { until } from './fixtures';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("a session's export and class view", () => {
  it('gives the facilitator every table side by side, and nobody else', async () => {
    const srv = (server = await startTestServer({
      served: chokepointServed,
      store: new MemoryStore(),
      bots: { delayMs: 0 },
    }));
    const created = await api(srv.url, 'POST', '/api/sessions', {
      scenario: 'classroom',
      tables: 3,
      defaults: 'bot',
    });
    expect(created.status, created.text).toBe(201);
    const s = created.json as unknown as SessionCreated;
    const url = `/api/sessions/${s.sessionID}/export`;
    const auth = { authorization: `Bearer ${s.facilitatorToken}` };
    // Before the tables start there is nothing to compare.
    expect((await api(srv.url, 'GET', url, undefined, auth)).status).toBe(409);
    const start = await api(
      srv.url,
      'POST',
      `/api/sessions/${s.sessionID}/command`,
      { kind: 'start' },
      auth,
    );
    expect(start.status, start.text).toBe(200);
    const matchIDs = (
      (await api(srv.url, 'GET', `/api/sessions/${s.sessionID}/console`, undefined, auth)).json as {
        tables: { matchID: string }[];
      }
    ).tables.map((t) => t.matchID);
    expect(matchIDs).toHaveLength(3);
    const G = async (id: string) => (await srv.authority.load(id))!.state.G as GameState;
    await until(async () => (await Promise.all(matchIDs.map(G))).every((g) => g.over), 60_000);

    for (const headers of [{}, { authorization: 'Bearer nonsense' }] as Record<string, string>[]) {
      const r = await api(srv.url, 'GET', url, undefined, headers);
      expect(r.status).toBe(403);
      expect(r.text).not.toContain('indicators');
    }
    const r = await api(srv.url, 'GET', url, undefined, auth);
    expect(r.status, r.text).toBe(200);
    const read = readSessionExport(r.json);
    if (!read.ok) throw new Error(read.error);
    const data = read.data;
    expect(data).toMatchObject({
      format: 'chokepoint-session',
      code: s.code,
      scenario: 'classroom',
      status: 'ended',
    });
    expect(data.tables.map((t) => t.matchID)).toEqual(matchIDs);
    // No table's generator leaves the server, even to its facilitator.
    expect(r.text).not.toContain('"rng"');

    const outcomes = tableOutcomes(data);
    for (const [i, t] of outcomes.entries()) {
      const held = await G(matchIDs[i]!);
      expect(t.over).toBe(true);
      expect(t.seats.filter((x) => x.won).map((x) => x.seat)).toEqual(held.outcome!.winners);
      expect(t.seats.every((x) => x.who === 'bot')).toBe(true);
    }
    const wins = winsByRole(outcomes);
    expect(wins.map((w) => w.role).sort()).toEqual(['firm', 'hub', 'regulator', 'vendor']);
    for (const w of wins) {
      expect(w.ended).toBe(3);
      expect(w.how).toHaveLength(w.wins);
    }
    const totalWins = outcomes.flatMap((t) => t.seats).filter((x) => x.won).length;
    expect(wins.reduce((a, w) => a + w.wins, 0)).toBe(totalWins);

    const grid = indicatorGrid(data, 'tension');
    expect(grid.map((g) => g.round)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const row of grid) {
      const values = await Promise.all(
        matchIDs.map(async (id) => indicatorsOf((await G(id)).indicators, row.round)!.tension),
      );
      expect(row.values).toEqual(values);
    }
    expect(data.tables.every((t) => !('messages' in t))).toBe(true);

    // With ?messages=1 each table carries its own talk and the broadcasts, no other table's.
    const say = (id: number, to: TalkMessage['to'], text: string) =>
      srv.sessions!.appendTalk(s.sessionID, {
        id,
        at: 1_700_000_000_000 + id,
        from: { kind: 'facilitator' },
        to,
        text,
      });
    await say(1, { kind: 'table', table: 0 }, 'Table 1, how is it going?');
    await say(2, { kind: 'seat', table: 1, seat: '0' }, 'Regulator of table 2: a word.');
    await say(3, { kind: 'broadcast' }, 'Five minutes left, everyone.');
    const talked = await api(srv.url, 'GET', `${url}?messages=1`, undefined, auth);
    const tables = (talked.json as unknown as SessionExportData).tables;
    expect(tables.map((t) => (t.messages ?? []).map((m) => m.id))).toEqual([[1, 3], [2, 3], [3]]);

    const csv = sessionCsv(data).trim().split('\n');
    expect(csv[0]).toMatch(/^table,match,round,Frontier,/);
    // The starting values (round 0), then every round.
    expect(csv).toHaveLength(1 + 3 * 7);
  }, 120_000);

  it('refuses what is not a session export, with a message', () => {
    expect(readSessionExport({ format: 'chokepoint-replay' })).toEqual({
      ok: false,
      error: 'This is not a Chokepoint session export.',
    });
    expect(
      readSessionExport({
        format: 'chokepoint-session',
        formatVersion: 1,
        tables: [{ table: 1, view: {} }],
      }),
    ).toEqual({ ok: false, error: 'Table 2 of this export is damaged.' });
  });
});
