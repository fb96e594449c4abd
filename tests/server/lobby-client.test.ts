import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client as BgioClient } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import type { RunningServer } from '../../src/server/app';
import { lobbyClient, LobbyError, type KeyValueStore } from '../../src/app/online/lobby-client';
import { FixtureGame } from './fixtures/game';
import { startTestServer } from './helpers';

const memoryStorage = (): KeyValueStore => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
};

describe('lobby client + boardgame.io client against the server', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => server.close());

  it('creates, joins, reconnects from saved credentials, plays a move with the stock boardgame.io client, pauses', async () => {
    const hostStore = memoryStorage();
    const host = lobbyClient(server.url, hostStore);
    const created = await host.create(
      'quick',
      [{ kind: 'person' }, { kind: 'bot', level: 'random' }, { kind: 'bot' }, { kind: 'person' }],
      'private',
    );
    const player = lobbyClient(server.url, memoryStorage());
    const info = await player.byCode(created.joinCode.toLowerCase());
    await expect(player.join(info.matchID, '1', 'Bo')).rejects.toThrow(LobbyError); // private: needs the code
    const seat = await player.join(info.matchID, '0', 'Ana', created.joinCode);
    expect(player.savedSeat(info.matchID)).toEqual(seat);

    const client = BgioClient({
      game: FixtureGame,
      multiplayer: SocketIO({ server: server.url }),
      matchID: info.matchID,
      playerID: seat.playerID,
      credentials: seat.credentials,
      debug: false,
    });
    client.start();
    const until = async (pred: () => boolean) => {
      for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(pred()).toBe(true);
    };
    await until(() => client.getState()?._stateID === 0 && client.getState()?.isConnected === true);
    client.moves.advance!(2);
    await until(() => (client.getState()?._stateID ?? 0) >= 3); // our move, then both bots
    expect(client.getState()?.G.secret).toBeUndefined();
    expect(client.matchData?.find((p) => p.id === 0)?.name).toBe('Ana');
    client.stop();

    expect((await host.pause(info.matchID)).paused).toBe(true);
    await expect(player.pause(info.matchID)).rejects.toMatchObject({ status: 403 });
    expect((await host.resume(info.matchID)).paused).toBe(false);
    const left = await player.leave(info.matchID);
    expect(left.seats[0]?.kind).toBe('bot');
    expect(player.savedSeat(info.matchID)).toBeNull();
  });
});
