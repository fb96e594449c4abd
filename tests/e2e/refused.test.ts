/**
 * Links the server refuses, against `npm start`'s server: a watch or host link to a match that
 * is not there, a mistyped address, a seat this browser holds no longer (stale credentials), and a seat handed to a
 * bot while its player is at the table. Each says what happened and where to go, in place of an
 * endless "Connecting…"; a fresh sync on the same screen clears an old refusal.
 * TEST_CLUSTER=1 runs it against three processes behind nginx.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, expectConsole, PHONE } from './harness';
import { createOnlineMatch, joinByLink, tooWide } from './flows';
import { useDeploymentAndBrowsers } from './fixture';

const seatKey = (matchID: string) => `chokepoint:seat:${matchID}`;

const savedSeat = (page: Page, matchID: string) =>
  page.evaluate(
    (key) =>
      JSON.parse(window.localStorage.getItem(key) ?? 'null') as {
        playerID: string;
        credentials: string;
      },
    seatKey(matchID),
  );

describe('links the server refuses', () => {
  const live = useDeploymentAndBrowsers('refused', 2);

  it('says a watch or host link leads to no match, and a mistyped address to no page, with the ways on', async () => {
    // The host screen asks the lobby about the match, which answers 404: provoked on purpose.
    expectConsole(/Failed to load resource: .* 404/);
    const page = await live.browsers[0].page(PHONE);
    for (const path of ['/watch/m-nosuchmatch1', '/host/m-nosuchmatch1']) {
      await page.goto(`${live.deployment.url}${path}`);
      await page.getByRole('heading', { name: 'This match is not on the server' }).waitFor();
      expect(await page.getByText('Connecting to the match…').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Join with a code' }).getAttribute('href')).toBe(
        '/join',
      );
      expect(await tooWide(page)).toEqual([]);
    }
    // A mistyped address is not silently the start screen: it says so, and shows its own address.
    await page.goto(`${live.deployment.url}/jion/ABC234`);
    const notice = page.getByRole('status').filter({ hasText: 'There is no page at /jion/ABC234' });
    await notice.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await notice.getByRole('button', { name: 'OK' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Start the game' }).waitFor();
  });

  it('tells a player whose credentials the server no longer takes that the seat is gone, and then a seat taken from them at the table', async () => {
    const match = await createOnlineMatch(live.deployment.url, [
      { kind: 'person' },
      { kind: 'person' },
      { kind: 'bot' },
      { kind: 'bot' },
    ]);
    const ana = await live.browsers[0].page(DESKTOP);
    await joinByLink(ana, match.joinUrl, /Regulator/, 'Ana');
    const held = await savedSeat(ana, match.matchID);

    // Stale credentials (the seat was reopened and taken since): the board never opens.
    const sam = await live.browsers[1].page(DESKTOP);
    await sam.goto(`${live.deployment.url}/`);
    await sam.evaluate(
      ([key, value]) => window.localStorage.setItem(key, value),
      [
        seatKey(match.matchID),
        JSON.stringify({ playerID: held.playerID, credentials: 'not-the-seat', name: 'Sam' }),
      ],
    );
    await sam.goto(`${live.deployment.url}/play/${match.matchID}`);
    await sam.getByRole('heading', { name: 'You no longer hold this seat' }).waitFor();
    await sam.getByRole('link', { name: 'Watch the match' }).click();
    // Watching the same match afterwards is a new attempt: the old refusal does not linger.
    await sam.locator('.presence-strip').waitFor();
    expect(await sam.getByRole('alert').filter({ hasText: 'no longer hold' }).count()).toBe(0);

    // Ana's seat is handed to a bot while she plays: her board gives way to the same notice.
    const res = await fetch(`${live.deployment.url}/api/matches/${match.matchID}/leave`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-seat': held.playerID,
        'x-credentials': held.credentials,
      },
      body: JSON.stringify({ replaceWith: 'bot' }),
    });
    expect(res.status).toBe(200);
    await ana.getByRole('heading', { name: 'You no longer hold this seat' }).waitFor();
    expect(await ana.locator('.presence-strip').count()).toBe(0);
  });
});
