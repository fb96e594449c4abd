import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, shot, servedApp } from './harness';
import { startGame, waitForPlayer } from './flows';

const app = servedApp();

async function reveal(page: Page, seat: string): Promise<void> {
  expect(await waitForPlayer(page)).toBe('privacy');
  await expect(page.locator('#privacy-title').innerText()).resolves.toBe(`Pass to the ${seat}`);
  await page.getByRole('button', { name: new RegExp(`I am the ${seat}`) }).click();
  expect(await waitForPlayer(page)).toBe('mine');
}

async function useMove(
  page: Page,
  move: string,
  choices: Record<string, string> = {},
): Promise<void> {
  await page.locator(`.move[data-move=${move}] button.move-head`).click();
  for (const [label, value] of Object.entries(choices))
    await page.locator(`.move[data-move=${move}]`).getByLabel(label).selectOption(value);
  await page.locator(`.move[data-move=${move}] .move-form button[type=submit]`).click();
}

describe('hot-seat play on one screen', () => {
  it('hides the previous seat’s secrets behind the privacy screen', async () => {
    const page = await app.page(DESKTOP);
    await startGame(page, app.url, { people: ['Regulator', 'Beijing lab'], guide: false });

    await reveal(page, 'Regulator');
    await page.getByRole('button', { name: 'End turn' }).click();

    await reveal(page, 'Beijing lab');
    await useMove(page, 'prepareData');
    await page
      .locator('[data-testid=log] li.secret', { hasText: 'Prepared 20 TB of training data' })
      .waitFor();
    await expect(page.locator('[data-testid=my-secrets]').innerText()).resolves.toContain(
      'being prepared',
    );
    await useMove(page, 'courierData', { Hub: 'MY', 'Data (TB)': '40', Carriers: '2' });
    // The lab's own board showed its secrets while it played.
    const secrets = ['Prepared 20 TB of training data', 'Sent 2 carriers with 40 TB to Malaysia'];

    // Its two actions end the turn: the hub bot plays, then the Regulator's privacy screen.
    expect(await waitForPlayer(page)).toBe('privacy');
    await shot(page, 'privacy-screen');
    let html = await page.content();
    for (const s of secrets) expect(html).not.toContain(s);
    expect(await page.locator('[data-testid=my-secrets]').count()).toBe(0);

    await reveal(page, 'Regulator');
    html = await page.content();
    for (const s of secrets) expect(html).not.toContain(s);
    expect(html).not.toContain('carriers with');
    expect(await page.locator('.mover.secret').count()).toBe(0);
    await page.close();
  });
});
