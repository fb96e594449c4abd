/**
 * Leak test for sessions: talk and team drafts. One table with a team seat of two; every
 * student holds a match socket and a session socket, and a spectator and an observer follow.
 * A team member drafts orders and a card: the team-mate sees them at once; no frame to any
 * other seat, the observer or the spectator carries them. A private message between two seats
 * reaches only those two seats' people and the facilitator; table chat reaches the table, not
 * the match's spectators; every frame is recorded and searched for the secrets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import type { GameState } from '../../game/state';
import type { SessionCreated, StudentSnapshot } from '../../src/protocol';
import type { RunningServer } from '../../src/server/app';
import { chokepointServed, planChokepointBot } from '../../src/server/served/chokepoint';
import { MemoryStore } from '../../src/server/storage/memory';
import { api, Client, settled, startTestServer, waitUntil } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

interface Person {
  name: string;
  token: string;
  me: StudentSnapshot;
  match: Client;
  session: Socket;
  sessionFrames: string[];
}

function sessionSocket(base: string, sessionID: string, token: string) {
  const socket = connect(base + '/session', {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const frames: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => frames.push(JSON.stringify([event, args])));
  const ready = socket.timeout(5000).emitWithAck('session:watch', { sessionID, token });
  return { socket, frames, ready };
}

describe('session leak test: talk and team drafts', () => {
  it("no frame carries another seat's drafts or a private message to anyone not party to it", async () => {
    server = await startTestServer({
      served: chokepointServed,
      store: new MemoryStore(),
      bots: { delayMs: 0 },
    });
    const base = server.url;
    const created = (
      await api(base, 'POST', '/api/sessions', {
        scenario: 'classroom',
        tables: 1,
        policy: { teamSize: 2, observers: true },
      })
    ).json as unknown as SessionCreated;
    // Five students on four seats: the fifth shares the first seat (a team of two).
    const names = ['Ana', 'Ben', 'Cy', 'Di', 'Ed'];
    const joined: { name: string; token: string }[] = [];
    for (const name of names) {
      const r = await api(base, 'POST', '/api/sessions/join', { code: created.code, name });
      joined.push({ name, token: r.json.token as string });
    }
    const run = (cmd: object) =>
      api(
        base,
        'POST',
        `/api/sessions/${created.sessionID}/command`,
        cmd,
        auth(created.facilitatorToken),
      );
    await run({ kind: 'autoAssign' });
    // A sixth person who only observes.
    const obs = await api(base, 'POST', '/api/sessions/join', { code: created.code, name: 'Obi' });
    const roster = (
      await api(
        base,
        'GET',
        `/api/sessions/${created.sessionID}/console`,
        undefined,
        auth(created.facilitatorToken),
      )
    ).json as { roster: { studentID: string; name: string }[] };
    const obiID = roster.roster.find((r) => r.name === 'Obi')!.studentID;
    expect((await run({ kind: 'assign', studentID: obiID, table: 0, seat: null })).status).toBe(
      200,
    );
    expect((await run({ kind: 'start' })).status).toBe(200);

    const people: Person[] = [];
    for (const j of joined) {
      const me = (
        await api(base, 'GET', `/api/sessions/${created.sessionID}/me`, undefined, auth(j.token))
      ).json as unknown as StudentSnapshot;
      const match = new Client(base, {}, { patches: true });
      await match.sync(me.play!.matchID, me.play!.playerID, me.play!.credentials);
      const s = sessionSocket(base, created.sessionID, j.token);
      expect(await s.ready).toEqual({ ok: true });
      people.push({ ...j, me, match, session: s.socket, sessionFrames: s.frames });
    }
    const matchID = people[0]!.me.play!.matchID;
    const teamSeat = people[0]!.me.play!.playerID!;
    const team = people.filter((p) => p.me.play!.playerID === teamSeat);
    expect(team.map((p) => p.name)).toEqual(['Ana', 'Ed']);
    const others = people.filter((p) => p.me.play!.playerID !== teamSeat);

    // The observer and a plain spectator follow the public view.
    const obsMe = (
      await api(
        base,
        'GET',
        `/api/sessions/${created.sessionID}/me`,
        undefined,
        auth(obs.json.token as string),
      )
    ).json as unknown as StudentSnapshot;
    expect(obsMe.play).toEqual({ matchID, playerID: null });
    const observer = new Client(base, {}, { patches: true });
    await observer.sync(matchID, null);
    const observerTalk = sessionSocket(base, created.sessionID, obs.json.token as string);
    await observerTalk.ready;
    const spectator = new Client(base);
    await spectator.sync(matchID, null);
    const fac = sessionSocket(base, created.sessionID, created.facilitatorToken);
    await fac.ready;

    // Ana drafts her seat's round from her own view: card and orders, not submitted.
    const view = { ...people[0]!.match.state!, G: people[0]!.match.state!.G } as State;
    const plan = planChokepointBot(view, teamSeat, 'heuristic', 'leak').filter(
      (m) => m.move !== 'submit',
    );
    expect(plan.some((m) => m.move === 'order')).toBe(true);
    for (const m of plan) {
      const r = await people[0]!.match.move(matchID, teamSeat, m.move, m.args);
      expect(r, JSON.stringify(m)).toMatchObject({ ok: true });
    }
    const drafted = (await server.authority.load(matchID))!.state.G as GameState;
    const orders = drafted.plans[teamSeat]!.orders;
    expect(orders.length).toBeGreaterThan(0);
    // Ed, her team-mate, sees the draft live.
    await waitUntil(
      () =>
        ((people[4]!.match.state?.G as GameState | undefined)?.plans[teamSeat]?.orders.length ??
          0) === orders.length,
      5000,
      'team draft',
    );
    expect((people[4]!.match.state!.G as GameState).plans[teamSeat]!.orders).toEqual(orders);

    // Talk: a private message from Ben's seat to Cy's, and table chat from Di.
    const [ben, cy, di] = [others[0]!, others[1]!, others[2]!];
    const secret = 'PRIVATE-7f3a: meet at the hub';
    expect(
      await ben.session
        .timeout(5000)
        .emitWithAck('session:say', { text: secret, to: { seat: cy.me.play!.playerID } }),
    ).toEqual({ ok: true });
    expect(
      await di.session.timeout(5000).emitWithAck('session:say', { text: 'TABLE-chat hello' }),
    ).toEqual({ ok: true });
    await waitUntil(
      () =>
        fac.frames.join().includes('TABLE-chat') &&
        cy.sessionFrames.join().includes('PRIVATE-7f3a'),
      5000,
      'talk',
    );
    for (const c of [...people.map((p) => p.match), observer])
      await settled(c, matchID, teamSeat).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));

    const matchFrames = (c: Client) => JSON.stringify(c.frames);
    const orderText = JSON.stringify(orders[0]);
    // Drafts: only the team's own sockets (and never a spectator or observer) hold them.
    for (const p of others) expect(matchFrames(p.match), p.name).not.toContain(orderText);
    expect(matchFrames(observer)).not.toContain(orderText);
    expect(matchFrames(spectator)).not.toContain(orderText);
    for (const p of team) expect(matchFrames(p.match)).toContain(orderText);
    // Talk never travels on match sockets; the private message reaches only its two seats.
    for (const c of [...people.map((p) => p.match), observer, spectator]) {
      expect(matchFrames(c)).not.toContain('PRIVATE-7f3a');
      expect(matchFrames(c)).not.toContain('TABLE-chat');
    }
    const party = new Set([ben.name, cy.name]);
    for (const p of people)
      expect(p.sessionFrames.join().includes('PRIVATE-7f3a'), p.name).toBe(party.has(p.name));
    expect(observerTalk.frames.join()).not.toContain('PRIVATE-7f3a');
    expect(observerTalk.frames.join()).toContain('TABLE-chat');
    expect(fac.frames.join()).toContain('PRIVATE-7f3a');
    // No student's session frames carry the console, another's credentials or the facilitator's token.
    for (const p of people) {
      const all = p.sessionFrames.join();
      expect(all).not.toContain('session:console');
      expect(all).not.toContain(created.facilitatorToken);
      for (const q of people)
        if (q.me.play!.playerID !== p.me.play!.playerID)
          expect(all).not.toContain(q.me.play!.credentials!);
    }
    for (const p of people) {
      p.match.close();
      p.session.close();
    }
    observer.close();
    spectator.close();
    observerTalk.socket.close();
    fac.socket.close();
  }, 60_000);
});
