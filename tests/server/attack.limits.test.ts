import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import {
  api,
  Client,
  createMatch,
  sleep,
  startTestServer,
  TEST_PROCESSES,
  waitUntil,
} from './helpers';

describe('flood limits', () => {
  let server: RunningServer;
  const all: Client[] = [];
  afterEach(async () => {
    all.splice(0).forEach((c) => c.close());
    await server.close();
  });

  it('caps open sockets per address', async () => {
    server = await startTestServer({ limits: { maxPerAddress: 3 } });
    // Sockets are each process's own: three per process (behind nginx, which spreads them).
    const cap = 3 * TEST_PROCESSES;
    for (let i = 0; i < cap; i++) {
      const c = new Client(server.url);
      all.push(c);
      await c.connected();
    }
    const extra = new Client(server.url);
    all.push(extra);
    await expect(extra.connected()).rejects.toThrow();
    all[0]!.close();
    // The server frees the address's slot once it sees the connection close: a new socket is
    // let in again (tried until then; each refused try is closed at once).
    await waitUntil(
      () => server.io.engine.clientsCount < 3 || TEST_PROCESSES > 1,
      5000,
      'the server to see it close',
    );
    const deadline = Date.now() + 5000;
    for (;;) {
      const again = new Client(server.url);
      all.push(again);
      const ok = await again.connected().then(
        () => true,
        () => false,
      );
      if (ok) break;
      again.close();
      if (Date.now() > deadline) throw new Error('no socket let in after one closed');
      await sleep(50);
    }
  });

  it('rate-limits join-code lookups so codes cannot be enumerated', async () => {
    server = await startTestServer({
      lobby: { codeMissesPerMinute: 60, codeMissBurst: 10, openMatchesPerAddress: 100 },
    });
    const m = await createMatch(server.url, { visibility: 'private' });
    // Right codes do not spend the budget: a whole class behind one address looks theirs up.
    for (let i = 0; i < 40; i++)
      expect((await api(server.url, 'GET', `/api/codes/${m.joinCode}`)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push(
        (await api(server.url, 'GET', `/api/codes/ZZZZ${String(i).padStart(2, '2')}`)).status,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(15);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(10);
    expect((await api(server.url, 'GET', `/api/matches/${m.matchID}`)).status).toBe(200); // plain reads are not limited
  });
});
