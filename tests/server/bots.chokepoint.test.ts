/**
 * Server bots in networked Chokepoint: every bot seat plans its round from its own view and
 * submits, whenever it has not; a round waits for the people still planning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GameState } from '../../game/state';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { Client, createMatch, join, startTestServer } from './helpers';

describe('server bots play Chokepoint', () => {
  let server: RunningServer | undefined;
  const clients: Client[] = [];
  const errors: string[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    errors.length = 0;
    await server?.close();
  });
  const start = async (served = chokepointServed) => {
    server = await startTestServer({
      served,
      bots: { delayMs: 0, onError: (_m, seat, e) => errors.push(`${seat}: ${e}`) },
    });
    return server;
  };

  it.each(['classroom', 'suitcase2024'])(
    '%s with a bot in every seat plays to the end, every seat submitting every round',
    async (scenario) => {
      const s = await start();
      const seats = chokepointServed.scenarios[scenario]!.seats.map((seat) =>
        seat.role === 'facilitator' ? { kind: 'person' } : { kind: 'bot', level: 'heuristic' },
      );
      const m = await createMatch(s.url, {
        scenario,
        seats,
        seed: `bots-${scenario}`,
        fixedSeed: true,
      });
      const spectator = new Client(s.url);
      clients.push(spectator);
      await spectator.sync(m.matchID, null);
      await spectator.waitFor(() => spectator.state?.ctx.gameover !== undefined, 60_000);
      const G = spectator.state!.G as GameState;
      expect(G.over).toBe(true);
      expect(G.seals).toHaveLength(G.rounds);
      for (const seals of G.seals) expect(Object.keys(seals)).toEqual(G.planners);
      expect(G.opened.filter((p) => (p.orders ?? []).length > 0).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    },
    90_000,
  );

  it('bots submit at once, and the round waits for the person still planning', async () => {
    const s = await start();
    const m = await createMatch(s.url, {
      scenario: 'classroom',
      seed: 'waits',
      fixedSeed: true,
      seats: [
        { kind: 'bot', level: 'random' },
        { kind: 'bot', level: 'heuristic' },
        { kind: 'person' },
        { kind: 'bot', level: 'heuristic' },
      ],
    });
    const cred = await join(s.url, m.matchID, '2', 'Lab');
    const person = new Client(s.url);
    clients.push(person);
    await person.sync(m.matchID, '2', cred);
    const view = () => person.state?.G as GameState | undefined;
    await person.waitFor(
      () => ['0', '1', '3'].every((seat) => view()?.plans[seat]?.submitted === true),
      10_000,
    );
    expect(view()?.round).toBe(1);
    expect(view()?.plans['2']?.submitted).toBe(false);
    // Other seats' seals are public; their plans are not.
    expect(view()?.plans['0']?.seal).toMatch(/^[0-9a-f]{32}$/);
    expect(view()?.plans['0']?.orders).toEqual([]);
    expect(await person.move(m.matchID, '2', 'submit', [])).toMatchObject({ ok: true });
    await person.waitFor(() => view()?.round === 2, 10_000);
    // The bots plan the new round too.
    await person.waitFor(
      () => ['0', '1', '3'].every((seat) => view()?.plans[seat]?.submitted === true),
      10_000,
    );
    expect(errors).toEqual([]);
  });

  it('a bot whose plan has a refused order reports it and still submits', async () => {
    const clumsy = {
      ...chokepointServed,
      planBotMoves: (...a: Parameters<NonNullable<typeof chokepointServed.planBotMoves>>) => {
        const moves = chokepointServed.planBotMoves!(...a);
        return moves.length === 0
          ? moves
          : [{ move: 'order', args: [{ move: 'noSuchMove', args: {} }] }, ...moves];
      },
    };
    const s = await start(clumsy);
    const m = await createMatch(s.url, {
      scenario: 'classroom',
      seed: 'clumsy',
      fixedSeed: true,
      seats: [0, 1, 2, 3].map(() => ({ kind: 'bot', level: 'heuristic' })),
    });
    const spectator = new Client(s.url);
    clients.push(spectator);
    await spectator.sync(m.matchID, null);
    await spectator.waitFor(() => spectator.state?.ctx.gameover !== undefined, 60_000);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.includes(': order: '))).toBe(true);
  }, 90_000);
});
