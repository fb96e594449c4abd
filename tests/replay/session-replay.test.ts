/**
 * A session's match with the facilitator's console changes (an inject while the seats plan, a
 * written card, ending the match early) downloads as a replay file that applies each change at
 * the point it was made and replays to the very state the server ended with.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReplay, stateHash } from '../../game/replay';
import type { GameState } from '../../game/state';
import type { ConsoleSnapshot, SessionCreated } from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { api, startTestServer } from '../server/helpers';
import { until, WORKSHOP_CARD } from './fixtures';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe("a session match's replay", () => {
  it("keeps the facilitator's injects and ending, each where it was made", async () => {
    const srv = (server = await startTestServer({
      served: chokepointServed,
      store: new MemoryStore(),
      bots: { delayMs: 0 },
    }));
    const created = await api(srv.url, 'POST', '/api/sessions', {
      scenario: 'classroom',
      tables: 1,
      defaults: 'bot',
    });
    expect(created.status, created.text).toBe(201);
    const s = created.json as unknown as SessionCreated;
    for (const name of ['Ana', 'Ben', 'Chloé'])
      expect(
        (await api(srv.url, 'POST', '/api/sessions/join', { code: s.code, name })).status,
      ).toBe(200);
    const post = (what: string, body: Record<string, unknown>) =>
      api(srv.url, 'POST', `/api/sessions/${s.sessionID}/${what}`, body, auth(s.facilitatorToken));
    expect((await post('command', { kind: 'start' })).status).toBe(200);
    const consoleOf = async () =>
      (
        await api(
          srv.url,
          'GET',
          `/api/sessions/${s.sessionID}/console`,
          undefined,
          auth(s.facilitatorToken),
        )
      ).json as unknown as ConsoleSnapshot;
    const matchID = (await consoleOf()).tables[0]!.matchID!;
    const G = async () => (await srv.authority.load(matchID))!.state.G as GameState;

    // The bot seat plans at once; the inject comes after its actions, before the people's.
    await until(async () =>
      (await consoleOf()).tables[0]!.seats.some((x) => x.kind === 'bot' && x.submitted),
    );
    expect((await post('inject', { table: 0, card: 'kyc-proposal' })).status).toBe(200);
    await post('command', { kind: 'endRound' });
    await until(async () => (await G()).round === 2);
    expect((await post('inject', { table: 0, card: WORKSHOP_CARD })).status).toBe(200);
    await post('command', { kind: 'endRound' });
    await until(async () => (await G()).round === 3);
    expect((await post('command', { kind: 'endMatch', table: 0 })).status).toBe(200);
    await until(async () => (await G()).over);

    const r = await api(srv.url, 'GET', `/api/matches/${matchID}/replay`);
    expect(r.status).toBe(200);
    const read = readReplay(r.text);
    if (!read.ok) throw new Error(read.error);
    const { file, replay } = read;
    expect(file.console.map((c) => c.kind)).toEqual(['inject', 'inject', 'end']);
    // The first inject: after the bot's actions, before any of round 1's people acted.
    const firstAt = file.console[0]!.at;
    expect(firstAt).toBeGreaterThan(0);
    expect(new Set(file.actions.slice(0, firstAt).map((a) => a.seat)).size).toBe(1);
    expect(file.console[1]).toMatchObject({ kind: 'inject', card: WORKSHOP_CARD });
    expect(file.console[1]!.at).toBeGreaterThanOrEqual(replay.actionsAt[2]!);
    expect(file.console[1]!.at).toBeLessThan(replay.actionsAt[3]!);
    expect(file.console[2]).toEqual({ at: file.actions.length, kind: 'end' });
    const held = await G();
    const last = replay.states.at(-1)!;
    expect(stateHash(last)).toBe(stateHash(held));
    expect(last.round).toBe(3);
    expect(last.outcome).toEqual(held.outcome);
  }, 60_000);
});
