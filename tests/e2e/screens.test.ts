import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, ROOT, servedApp } from './harness';
import { axeProblems, startGame, submitOrders, tooWide, waitForPlayer } from './flows';

/**
 * The screen guard: every screen of a game on this device, at 1280×720 and 390×844, is
 * photographed into artifacts/screens/ (kept by CI), scanned with axe-core (no serious or
 * critical violation) and measured: nothing wider than the window, map labels apart, map text
 * at least 14 px on the desktop; a hub opens its details and orders; a reload loses nothing.
 */
const app = servedApp();
const ARTIFACTS = join(ROOT, 'artifacts', 'screens');
const SIZES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

type Size = (typeof SIZES)[number][0];

/** Photographs, scans and measures the screen as it is now. */
async function guard(page: Page, size: Size, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${size}.png`) });
  expect(await axeProblems(page), `axe on ${name} (${size})`).toEqual([]);
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll, `${name} (${size}) is wider than the window`).toBeLessThanOrEqual(inner);
}

interface MapText {
  text: string;
  px: number;
  box: { x: number; y: number; r: number; b: number };
}

/** Every drawn text, badge, pod row and holding mark of the map, with its box on screen. */
const mapMarks = (page: Page): Promise<MapText[]> =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<SVGGraphicsElement>(
        'svg.map .map-label, svg.map .code, svg.map .badge rect, svg.map .pods, svg.map .mine path, svg.map .exposed rect',
      ),
    ]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const scale = el.getScreenCTM()?.a ?? 0;
        return {
          text: `${el.closest('[data-place-mark]')?.getAttribute('data-place-mark')}:${el.textContent || el.getAttribute('class')}`,
          px: el.tagName === 'text' ? parseFloat(getComputedStyle(el).fontSize) * scale : 99,
          box: { x: r.left, y: r.top, r: r.right, b: r.bottom },
        };
      }),
  );

function overlaps(marks: MapText[]): string[] {
  const hits: string[] = [];
  for (let i = 0; i < marks.length; i++)
    for (let j = i + 1; j < marks.length; j++) {
      const a = marks[i].box;
      const b = marks[j].box;
      // A text and the badge or marker it sits in belong together.
      const sameThing =
        marks[i].text.split(':')[0] === marks[j].text.split(':')[0] &&
        ((a.x >= b.x && a.r <= b.r && a.y >= b.y && a.b <= b.b) ||
          (b.x >= a.x && b.r <= a.r && b.y >= a.y && b.b <= a.b));
      if (!sameThing && a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b)
        hits.push(`${marks[i].text} × ${marks[j].text}`);
    }
  return hits;
}

async function checkMap(page: Page, size: Size): Promise<void> {
  const marks = await mapMarks(page);
  expect(marks.filter((m) => m.text.endsWith(':map-label') === false).length).toBeGreaterThan(20);
  expect(overlaps(marks), `map labels overlap (${size})`).toEqual([]);
  if (size === 'desktop') {
    const small = marks.filter((m) => m.px < 14).map((m) => `${m.text} ${m.px.toFixed(1)}px`);
    expect(small, 'map text under 14 px at 1280×720').toEqual([]);
  }
}

describe('screen guard', () => {
  for (const [size, viewport] of SIZES) {
    it(`a solo game: start, board, map, hub details, dialogs, recap and a reload (${size})`, async () => {
      const page = await app.page(viewport);
      await page.goto(`${app.url}?speed=fast&seed=e2e`);
      await page.locator('.start-form').waitFor();
      await guard(page, size, 'start');

      await startGame(page, app.url, { people: ['Beijing lab'], guide: false });
      expect(await waitForPlayer(page)).toBe('mine');

      // A map wider than the phone opens on the hubs and China, and says that it scrolls sideways.
      const frame = await page.locator('.map-scroll').boundingBox();
      for (const place of ['MY', 'SG', 'TH', 'ID', 'CN']) {
        const box = await page.locator(`[data-place=${place}]`).boundingBox();
        expect(box && frame, `${place} is drawn`).toBeTruthy();
        const inside = box!.x >= frame!.x && box!.x + box!.width <= frame!.x + frame!.width;
        expect(inside, `${place} in view as the map opens (${size})`).toBe(true);
      }
      expect(await page.locator('.map-sideways').isVisible()).toBe(size === 'phone');

      await guard(page, size, 'board');
      await checkMap(page, size);

      // A hub, clicked, opens its details and the orders the lab may give there.
      await page.locator('[data-place=MY]').scrollIntoViewIfNeeded();
      await page.locator('[data-place=MY]').click();
      const details = page.locator('[data-testid=place-details].pinned');
      await details.waitFor();
      await expect(details.locator('h3').innerText()).resolves.toBe('Malaysia');
      await guard(page, size, 'hub-details');
      const order = details.getByRole('button', { name: 'Register a local entity' });
      await order.click();
      await page.locator('.move[data-move=registerEntity].open .move-form').waitFor();
      // Keyboard too: focus a hub and press Enter.
      await page.locator('[data-place=SG]').focus();
      await page.keyboard.press('Enter');
      await expect(details.locator('h3').innerText()).resolves.toBe('Singapore');
      await details.getByRole('button', { name: 'Close' }).click();
      await details.waitFor({ state: 'detached' });

      await page.locator('.move[data-move=registerEntity] .move-form button[type=submit]').click();
      await page.locator('[data-testid=orders] li').first().waitFor();

      // Quit asks in the page, and Stay keeps the game.
      await page.getByRole('button', { name: 'Quit', exact: true }).click();
      await page.getByRole('alertdialog', { name: 'Leave the table?' }).waitFor();
      await guard(page, size, 'quit-dialog');
      await page.getByRole('button', { name: 'Stay' }).click();

      await page.getByRole('button', { name: 'Charts', exact: true }).click();
      await page.locator('[data-testid=charts]').waitFor();
      await guard(page, size, 'charts');

      await page.getByRole('button', { name: 'Rules', exact: true }).click();
      await page.getByRole('dialog', { name: 'Rulebook' }).locator('h2').first().waitFor();
      await guard(page, size, 'rulebook');
      await page.keyboard.press('Escape');

      await submitOrders(page);
      expect(await waitForPlayer(page)).toBe('recap');
      // What happened to the lab comes first.
      await expect(page.locator('.recap h2').first().innerText()).resolves.toBe(
        'What happened to you',
      );
      await expect(page.locator('[data-testid=recap-mine]').innerText()).resolves.toMatch(
        /Malaysia/,
      );
      await guard(page, size, 'recap');

      // A reload puts the same game back: round 2, the lab's entity still there.
      await page.reload();
      expect(await waitForPlayer(page)).toBe('recap');
      await page.locator('.recap-actions button').click();
      expect(await waitForPlayer(page)).toBe('mine');
      await expect(page.locator('.round-num').innerText()).resolves.toMatch(/^Round 2\//);
      await expect(page.locator('[data-place=MY]').getAttribute('aria-label')).resolves.toMatch(
        /Malaysia/,
      );
      await page.locator('[data-place=MY]').click();
      await expect(page.locator('[data-testid=place-details]').innerText()).resolves.toMatch(
        /your entity/,
      );

      // Quit, keep the game: the start screen offers it back.
      await page.getByRole('button', { name: 'Quit', exact: true }).click();
      await page.getByRole('button', { name: 'Keep the game for later' }).click();
      await page.getByRole('button', { name: 'Resume the game' }).waitFor();
      await guard(page, size, 'start-kept');
      await page.getByRole('button', { name: 'Resume the game' }).click();
      if ((await waitForPlayer(page)) === 'recap')
        await page.locator('.recap-actions button').click();
      expect(await waitForPlayer(page)).toBe('mine');
      await expect(page.locator('.round-num').innerText()).resolves.toMatch(/^Round 2\//);
      await page.close();
    });

    it(`the first-round guide opens in view (${size})`, async () => {
      const page = await app.page(viewport);
      await startGame(page, app.url, { people: ['Regulator'] });
      await page.locator('#guide-title').waitFor();
      await page.waitForTimeout(300); // the board's own scroll to the orders, if any
      const box = await page.locator('#guide-title').boundingBox();
      expect(box, 'the guide is drawn').not.toBeNull();
      expect(box!.y, 'the guide starts in view').toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      await guard(page, size, 'guide');
      await page.close();
    });

    it(`a damaged saved game is reported and set aside (${size})`, async () => {
      const page = await app.page(viewport);
      await page.evaluate(() =>
        window.localStorage.setItem('chokepoint:local-game', '{"version":1,'),
      );
      await page.goto(`${app.url}?speed=fast`);
      await page.getByRole('alert').filter({ hasText: 'could not be restored' }).waitFor();
      await guard(page, size, 'start-damaged-save');
      await page.close();
    });

    it(`the facilitator and the all-bot demo on the projector, to the end screen (${size})`, async () => {
      const page = await app.page(viewport);
      await page.goto(`${app.url}?speed=slow&seed=e2e`);
      await page.getByRole('radio', { name: /Classroom/ }).check();
      for (const name of ['Regulator', 'Chip vendor', 'Beijing lab', 'Hub governments'])
        await page.getByLabel(`${name}: who plays`).selectOption('bot');
      await page.getByLabel('Facilitator: who watches').selectOption('person');
      await page.getByLabel('Guide me through the first round').uncheck();
      await page.getByRole('button', { name: 'Start the game' }).click();
      await page.locator('[data-testid=facilitator-desk]').waitFor();
      await guard(page, size, 'facilitator');
      await page.getByRole('button', { name: 'Quit', exact: true }).click();
      await page.getByRole('button', { name: 'End the game' }).click();

      // Every role a bot: the projector view, a demo with a speed control and a pause.
      await page.goto(`${app.url}?speed=slow&seed=e2e`);
      for (const name of ['Regulator', 'Chip vendor', 'Beijing lab', 'Hub governments'])
        await page.getByLabel(`${name}: who plays`).selectOption('bot');
      await page.getByRole('button', { name: 'Start the game' }).click();
      await page.locator('[data-testid=scoreboard]').waitFor();
      await page.locator('#recap-title').waitFor({ timeout: 60000 }); // round 1 resolved
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.locator('[data-testid=pause-notice]').waitFor();
      // Chart legends show the latest values, not "--".
      expect(await page.locator('.u-legend').first().innerText()).not.toMatch(/--/);
      if (await page.locator('#recap-title').count())
        await page.locator('.recap-actions button').click();
      await guard(page, size, 'projector');
      await page.getByRole('button', { name: /^Round \d+ recap$/ }).click();
      if (await page.locator('#recap-title').count()) {
        await guard(page, size, 'projector-recap');
        await page.locator('.recap-actions button').click();
      }
      await page.getByLabel('Speed').selectOption({ index: 2 });
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.locator('#end-title').waitFor({ timeout: 120000 });
      await guard(page, size, 'end');
      await page.close();
    });
  }

  it('fits the smallest phones (320 px): the start screen, the online match form and the board', async () => {
    const page = await app.page({ width: 320, height: 640 });
    await page.goto(app.url);
    await page.locator('.start-form').waitFor();
    expect(await tooWide(page), 'the start screen').toEqual([]);
    await page.goto(`${app.url}/online/new`);
    await page.getByRole('heading', { name: 'Create a match' }).waitFor();
    expect(await tooWide(page), 'the online match form').toEqual([]);
    await startGame(page, app.url, { people: ['Beijing lab'], guide: false });
    expect(await waitForPlayer(page)).toBe('mine');
    expect(await tooWide(page), 'the board').toEqual([]);
    await page.close();
  });
});
