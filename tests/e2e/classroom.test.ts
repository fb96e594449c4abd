import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot, servedApp } from './harness';
import { axeProblems, endTurnIfMine, makeFirstMove, startGame, waitForPlayer } from './flows';

const app = servedApp();

describe('a whole classroom game through the UI', () => {
  it('plays a person (the Beijing lab) against three bots until the end screen shows winners', async () => {
    const page = await app.page(DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startGame(page, app.url, { people: ['Beijing lab'], guide: false });
    let turns = 0;
    for (;;) {
      const seen = await waitForPlayer(page);
      if (seen === 'end') break;
      expect(seen).toBe('mine');
      turns += 1;
      if (turns === 2) {
        await shot(page, 'board-desktop');
        await page.setViewportSize(PHONE);
        await shot(page, 'board-phone');
        await page.setViewportSize(DESKTOP);
      }
      await makeFirstMove(page);
      if ((await waitForPlayer(page)) === 'mine') await endTurnIfMine(page);
      expect(turns).toBeLessThan(40);
    }
    expect(turns).toBeGreaterThanOrEqual(8);
    await expect(page.locator('#end-title').innerText()).resolves.toMatch(/Winners|Nobody won/);
    const results = await page.locator('[data-testid=results] li').allInnerTexts();
    expect(results).toHaveLength(4);
    expect(results.join('\n')).toMatch(/won|did not win/);
    await page.locator('[data-testid=revealed] li').first().waitFor();
    expect(await page.locator('[data-testid=revealed] li').first().innerText()).toMatch(
      /Round \d+/,
    );
    await page.locator('[data-testid=charts] .uplot').first().waitFor();
    await shot(page, 'end-desktop');
    expect(await axeProblems(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await shot(page, 'end-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
