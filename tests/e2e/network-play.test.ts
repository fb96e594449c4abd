/**
 * Networked play through the UI alone, against `npm start`'s real server process: a teacher
 * creates a classroom match (two person seats, two bots), takes a seat from the host screen,
 * a student joins by code in another browser, a spectator follows the public view in a third;
 * the host pauses (a move is refused and the board stays), the student reloads mid-game and
 * lands back in the seat, and every browser ends on the end screen with the winners.
 * TEST_CLUSTER=1 plays it against three processes behind nginx on PostgreSQL and Redis
 * (.ci/run does both): the browsers' sockets land on whichever process nginx picks.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, shot } from './harness';
import { addFirstOrder, axeProblems, closeRecap, submitOrders } from './flows';
import { useDeploymentAndBrowsers } from './fixture';

/**
 * This seat's desk open for planning, or the end screen, whichever comes first (null on
 * timeout). A round recap the board opened by itself is read and closed on the way.
 */
async function myDeskOrEnd(page: Page, timeout: number): Promise<'mine' | 'end' | null> {
  const mine = page.locator('.planning.open #plan-title');
  const recap = page.locator('#recap-title');
  const end = page.locator('#end-title');
  try {
    await mine.or(recap).or(end).first().waitFor({ timeout });
    if (await recap.count()) {
      await closeRecap(page);
      await mine.or(end).first().waitFor({ timeout });
    }
  } catch {
    return null;
  }
  if (await end.count()) return 'end';
  return (await recap.count()) ? null : 'mine';
}

/** One round for this seat: one order, then submit and seal. */
async function playRound(page: Page): Promise<void> {
  await addFirstOrder(page);
  await page.locator('[data-testid=orders] li').first().waitFor({ timeout: 5000 });
  await submitOrders(page);
  await page
    .getByTestId('sealed')
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
}

describe('networked classroom match through the UI (npm start server)', () => {
  const live = useDeploymentAndBrowsers('netplay', 3, { botDelayMs: 150 });

  it('creates, joins by code, watches, pauses, reloads and plays to the end in every browser', async () => {
    const errors: string[] = [];
    const host = await live.browsers[0].page(DESKTOP);
    host.on('pageerror', (e) => errors.push(`host: ${e.message}`));

    // The teacher creates the match from the start screen.
    await host.goto(live.deployment.url);
    await host.getByRole('button', { name: 'Play online' }).click();
    await host.getByRole('heading', { name: 'Play online' }).waitFor();
    expect(await axeProblems(host)).toEqual([]);
    await host.getByRole('link', { name: 'Create a match' }).click();
    await host
      .getByRole('radio', { name: /Classroom/i })
      .first()
      .check();
    await host.getByLabel('Regulator: who plays').selectOption('person');
    await host.getByLabel('Chip vendor: who plays').selectOption('person');
    await host.getByLabel('Beijing lab: who plays').selectOption('heuristic');
    await host.getByLabel('Hub governments: who plays').selectOption('random');
    await host.getByRole('radio', { name: /Private/ }).check();
    expect(await axeProblems(host)).toEqual([]);
    await host.getByRole('button', { name: 'Create the match' }).click();

    // The host screen: code, QR, seats.
    const code = (await host.getByTestId('join-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    const qr = host.getByRole('img', { name: /QR code that opens .*\/join\// });
    await qr.waitFor();
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(280);
    const matchID = new URL(host.url()).pathname.split('/')[2];
    await expect(host.getByTestId('host-seats').innerText()).resolves.toMatch(
      /Free — waiting for a player/,
    );
    await shot(host, 'online-host-qr');
    expect(await axeProblems(host)).toEqual([]);
    await host.setViewportSize(PHONE);
    await shot(host, 'online-host-phone');
    expect(await axeProblems(host)).toEqual([]);
    await host.setViewportSize(DESKTOP);

    // The teacher takes the Regulator seat from the host screen.
    await host.getByRole('radio', { name: /Regulator/ }).check();
    await host.getByLabel('Your name (others see it)').fill('Ms Rivera');
    await host.getByRole('button', { name: 'Join and play' }).click();
    await host.locator('.presence-strip').waitFor();

    // A student joins by typing the code; the name is shown as text, never markup.
    const pupil = await live.browsers[1].page(PHONE);
    pupil.on('pageerror', (e) => errors.push(`student: ${e.message}`));
    await pupil.goto(live.deployment.url);
    await pupil.getByRole('button', { name: 'Play online' }).click();
    await pupil.getByLabel('Code from the host screen').fill(code.toLowerCase());
    await pupil.getByRole('button', { name: 'Find the match' }).click();
    await pupil.getByRole('radio', { name: /Chip vendor/ }).waitFor();
    expect(await pupil.getByRole('radio', { name: /Regulator/ }).count()).toBe(0);
    expect(await axeProblems(pupil)).toEqual([]);
    await pupil.getByLabel('Your name (others see it)').fill('<b>Sam</b>');
    await pupil.getByRole('button', { name: 'Join and play' }).click();
    await pupil.locator('.presence-strip').waitFor();
    await host.locator('.presence-seat', { hasText: '<b>Sam</b>' }).waitFor();
    expect(await host.locator('.presence-strip b').count()).toBe(0);

    // A spectator follows the public view.
    const spectator = await live.browsers[2].page(DESKTOP);
    spectator.on('pageerror', (e) => errors.push(`spectator: ${e.message}`));
    await spectator.goto(`${live.deployment.url}/watch/${matchID}`);
    await spectator.locator('.watch-badge').waitFor();
    await spectator.locator('.presence-seat', { hasText: 'Ms Rivera' }).waitFor();
    const logAtStart = await spectator.locator('[data-testid=log] li').count();
    expect(await axeProblems(spectator)).toEqual([]);

    let turns = 0;
    let reloaded = false;
    let pausedOnce = false;
    const done = new Set<Page>();
    for (let rounds = 0; done.size < 2 && rounds < 400; rounds++) {
      for (const page of [host, pupil]) {
        if (done.has(page)) continue;
        const seen = await myDeskOrEnd(page, 1500);
        if (seen === 'end') done.add(page);
        if (seen !== 'mine') continue;
        turns += 1;
        if (page === pupil && !pausedOnce) {
          pausedOnce = true;
          // The host pauses from the host screen: the student's move is refused, the board stays.
          await host.getByRole('link', { name: 'Host controls' }).click();
          await host.getByRole('button', { name: 'Pause the match' }).click();
          await pupil.getByTestId('paused').waitFor();
          const before = await pupil.locator('[data-testid=orders] li').count();
          await addFirstOrder(pupil);
          await pupil.getByRole('alert').filter({ hasText: 'Move refused' }).waitFor();
          expect(await pupil.locator('[data-testid=orders] li').count()).toBe(before);
          await pupil.getByRole('button', { name: 'Dismiss' }).click();
          await host.getByRole('button', { name: 'Resume the match' }).click();
          await pupil.getByTestId('paused').waitFor({ state: 'detached' });
          await host.getByRole('link', { name: 'Continue playing' }).click();
          await host.locator('.presence-strip').waitFor();
        }
        if (page === pupil && turns >= 4 && !reloaded) {
          reloaded = true;
          await pupil.reload();
          await pupil.locator('.presence-seat.me', { hasText: 'Chip vendor' }).waitFor();
          expect(await myDeskOrEnd(pupil, 20000)).toBe('mine');
        }
        if (turns === 3) {
          await shot(page, page === host ? 'online-board-desktop' : 'online-board-phone');
          await shot(spectator, 'online-spectator');
        }
        await playRound(page);
      }
    }
    expect(reloaded).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(8);
    expect(
      await spectator
        .locator('[data-testid=log] li')
        .count()
        .catch(() => 0),
    ).not.toBe(logAtStart);

    for (const page of [host, pupil, spectator]) {
      await page.locator('#end-title').waitFor({ timeout: 60000 });
      await expect(page.locator('#end-title').innerText()).resolves.toMatch(/Winners|Nobody won/);
      expect(await page.locator('[data-testid=results] li').count()).toBe(4);
      // The earlier rounds' plans come from the match's replay on the server: every seal checks.
      await page.locator('.sealed-plan.check-unread').first().waitFor({ state: 'detached' });
      const checks = await page.getByTestId('seal-check').allInnerTexts();
      expect(checks.length).toBeGreaterThan(4);
      expect(new Set(checks)).toEqual(new Set(['✓ seal matches']));
    }
    await shot(spectator, 'online-end-spectator');
    expect(errors).toEqual([]);
  });
});
