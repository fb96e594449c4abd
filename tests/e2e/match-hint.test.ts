/**
 * Behind several server processes, nginx sends every socket of a match to one process by the
 * `matchID` of its socket.io handshake (deploy/nginx.conf: `hash $arg_matchID consistent`).
 * Here the real app, in Chromium, against one `npm start` process (or, with TEST_CLUSTER=1,
 * three behind nginx): a player's page and a spectator's page each open their match's socket,
 * and every socket.io request they make (long-polling and the websocket it upgrades to) names
 * that page's own match.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP } from './harness';
import { createOnlineMatch, joinByLink } from './flows';
import { useDeploymentAndBrowsers } from './fixture';

/** Every socket.io request URL the page makes from now on: polling requests and websockets. */
function socketURLs(page: Page): URL[] {
  const seen: URL[] = [];
  const keep = (raw: string) => {
    const u = new URL(raw);
    if (u.pathname.startsWith('/socket.io/')) seen.push(u);
  };
  page.on('request', (r) => keep(r.url()));
  page.on('websocket', (ws) => keep(ws.url()));
  return seen;
}

/** Waits until the page's socket has upgraded to a websocket (socket.io starts by polling). */
async function upgraded(seen: URL[]): Promise<void> {
  for (let i = 0; i < 200 && !seen.some((u) => u.protocol.startsWith('ws')); i++)
    await new Promise((r) => setTimeout(r, 50));
}

describe("the app's game socket names its match for the load balancer", () => {
  const served = useDeploymentAndBrowsers('hint', 1);

  it("sends matchID=<its own match> on every socket.io request of a player's and a spectator's page", async () => {
    const seats = [{ kind: 'person' }, { kind: 'bot' }, { kind: 'bot' }, { kind: 'bot' }] as const;
    const a = await createOnlineMatch(served.deployment.url, [...seats]);
    const b = await createOnlineMatch(served.deployment.url, [...seats]);
    expect(a.matchID).not.toBe(b.matchID);

    // A player joins match A by its link and lands on the live board.
    const player = await served.browsers[0].page(DESKTOP);
    const playerSockets = socketURLs(player);
    await joinByLink(player, a.joinUrl, /Regulator/, 'Ana');
    await player.locator('.presence-seat.me').waitFor();
    await upgraded(playerSockets);

    // Another player on match B, in the same browser.
    const other = await served.browsers[0].page(DESKTOP);
    const otherSockets = socketURLs(other);
    await joinByLink(other, b.joinUrl, /Regulator/, 'Yusuf');
    await other.locator('.presence-seat.me').waitFor();
    await upgraded(otherSockets);

    // A spectator of match B.
    const watcher = await served.browsers[0].page(DESKTOP);
    const watcherSockets = socketURLs(watcher);
    await watcher.goto(`${served.deployment.url}/watch/${b.matchID}`);
    await watcher.locator('.presence-seat', { hasText: 'Yusuf' }).waitFor();
    await upgraded(watcherSockets);

    for (const [seen, matchID] of [
      [playerSockets, a.matchID],
      [otherSockets, b.matchID],
      [watcherSockets, b.matchID],
    ] as const) {
      // Both transports were used, and not one request left the hint out or named another match.
      expect(seen.some((u) => u.searchParams.get('transport') === 'polling')).toBe(true);
      expect(seen.some((u) => u.protocol.startsWith('ws'))).toBe(true);
      expect(seen.map((u) => u.searchParams.get('matchID'))).toEqual(seen.map(() => matchID));
    }
  });
});
