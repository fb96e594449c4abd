/**
 * A match's chat: stored with the match and the round it was said in, sent to everyone
 * watching, sent again to a socket that comes back (a reload), capped, and carried by the
 * match's replay file only when asked for (`?messages=1`). With TEST_CLUSTER=1 the same against
 * three processes behind nginx (each socket on any of them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReplay, stateHash } from '../../game/replay';
import type { GameState } from '../../game/state';
import type { RunningServer } from '../../src/server/app';
import { MATCH_CHAT_CAP } from '../../src/server/net/chat';
import { chokepointServed } from '../../src/server/served/chokepoint';
import { api, Client, createMatch, join, settled, startTestServer, waitUntil } from './helpers';

type Said = { id: string; sender: string; payload: string; round: number };
const chatOf = (c: Client): Said[] =>
  c.frames.filter((f) => f.event === 'chat').map((f) => f.args[1] as Said);

describe("a match's chat", () => {
  let server: RunningServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server?.close();
    server = undefined;
  });

  /** Classroom with two people (seats 0 and 1), two bots and the facilitator's seat open. */
  async function table() {
    // TEST_CLUSTER=1: three processes behind nginx, the sockets on any of them.
    const srv = (server = await startTestServer({
      served: chokepointServed,
      bots: { delayMs: 0 },
    }));
    const m = await createMatch(srv.url, {
      scenario: 'classroom',
      seats: [{ kind: 'person' }, { kind: 'person' }, { kind: 'bot' }, { kind: 'bot' }],
    });
    const creds = [await join(srv.url, m.matchID, '0', 'Ana'), await join(srv.url, m.matchID, '1')];
    const seat = async (i: number) => {
      const c = new Client(srv.url);
      clients.push(c);
      expect(await c.sync(m.matchID, String(i), creds[i])).toMatchObject({ ok: true });
      return c;
    };
    const round = async () => ((await srv.authority.load(m.matchID))!.state.G as GameState).round;
    /** Both people submit on the state the server holds (the bots have); the next round opens. */
    const nextRound = async (a: Client, b: Client) => {
      const was = await round();
      for (const [c, s] of [
        [a, '0'],
        [b, '1'],
      ] as const)
        for (;;) {
          const stateID = (await srv.authority.load(m.matchID))!.state._stateID;
          const r = await c.move(m.matchID, s, 'submit', [], stateID);
          if (r.ok) break;
          if (r.error !== 'stale stateID') throw new Error(String(r.error));
        }
      await until(async () => (await round()) === was + 1);
    };
    return { srv, m, creds, seat, nextRound };
  }

  it('is kept with the round it was said in, and a reload gets it back once', async () => {
    const { srv, m, creds, seat, nextRound } = await table();
    const ana = await seat(0);
    const bo = await seat(1);
    const eve = new Client(srv.url);
    clients.push(eve);
    await eve.sync(m.matchID, null);

    expect(await ana.call('chat', m.matchID, { id: 'x', payload: ' hello\u200b  there ' })).toEqual(
      {
        ok: true,
      },
    );
    await waitUntil(() => chatOf(bo).length === 1 && chatOf(eve).length === 1);
    expect(chatOf(bo)[0]).toMatchObject({ sender: '0', payload: 'hello there', round: 1 });
    expect(chatOf(eve)).toEqual(chatOf(bo));

    await nextRound(ana, bo);
    expect(await bo.call('chat', m.matchID, { id: 'y', payload: 'round two' })).toEqual({
      ok: true,
    });
    await waitUntil(() => chatOf(ana).length === 2);
    // Each frame says the round it was said in, so a board can show it.
    expect(chatOf(ana)[1]).toMatchObject({ sender: '1', payload: 'round two', round: 2 });

    const kept = await srv.authority.store.listChat(m.matchID);
    expect(kept.map(({ round: r, seat: s, text }) => ({ round: r, seat: s, text }))).toEqual([
      { round: 1, seat: '0', text: 'hello there' },
      { round: 2, seat: '1', text: 'round two' },
    ]);

    // A reload: a new socket gets the chat so far with its sync, as boardgame.io's client
    // takes it (one message a frame, the server's id), and not again when it syncs again.
    const back = await seat(0);
    expect(chatOf(back)).toEqual(chatOf(ana));
    expect(chatOf(back).map((x) => x.id)).toEqual(kept.map((x) => x.id));
    await back.sync(m.matchID, '0', creds[0]);
    await settled(back, m.matchID, '0');
    expect(chatOf(back)).toHaveLength(2);
  }, 60_000);

  it('refuses what is not a message, from whoever is not seated, and beyond the cap', async () => {
    const { srv, m, seat } = await table();
    const ana = await seat(0);
    const eve = new Client(srv.url);
    clients.push(eve);
    await eve.sync(m.matchID, null);
    expect(await eve.call('chat', m.matchID, { payload: 'hi' })).toEqual({
      ok: false,
      error: 'not seated',
    });
    for (const payload of ['', '   ', 42, 'x'.repeat(501)])
      expect(await ana.call('chat', m.matchID, { payload })).toEqual({
        ok: false,
        error: 'a message is 1 to 500 characters of text',
      });
    expect(await srv.authority.store.listChat(m.matchID)).toEqual([]);

    // Full: the oldest are kept, the newest refused with the reason, nothing sent.
    for (let i = 0; i < MATCH_CHAT_CAP; i++)
      await srv.authority.store.appendChat(
        m.matchID,
        { id: `f${i}`, round: 1, seat: '1', text: `m${i}`, at: i },
        MATCH_CHAT_CAP,
      );
    expect(await ana.call('chat', m.matchID, { payload: 'one more' })).toEqual({
      ok: false,
      error: `this match's chat is full (${MATCH_CHAT_CAP} messages)`,
    });
    const kept = await srv.authority.store.listChat(m.matchID);
    expect(kept).toHaveLength(MATCH_CHAT_CAP);
    expect(kept.at(-1)?.text).toBe(`m${MATCH_CHAT_CAP - 1}`);
    expect(chatOf(eve)).toEqual([]);
  }, 60_000);

  it('goes into the replay file only with ?messages=1, each message at its round', async () => {
    const { srv, m, seat, nextRound } = await table();
    const ana = await seat(0);
    const bo = await seat(1);
    await ana.call('chat', m.matchID, { payload: 'opening' });
    await nextRound(ana, bo);
    await bo.call('chat', m.matchID, { payload: 'second round' });

    const host = { authorization: `Bearer ${m.creatorToken}` };
    const url = `/api/matches/${m.matchID}/replay`;
    const plain = await api(srv.url, 'GET', url, undefined, host);
    const withTalk = await api(srv.url, 'GET', `${url}?messages=1`, undefined, host);
    const a = readReplay(plain.text);
    const b = readReplay(withTalk.text);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.file.messages).toBeUndefined();
    expect(plain.text).not.toContain('opening');
    expect(b.file.messages).toEqual([
      { round: 1, seat: '0', text: 'opening' },
      { round: 2, seat: '1', text: 'second round' },
    ]);
    // The talk is for people: without it, the same file replays to the same final state.
    const bare = { ...b.file };
    delete bare.messages;
    const c = readReplay(JSON.stringify(bare));
    if (!c.ok) throw new Error(c.error);
    expect(stateHash(c.replay.states.at(-1)!)).toBe(stateHash(b.replay.states.at(-1)!));
  }, 60_000);
});

async function until(pred: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}
