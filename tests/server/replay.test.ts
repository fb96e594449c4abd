/**
 * GET /api/matches/ID/replay: a finished online match downloads as a replay file that replays
 * to the very state the server holds; a running match's file (its seed, every sealed plan) is
 * only for its host until the match ends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReplay, stateHash } from '../../game/replay';
import type { GameState } from '../../game/state';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { api, Client, createMatch, join, startTestServer } from './helpers';

describe('replay download', () => {
  let server: RunningServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server?.close();
  });

  it('a finished match replays to the state the server ended with', async () => {
    server = await startTestServer({ served: chokepointServed, bots: { delayMs: 0 } });
    const m = await createMatch(server.url, {
      scenario: 'classroom',
      seed: 'replay-online',
      fixedSeed: true,
      seats: [0, 1, 2, 3].map(() => ({ kind: 'bot', level: 'heuristic' })),
    });
    const spectator = new Client(server.url);
    clients.push(spectator);
    await spectator.sync(m.matchID, null);
    await spectator.waitFor(() => spectator.state?.ctx.gameover !== undefined, 60_000);
    const r = await api(server.url, 'GET', `/api/matches/${m.matchID}/replay`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="chokepoint-${m.matchID}.json"`,
    );
    const read = readReplay(r.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.file).toMatchObject({ id: m.matchID, source: 'online', seed: 'replay-online' });
    // classroom's fifth seat is the facilitator's, left open when the lobby is given four
    expect(read.file.seats.map((s) => s.player)).toEqual(['bot', 'bot', 'bot', 'bot', 'open']);
    const held = (await server.authority.load(m.matchID))!.state.G as GameState;
    const last = read.replay.states.at(-1)!;
    expect(stateHash(last)).toBe(stateHash(held));
    expect(last.outcome).toEqual(held.outcome);
  }, 90_000);

  it('a running match gives its file to its creator only', async () => {
    server = await startTestServer({ served: chokepointServed, bots: { delayMs: 0 } });
    const m = await createMatch(server.url, {
      scenario: 'classroom',
      seats: [{ kind: 'person' }, { kind: 'bot' }, { kind: 'bot' }, { kind: 'bot' }],
    });
    const cred = await join(server.url, m.matchID, '0', 'Reg');
    const url = `/api/matches/${m.matchID}/replay`;
    const stranger = await api(server.url, 'GET', url);
    expect(stranger.status).toBe(403);
    expect(stranger.json.error).toBe(
      'the replay is available once the match is over (or now to its host or facilitator)',
    );
    expect(stranger.text).not.toContain('seed');
    // A seated player is not the host: the file would tell the others' sealed orders.
    const seated = await api(server.url, 'GET', url, undefined, {
      'x-seat': '0',
      'x-credentials': cred,
    });
    expect(seated.status).toBe(403);
    const host = await api(server.url, 'GET', url, undefined, {
      authorization: `Bearer ${m.creatorToken}`,
    });
    expect(host.status).toBe(200);
    const read = readReplay(host.text);
    expect(read.ok && read.file.final).toMatchObject({ round: 1, over: false });
    expect((await api(server.url, 'GET', '/api/matches/nosuchmatch/replay')).status).toBe(404);
  }, 60_000);
});
