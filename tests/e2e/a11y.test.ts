import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, servedApp } from './harness';
import { axeProblems, startGame, submitOrders, waitForPlayer } from './flows';

const app = servedApp();

const overflows = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('accessibility (axe-core)', () => {
  for (const [name, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`has no serious or critical violations on the start screen, the planning desk, the rulebook, the privacy screen and the recap (${name})`, async () => {
      const page = await app.page(size);
      await page.goto(`${app.url}?speed=fast`);
      await page.locator('.start-form').waitFor();
      expect(await axeProblems(page)).toEqual([]);

      await startGame(page, app.url, { people: ['Regulator', 'Chip vendor'] });
      expect(await waitForPlayer(page)).toBe('privacy');
      expect(await axeProblems(page)).toEqual([]);

      await page.getByRole('button', { name: /press to reveal/ }).click();
      expect(await waitForPlayer(page)).toBe('mine');
      await page.locator('.move.allowed button.move-head').first().click();
      expect(await axeProblems(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
      await page.locator('.move-form button[type=submit]').click();
      await page.locator('[data-testid=orders] li').first().waitFor();
      await page.getByRole('button', { name: 'Submit and seal orders' }).click();
      expect(await axeProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Not yet' }).click();

      await page.getByRole('button', { name: 'Charts', exact: true }).click();
      await page.locator('[data-testid=charts]').waitFor();
      await page.getByRole('button', { name: 'Rules', exact: true }).click();
      await page.getByRole('dialog', { name: 'Rulebook' }).locator('h2').first().waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');

      // Both people seal; the public recap of round 1.
      await submitOrders(page);
      expect(await waitForPlayer(page)).toBe('privacy');
      expect(await axeProblems(page)).toEqual([]);
      await page.getByRole('button', { name: /press to reveal/ }).click();
      await page.locator('#plan-title').waitFor();
      await submitOrders(page);
      expect(await waitForPlayer(page)).toBe('recap');
      expect(await axeProblems(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
      await page.close();
    });
  }
});
