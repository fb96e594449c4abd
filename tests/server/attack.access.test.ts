/**
 * Attacks on credentials (hole 5), CORS/origin (hole 6), frame size and rate
 * limits, display names, and the lobby's write routes, against the real server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { api, Client, createMatch, join, startTestServer } from './helpers';

describe('access attacks', () => {
  let server: RunningServer;
  const all: Client[] = [];
  const client = (headers: Record<string, string> = {}) => {
    const c = new Client(server.url, headers);
    all.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    all.splice(0).forEach((c) => c.close());
    await server.close();
  });

  it('hole 5: seats need valid credentials even before anyone joined; creds are hashed and never echoed', async () => {
    const m = await createMatch(server.url);
    const c = client();
    expect(await c.sync(m.matchID, '0')).toEqual({ ok: false, error: 'unauthorized' });
    expect(await c.sync(m.matchID, '0', 'guess')).toEqual({ ok: false, error: 'unauthorized' });
    const cred = await join(server.url, m.matchID, '0');
    const wrong = `${cred.slice(0, -1)}${cred.endsWith('A') ? 'B' : 'A'}`;
    expect(await c.sync(m.matchID, '0', wrong)).toEqual({ ok: false, error: 'unauthorized' });
    expect(await c.sync(m.matchID, '1', cred)).toEqual({ ok: false, error: 'unauthorized' });
    expect(JSON.stringify(c.frames)).not.toContain(wrong);
    const { metadata } = await server.authority.store.fetch(m.matchID, { metadata: true });
    expect(JSON.stringify(metadata)).not.toContain(cred);
    expect(JSON.stringify(metadata)).not.toContain(m.creatorToken);
    const r = await api(
      server.url,
      'POST',
      `/api/matches/${m.matchID}/leave`,
      {},
      { 'x-seat': '0', 'x-credentials': wrong },
    );
    expect(r.status).toBe(403);
    expect(r.text).not.toContain(wrong);
    expect(await c.sync(m.matchID, '0', cred)).toMatchObject({ ok: true });
  });

  it('hole 6: sockets from other origins are refused; same-origin and listed origins are allowed', async () => {
    const evil = client({ origin: 'http://evil.example' });
    await expect(evil.connected()).rejects.toThrow();
    const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(poll.status).toBe(403);
    expect(poll.headers.get('access-control-allow-origin')).toBeNull();
    await client({ origin: server.url }).connected();
    await server.close();
    server = await startTestServer({ allowedOrigins: ['http://app.example'] });
    await client({ origin: 'http://app.example' }).connected();
    await expect(client({ origin: 'http://evil.example' }).connected()).rejects.toThrow();
  });

  it('limits frame size (socket closed) and rate (frames answered with errors)', async () => {
    await server.close();
    server = await startTestServer({ limits: { perSecond: 5, burst: 5, maxStrikes: 1000 } });
    const m = await createMatch(server.url);
    const cred = await join(server.url, m.matchID, '0');
    const c = client();
    await c.sync(m.matchID, '0', cred);
    const replies = await Promise.all(
      Array.from({ length: 30 }, () => c.move(m.matchID, '0', 'advance', [9], 0)),
    );
    expect(replies.filter((r) => r.error === 'rate limited').length).toBeGreaterThanOrEqual(20);
    const big = client();
    await big.connected();
    const closed = new Promise((ok) => big.socket.once('disconnect', ok));
    big.socket.emit('chat', m.matchID, { id: 'x', payload: 'x'.repeat(64 * 1024) });
    await closed;
    expect((await server.authority.store.fetch(m.matchID, { state: true })).state?._stateID).toBe(
      0,
    );
  });

  it('display names are plain text: stored literally, sent as JSON, control/bidi characters removed', async () => {
    const m = await createMatch(server.url);
    const html = '<script>x</script>';
    await join(server.url, m.matchID, '0', html);
    await join(server.url, m.matchID, '1', 'a\u202Eb\u0000c\n d');
    const r = await api(server.url, 'GET', `/api/matches/${m.matchID}`);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const seats = r.json.seats as { name?: string }[];
    expect(seats[0]?.name).toBe(html);
    expect(seats[1]?.name).toBe('abc d');
    expect(
      (await api(server.url, 'POST', `/api/matches/${m.matchID}/join`, { seat: '2', name: '   ' }))
        .status,
    ).toBe(400);
    expect(
      (
        await api(server.url, 'POST', `/api/matches/${m.matchID}/join`, {
          seat: '2',
          name: 'x'.repeat(30),
        })
      ).status,
    ).toBe(400);
  });

  it('lobby write routes: only the creator or facilitator may pause or reassign seats', async () => {
    const m = await createMatch(server.url);
    const p0 = await join(server.url, m.matchID, '0');
    expect(
      (await api(server.url, 'POST', `/api/matches/${m.matchID}/join`, { seat: '3', name: 'x' }))
        .status,
    ).toBe(403);
    const fac = await join(server.url, m.matchID, '3', 'Teacher', undefined, m.creatorToken);
    const path = `/api/matches/${m.matchID}`;
    const seat0 = { 'x-seat': '0', 'x-credentials': p0 };
    expect((await api(server.url, 'POST', `${path}/pause`, {})).status).toBe(403);
    expect((await api(server.url, 'POST', `${path}/pause`, {}, seat0)).status).toBe(403);
    expect(
      (await api(server.url, 'POST', `${path}/pause`, {}, { authorization: 'Bearer nope' })).status,
    ).toBe(403);
    expect((await api(server.url, 'POST', `${path}/seat/1`, { kind: 'bot' }, seat0)).status).toBe(
      403,
    );
    expect(
      (
        await api(
          server.url,
          'POST',
          `${path}/seat/1`,
          { kind: 'bot' },
          { 'x-seat': '3', 'x-credentials': fac },
        )
      ).status,
    ).toBe(200);
    expect(
      (await api(server.url, 'POST', `${path}/pause`, {}, { 'x-seat': '3', 'x-credentials': fac }))
        .json.paused,
    ).toBe(true);
    const c = client();
    await c.sync(m.matchID, '0', p0);
    expect(await c.move(m.matchID, '0', 'advance', [1])).toEqual({
      ok: false,
      error: 'match paused',
    });
    expect(
      (
        await api(
          server.url,
          'POST',
          `${path}/resume`,
          {},
          { authorization: `Bearer ${m.creatorToken}` },
        )
      ).json.paused,
    ).toBe(false);
    expect(await c.move(m.matchID, '0', 'advance', [1])).toMatchObject({ ok: true });
    // The creator hands seat 0 to a bot: the old socket loses the seat at once.
    expect(
      (
        await api(
          server.url,
          'POST',
          `${path}/seat/0`,
          { kind: 'bot' },
          { authorization: `Bearer ${m.creatorToken}` },
        )
      ).status,
    ).toBe(200);
    await c.waitFor(() => c.errors.includes('seat changed hands'));
    expect((await c.move(m.matchID, '0', 'advance', [1])).ok).toBe(false);
  });

  it('a seat holder can leave (replaced by a bot); a bot seat stays a bot until the host opens it', async () => {
    const m = await createMatch(server.url, {
      seats: [{ kind: 'person' }, { kind: 'bot' }, { kind: 'bot' }, { kind: 'person' }],
    });
    const p0 = await join(server.url, m.matchID, '0');
    const left = await api(
      server.url,
      'POST',
      `/api/matches/${m.matchID}/leave`,
      { level: 'random' },
      { 'x-seat': '0', 'x-credentials': p0 },
    );
    expect((left.json.seats as { kind: string }[])[0]).toMatchObject({
      kind: 'bot',
      botLevel: 'random',
    });
    const spectator = client();
    await spectator.sync(m.matchID, null);
    await spectator.waitFor(() => (spectator.state?._stateID ?? 0) >= 3); // all-bot firms keep playing
    // A stranger cannot take a seat the creator gave to a bot (and so see its secrets).
    const stranger = await api(server.url, 'POST', `/api/matches/${m.matchID}/join`, {
      seat: '1',
      name: 'Stranger',
    });
    expect(stranger.status).toBe(409);
    expect(stranger.json.error).toMatch(/bot/);
    // The creator opens it: now a person may take it.
    const opened = await api(
      server.url,
      'POST',
      `/api/matches/${m.matchID}/seat/1`,
      { kind: 'open' },
      { authorization: `Bearer ${m.creatorToken}` },
    );
    expect(opened.status).toBe(200);
    const taken = await join(server.url, m.matchID, '1', 'Late');
    const c = client();
    expect(await c.sync(m.matchID, '1', taken)).toMatchObject({ ok: true });
  });
});
