import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot, servedApp } from './harness';
import { axeProblems, closeRecap, planAndSubmit, startGame, waitForPlayer } from './flows';

const app = servedApp();

/** No element wider than the window: nothing to scroll sideways. */
const overflows = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('a whole classroom game through the UI', () => {
  it('plays a person (the Beijing lab) against three bots, round by round, until the end screen opens every seal', async () => {
    const page = await app.page(DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startGame(page, app.url, { people: ['Beijing lab'], guide: false });
    let rounds = 0;
    let recaps = 0;
    for (;;) {
      const seen = await waitForPlayer(page);
      if (seen === 'end') break;
      if (seen === 'recap') {
        recaps += 1;
        const title = await page.locator('#recap-title').innerText();
        expect(title).toBe(`What happened in round ${rounds}`);
        // Steps come in the published order, under their names.
        const steps = await page.locator('.recap-step h2').allInnerTexts();
        expect(steps.length).toBeGreaterThan(0);
        if (recaps === 1) {
          await shot(page, 'recap-desktop');
          expect(await axeProblems(page)).toEqual([]);
          await page.setViewportSize(PHONE);
          expect(await overflows(page)).toBe(false);
          await shot(page, 'recap-phone');
          await page.setViewportSize(DESKTOP);
        }
        await closeRecap(page);
        continue;
      }
      expect(seen).toBe('mine');
      rounds += 1;
      await expect(page.locator('.round-num').innerText()).resolves.toMatch(
        new RegExp(`^Round ${rounds}/`),
      );
      await expect(page.getByTestId('budget').innerText()).resolves.toMatch(/^0 of \d+ orders/);
      if (rounds === 2) {
        await shot(page, 'board-desktop');
        expect(await overflows(page)).toBe(false);
        await page.setViewportSize(PHONE);
        expect(await overflows(page)).toBe(false);
        await shot(page, 'board-phone');
        await page.setViewportSize(DESKTOP);
      }
      await planAndSubmit(page, 2);
      expect(rounds).toBeLessThan(20);
    }
    expect(rounds).toBeGreaterThanOrEqual(4);
    expect(recaps).toBe(rounds);
    await expect(page.locator('#end-title').innerText()).resolves.toMatch(/Winners|Nobody won/);
    const results = await page.locator('[data-testid=results] li').allInnerTexts();
    expect(results).toHaveLength(4);
    expect(results.join('\n')).toMatch(/won|did not win/);
    // Every seat's plan of every round, its seal checked again (the earlier rounds' plans are
    // read from the match's own record as the end screen opens).
    await page.locator('.sealed-plan.check-unread').first().waitFor({ state: 'detached' });
    const checks = await page.getByTestId('seal-check').allInnerTexts();
    expect(checks).toHaveLength(rounds * 4);
    expect(new Set(checks)).toEqual(new Set(['✓ seal matches']));
    await expect(page.locator('.sealed-plans').innerText()).resolves.toMatch(/SHA-256/);
    await page.locator('[data-testid=charts] .uplot').first().waitFor();
    await shot(page, 'end-desktop');
    expect(await axeProblems(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await overflows(page)).toBe(false);
    await shot(page, 'end-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
