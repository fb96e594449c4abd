import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { api, Client, createMatch, join, startTestServer, waitUntil } from './helpers';

describe('networked play', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server.close();
  });
  const client = () => {
    const c = new Client(server.url);
    clients.push(c);
    return c;
  };

  it('creates a match, joins by code, syncs, and broadcasts a move to every seat and spectator', async () => {
    const m = await createMatch(server.url, {
      seats: [
        { kind: 'person' },
        { kind: 'person' },
        { kind: 'bot', level: 'random' },
        { kind: 'person' },
      ],
    });
    expect(m.joinCode).toMatch(/^[A-Z2-9]{12}$/);
    const byCode = await api(server.url, 'GET', `/api/codes/${m.joinCode}`);
    expect(byCode.json.matchID).toBe(m.matchID);
    const c0 = await join(server.url, m.matchID, '0', 'Ana');
    const c1 = await join(server.url, m.matchID, '1', 'Bo');
    const [a, b, s] = [client(), client(), client()];
    expect(await a.sync(m.matchID, '0', c0)).toMatchObject({ ok: true });
    expect(await b.sync(m.matchID, '1', c1)).toMatchObject({ ok: true });
    expect(await s.sync(m.matchID, null)).toMatchObject({ ok: true });
    expect(await a.move(m.matchID, '0', 'advance', [2])).toMatchObject({ ok: true, stateID: 1 });
    await b.waitFor(() => b.state?._stateID === 1);
    await s.waitFor(() => s.state?._stateID === 1);
    // The bot seat (2) plays after seat 1 moves, with no browser of its own.
    expect(await b.move(m.matchID, '1', 'advance', [1])).toMatchObject({ ok: true });
    await a.waitFor(() => (a.state?._stateID ?? 0) >= 3 && a.state?.ctx.currentPlayer === '0');
    // Presence reaches every seat a moment after it changes.
    const latestSeats = () => a.frames.filter((f) => f.event === 'matchData').pop()?.args[1];
    await a.waitFor(() => latestSeats() !== undefined);
    expect(latestSeats()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 0, name: 'Ana', isConnected: true }),
        expect.objectContaining({ id: 1, name: 'Bo', isConnected: true }),
      ]),
    );
  });

  it('takes the match named in the handshake as a routing hint only: the sync decides', async () => {
    const a = await createMatch(server.url);
    const b = await createMatch(server.url);
    const credA = await join(server.url, a.matchID, '0');
    // Named match B in its handshake, seated in A by its sync: it plays A, and hears A's moves.
    const p = new Client(server.url, {}, { matchID: b.matchID });
    const watcher = new Client(server.url, {}, { matchID: 'no-such-match' });
    clients.push(p, watcher);
    expect(await p.sync(a.matchID, '0', credA)).toMatchObject({ ok: true });
    expect(await watcher.sync(a.matchID, null)).toMatchObject({ ok: true });
    expect(await p.move(a.matchID, '0', 'advance', [1])).toMatchObject({ ok: true, stateID: 1 });
    await watcher.waitFor(() => watcher.state?._stateID === 1);
    // The hint grants nothing: a seat in the named match still needs that seat's credentials.
    expect(await p.move(b.matchID, '0', 'advance', [1], 0)).toMatchObject({ ok: false });
    expect((await server.authority.load(b.matchID))!.state._stateID).toBe(0);
  });

  it('lists open public matches but not private ones, and keeps private codes private', async () => {
    const pub = await createMatch(server.url);
    const priv = await createMatch(server.url, { visibility: 'private' });
    const list = await api(server.url, 'GET', '/api/matches');
    const ids = (list.json as unknown as { matchID: string }[]).map((x) => x.matchID);
    expect(ids).toContain(pub.matchID);
    expect(ids).not.toContain(priv.matchID);
    const info = await api(server.url, 'GET', `/api/matches/${priv.matchID}`);
    expect(info.text).not.toContain(priv.joinCode);
    expect(
      (await api(server.url, 'POST', `/api/matches/${priv.matchID}/join`, { seat: '0', name: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (
        await api(server.url, 'POST', `/api/matches/${priv.matchID}/join`, {
          seat: '0',
          name: 'x',
          code: priv.joinCode,
        })
      ).status,
    ).toBe(200);
  });

  it('reopens a finished match that everyone had left, at its final state', async () => {
    await server.close();
    server = await startTestServer({ bots: { delayMs: 0 } });
    const m = await createMatch(server.url, {
      seats: [
        { kind: 'bot', level: 'random' },
        { kind: 'bot', level: 'random' },
        { kind: 'bot', level: 'random' },
        { kind: 'person' },
      ],
    });
    const credentials = await join(server.url, m.matchID, '3', 'Host', undefined, m.creatorToken);
    const watcher = client();
    expect(await watcher.sync(m.matchID, '3', credentials)).toMatchObject({ ok: true });
    await watcher.waitFor(() => watcher.state?.ctx.gameover !== undefined, 20_000);
    const final = watcher.state;
    watcher.close();
    // The server hears the last player leave (and drops the finished match from memory).
    await waitUntil(() => server.io.of('/chokepoint').sockets.size === 0, 5000, 'the leave');

    const returning = client();
    expect(await returning.sync(m.matchID, '3', credentials)).toMatchObject({ ok: true });
    expect(returning.state?._stateID).toBe(final?._stateID);
    expect(returning.state?.ctx.gameover).toEqual(final?.ctx.gameover);
    expect(returning.state?.G).toEqual(final?.G);
  });

  it('returns the join code and links on create', async () => {
    const r = await api(server.url, 'POST', '/api/matches', { scenario: 'quick' });
    expect(r.json.joinUrl).toBe(`${server.url}/join/${r.json.joinCode as string}`);
    expect(r.json.spectateUrl).toBe(`${server.url}/watch/${r.json.matchID as string}`);
  });
});
