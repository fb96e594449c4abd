import { describe, expect, it } from 'vitest';
import type { Server, State } from 'boardgame.io';
import {
  authenticateHashedCredentials,
  BgioStorageAdapter,
} from '../../src/server/storage/bgio-adapter';
import { MemoryStore } from '../../src/server/storage/memory';

const state = (id: number): State =>
  ({
    G: { n: id },
    ctx: { turn: id },
    plugins: {},
    _undo: [],
    _redo: [],
    _stateID: id,
  }) as unknown as State;
const bgioMeta = (): Server.MatchData => ({
  gameName: 'g',
  unlisted: false,
  createdAt: 1,
  updatedAt: 1,
  setupData: { a: 1 },
  players: { 0: { id: 0, name: 'Ana', credentials: 'secret-0' }, 1: { id: 1 } },
});

describe('boardgame.io StorageAPI.Async adapter', () => {
  it('round-trips matches, hashes credentials, drops non-forward setState', async () => {
    const store = new MemoryStore();
    const db = new BgioStorageAdapter(store);
    await db.connect();
    await db.createMatch('m', { initialState: state(0), metadata: bgioMeta() });
    const raw = await store.fetch('m', { metadata: true });
    expect(JSON.stringify(raw)).not.toContain('secret-0');
    const { metadata } = await db.fetch('m', { metadata: true });
    expect(metadata.players[0]?.name).toBe('Ana');
    expect(authenticateHashedCredentials('secret-0', metadata.players[0]!)).toBe(true);
    expect(authenticateHashedCredentials('secret-1', metadata.players[0]!)).toBe(false);
    expect(authenticateHashedCredentials('x', metadata.players[1]!)).toBe(false);
    await db.setState('m', state(1), []);
    await db.setState('m', state(1), []); // an invalid move re-saving the same stateID is ignored
    const { state: s, log } = await db.fetch('m', { state: true, log: true });
    expect(s._stateID).toBe(1);
    expect(log).toEqual([]);
    await db.setMetadata('m', { ...metadata, gameover: { winner: '0' } });
    expect(await db.listMatches({ where: { isGameover: true } })).toEqual(['m']);
    expect(await db.listMatches({ gameName: 'other' })).toEqual([]);
    await db.wipe('m');
    expect(await db.fetch('m', { state: true })).toEqual({});
  });
});
