/**
 * Ended sessions do not stay forever: the sweeper deletes each, with its roster and talk,
 * `endedSessionMs` after its last change; a session still running is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { api, startTestServer } from './helpers';
import { auth, command, consoleOf, createSession, joinAll, NAMES } from './session-helpers';

const DAY = 86_400_000;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('session retention', () => {
  it('deletes an ended session, its roster and its talk after the configured age; keeps running ones', async () => {
    let now = Date.now();
    const srv = (server = await startTestServer({
      served: chokepointServed,
      store: new MemoryStore(),
      bots: { delayMs: 0 },
      // Matches are left alone here: only sessions' retention is under test.
      sweep: {
        endedSessionMs: 30 * DAY,
        idleMs: 1000 * DAY,
        finishedMs: 1000 * DAY,
        everyMs: 0,
        now: () => now,
      },
    }));
    const ended = await createSession(srv.url, { tables: 1 });
    const running = await createSession(srv.url, { tables: 1 });
    for (const s of [ended, running]) {
      await joinAll(srv.url, s.code, NAMES.slice(0, 2));
      expect((await command(srv.url, s, { kind: 'start' })).status).toBe(200);
    }
    await srv.sessions!.appendTalk(ended.sessionID, {
      id: 1,
      at: now,
      from: { kind: 'facilitator' },
      to: { kind: 'broadcast' },
      text: 'Thanks, everyone',
    });
    expect((await command(srv.url, ended, { kind: 'endMatch' })).status).toBe(200);
    expect((await consoleOf(srv.url, ended)).status).toBe('ended');
    const store = srv.authority.store;

    now += 29 * DAY;
    expect(await srv.sweeper.sweep()).toBe(0);
    expect((await consoleOf(srv.url, ended)).roster).toHaveLength(2);

    now += 2 * DAY;
    expect(await srv.sweeper.sweep()).toBe(1);
    expect(await store.loadSession(ended.sessionID)).toBeUndefined();
    expect(await store.listTalk(ended.sessionID)).toEqual([]);
    // Gone for the facilitator and for anyone with its code, from memory too.
    const c = await api(
      srv.url,
      'GET',
      `/api/sessions/${ended.sessionID}/console`,
      undefined,
      auth(ended.facilitatorToken),
    );
    expect(c.status).toBe(403);
    const j = await api(srv.url, 'POST', '/api/sessions/join', { code: ended.code, name: 'Zed' });
    expect(j.status).toBe(404);
    // A session still running is kept, however old.
    now += 400 * DAY;
    expect(await srv.sweeper.sweep()).toBe(0);
    expect((await consoleOf(srv.url, running)).status).toBe('running');
  });
});
