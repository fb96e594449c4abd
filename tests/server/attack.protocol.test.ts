/**
 * Attacks on boardgame.io 0.50.2's protocol holes (1-4, 7), each against the
 * real server over a real socket. Seat 0 is the active player throughout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { Client, createMatch, join, settled, startTestServer, type Created } from './helpers';
import { globalMarker, secretMarker } from './fixtures/game';

describe('protocol attacks', () => {
  let server: RunningServer;
  let m: Created;
  let attacker: Client;
  let other: Client;
  let cred0: string;
  const all: Client[] = [];
  const client = () => {
    const c = new Client(server.url);
    all.push(c);
    return c;
  };
  const stored = async () => server.authority.store.fetch(m.matchID, { state: true, log: true });

  beforeEach(async () => {
    server = await startTestServer();
    m = await createMatch(server.url, { seed: 'atk', fixedSeed: true });
    cred0 = await join(server.url, m.matchID, '0');
    const cred1 = await join(server.url, m.matchID, '1');
    attacker = client();
    other = client();
    await attacker.sync(m.matchID, '0', cred0);
    await other.sync(m.matchID, '1', cred1);
  });
  afterEach(async () => {
    all.splice(0).forEach((c) => c.close());
    await server.close();
  });

  /** Nothing changed: checked once the server has provably processed every frame sent so far. */
  const expectUntouched = async () => {
    await settled(other, m.matchID, '1');
    const s = await stored();
    expect(s.state?._stateID).toBe(0);
    expect(s.log).toEqual([]);
    expect(other.frames.filter((f) => f.event === 'update')).toEqual([]);
  };

  it('hole 1: raw UPDATE, RESET, PATCH, SYNC, UNDO, REDO, PLUGIN actions are refused', async () => {
    const evil = {
      G: { firms: {} },
      ctx: { gameover: { winner: '0' } },
      _stateID: 99,
      plugins: {},
    };
    const frames = [
      { type: 'UPDATE', state: evil, payload: { type: 'x' } },
      { type: 'RESET', state: evil, payload: { type: 'x' } },
      { type: 'SYNC', state: evil, payload: { type: 'x' } },
      {
        type: 'PATCH',
        patch: [{ op: 'replace', path: '/G/target', value: 1 }],
        payload: { type: 'x' },
      },
      { type: 'UNDO', payload: { type: 'x', playerID: '0' } },
      { type: 'REDO', payload: { type: 'x', playerID: '0' } },
      { type: 'PLUGIN', payload: { type: 'x', playerID: '0' } },
    ];
    for (const action of frames) {
      const r = await attacker.call('update', action, 0, m.matchID, '0');
      expect(r).toEqual({
        ok: false,
        error: expect.stringMatching(/action type not allowed|malformed/),
      });
    }
    await expectUntouched();
  });

  it('hole 1b: prototype members are not moves, and a seat cannot act as another seat', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const r = await attacker.call(
        'update',
        { type: 'MAKE_MOVE', payload: { type: name, args: [] } },
        0,
        m.matchID,
        '0',
      );
      expect(r.ok).toBe(false);
    }
    const spoof = await attacker.call(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'advance', args: [1], playerID: '1' } },
      0,
      m.matchID,
      '1',
    );
    expect(spoof).toEqual({ ok: false, error: 'not your seat' });
    // payload.playerID is ignored: the move runs as the authenticated seat 0.
    const r = await attacker.call(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'advance', args: [1], playerID: '1' } },
      0,
      m.matchID,
      '0',
    );
    expect(r).toEqual({ ok: true, stateID: 1 });
    const s = await stored();
    expect((s.log?.[0]?.action.payload as { playerID: string }).playerID).toBe('0');
  });

  it('hole 2: events disabled by the game (endGame, setPhase, ...) are refused', async () => {
    for (const ev of [
      'endGame',
      'endPhase',
      'setPhase',
      'setActivePlayers',
      'setStage',
      'endStage',
      'pass',
    ]) {
      const r = await attacker.call(
        'update',
        { type: 'GAME_EVENT', payload: { type: ev, args: [{ winner: '0' }] } },
        0,
        m.matchID,
        '0',
      );
      expect(r).toEqual({ ok: false, error: 'event not allowed' });
    }
    await expectUntouched();
  });

  it('hole 3: initialState on sync is filtered like the state', async () => {
    const spectator = client();
    await spectator.sync(m.matchID, null);
    for (const [c, seat] of [
      [attacker, '0'],
      [other, '1'],
      [spectator, null],
    ] as const) {
      const frame = c.frames.find((f) => f.event === 'sync');
      const text = JSON.stringify(frame);
      expect(text).not.toContain(globalMarker('atk'));
      for (const s of ['0', '1', '2']) {
        if (s === seat) expect(text).toContain(secretMarker(s, 'atk'));
        else expect(text).not.toContain(secretMarker(s, 'atk'));
      }
      expect((frame?.args[1] as { initialState: { G: object } }).initialState.G).not.toHaveProperty(
        'secret',
      );
    }
  });

  it('hole 4: sync for an unknown match ID creates nothing', async () => {
    const before = (await server.authority.store.listMatches()).length;
    const c = client();
    for (const id of ['nope', 'x'.repeat(64), 'A_b-9']) {
      expect(await c.sync(id, null)).toEqual({ ok: false, error: 'match not found' });
      expect(await c.sync(id, '0', 'whatever')).toEqual({ ok: false, error: 'match not found' });
    }
    expect(await c.sync('../etc', '0')).toEqual({ ok: false, error: 'bad match id' });
    expect((await server.authority.store.listMatches()).length).toBe(before);
  });

  it('hole 7: invalid moves are neither broadcast nor stored', async () => {
    for (const args of [[99], [0], ['3'], [1.5], [null], [{ a: 1 }]]) {
      expect((await attacker.move(m.matchID, '0', 'advance', args, 0)).ok).toBe(false);
    }
    expect((await attacker.move(m.matchID, '0', 'stash', ['x'.repeat(65)], 0)).ok).toBe(false);
    // Out of turn and stale stateID too.
    expect(await other.move(m.matchID, '1', 'advance', [1], 0)).toEqual({
      ok: false,
      error: 'not your turn',
    });
    expect(await attacker.move(m.matchID, '0', 'advance', [1], 7)).toEqual({
      ok: false,
      error: 'stale stateID',
    });
    await expectUntouched();
  });
});
