/**
 * `npm start`'s server (src/server/main.ts) as a real process: it serves the
 * built app, the lobby and the game sockets on one loopback port; the app runs
 * under its Content-Security-Policy in Chromium; sockets from other origins are
 * refused; an all-bot match plays to the end with no browser seated; and after
 * SIGKILL and restart the match is still there.
 */
import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { State } from 'boardgame.io';
import { DESKTOP, expectConsole } from './harness';
import { startServer, stopServer } from './server-proc';
import { useServerAndBrowser } from './fixture';

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

describe('networked server (npm start)', () => {
  const served = useServerAndBrowser('net');

  it('binds loopback and serves the app, which runs under the CSP, on the same port as the lobby', async () => {
    expect(new URL(served.server.url).hostname).toBe('127.0.0.1');
    // Provoked on purpose: the lobby answers 404 for the unknown join code, and Chromium logs the
    // refused cross-origin WebSocket. Anything else (a CSP violation) still fails the test.
    expectConsole(
      /join\/ABC234: Failed to load resource: .* 404/,
      /^console error on data:text\/html.*WebSocket connection .* failed/,
    );
    const page = await served.browser.page(DESKTOP);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(`${served.server.url}/join/ABC234`);
    await page.getByRole('heading', { name: 'Join a match' }).waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    const status = await page.evaluate(async () => (await fetch('/api/scenarios')).status);
    expect(status).toBe(200);
    // A same-origin WebSocket opens; one from another origin (a data: page has origin "null") is refused.
    const wsUrl = `${served.server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const opens = (p: typeof page) =>
      p.evaluate(
        (u) =>
          new Promise<boolean>((ok) => {
            const ws = new WebSocket(u);
            ws.onopen = () => (ws.close(), ok(true));
            ws.onerror = () => ok(false);
          }),
        wsUrl,
      );
    expect(await opens(page)).toBe(true);
    const foreign = await served.browser.page(DESKTOP);
    await foreign.goto('data:text/html,<title>elsewhere</title>');
    expect(await opens(foreign)).toBe(false);
  });

  it('plays an all-bot match to the end on the server, and keeps it across SIGKILL', async () => {
    const created = await post(`${served.server.url}/api/matches`, {
      scenario: 'classroom',
      seats: [{ kind: 'bot' }, { kind: 'bot', level: 'random' }, { kind: 'bot' }, { kind: 'bot' }],
    });
    const matchID = created.matchID as string;
    const socket = io(`${served.server.url}/chokepoint`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    let last: State | undefined;
    socket.on('sync', (_m: string, info: { state: State }) => (last = info.state));
    socket.on('update', (_m: string, s: State) => (last = s));
    socket.on('connect', () => socket.emit('sync', matchID, null, undefined, 4));
    const started = Date.now();
    while (last?.ctx.gameover === undefined && Date.now() - started < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    socket.close();
    expect(last?.ctx.gameover).toBeDefined();
    const finalID = last!._stateID;

    await stopServer(served.server.child, 'SIGKILL');
    served.server = await startServer(served.dataDir);
    const info = (await (await fetch(`${served.server.url}/api/matches/${matchID}`)).json()) as {
      gameover: unknown;
    };
    expect(info.gameover).not.toBeNull();
    const again = io(`${served.server.url}/chokepoint`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const state = await new Promise<State>((ok) => {
      again.on('sync', (_m: string, i: { state: State }) => ok(i.state));
      again.on('connect', () => again.emit('sync', matchID, null, undefined, 4));
    });
    again.close();
    expect(state._stateID).toBe(finalID);
  });
});
