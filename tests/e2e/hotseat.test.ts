import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, shot, servedApp } from './harness';
import { closeRecap, startGame, submitOrders, waitForPlayer } from './flows';

const app = servedApp();

async function reveal(page: Page, seat: string): Promise<void> {
  expect(await waitForPlayer(page)).toBe('privacy');
  await expect(page.locator('#privacy-title').innerText()).resolves.toBe(`Pass to the ${seat}`);
  await page.getByRole('button', { name: new RegExp(`I am the ${seat}`) }).click();
  await page.locator('#plan-title').waitFor();
}

async function addOrder(page: Page, move: string, choices: Record<string, string> = {}) {
  const before = await page.locator('[data-testid=orders] li').count();
  await page.locator(`.move[data-move=${move}] button.move-head`).click();
  for (const [label, value] of Object.entries(choices))
    await page.locator(`.move[data-move=${move}]`).getByLabel(label).selectOption(value);
  await page.locator(`.move[data-move=${move}] .move-form button[type=submit]`).click();
  await page.locator('[data-testid=orders] li').nth(before).waitFor();
}

/** Closes a recap dialog a board opened by itself, if any. */
async function closeOwnRecap(page: Page): Promise<void> {
  if (await page.locator('#recap-title').count()) await closeRecap(page);
}

describe('hot-seat play on one screen', () => {
  it('hands the device to each person still planning, hides their secrets, and ends on the public recap', async () => {
    const page = await app.page(DESKTOP);
    await startGame(page, app.url, { people: ['Regulator', 'Beijing lab'], guide: false });

    // Round 1: the Regulator plans first and seals with no orders.
    await reveal(page, 'Regulator');
    await submitOrders(page);

    // The device goes to the lab; everyone can see the Regulator's seal, nothing else.
    expect(await waitForPlayer(page)).toBe('privacy');
    const regulatorStatus = page.locator('.privacy [data-testid=seat-status][data-seat="0"]');
    await expect(regulatorStatus.innerText()).resolves.toMatch(/sealed [0-9a-f]{12}$/);
    await shot(page, 'privacy-screen');

    await reveal(page, 'Beijing lab');
    await expect(page.getByTestId('budget').innerText()).resolves.toMatch(/^0 of \d+ orders/);
    await addOrder(page, 'prepareData');
    await addOrder(page, 'courierData', { Hub: 'MY', 'Data (TB)': '40', Carriers: '2' });
    const orders = await page.locator('[data-testid=orders] li').allInnerTexts();
    expect(orders[0]).toMatch(/Prepare training data/);
    expect(orders[1]).toMatch(/Courier data on drives — Malaysia · 40 TB · 2 carriers/);
    await expect(page.getByTestId('budget').innerText()).resolves.toMatch(/^2 of \d+ orders/);

    // Withdraw the courier and plan it again: a plan can change until it is submitted.
    await page.getByRole('button', { name: /Withdraw order 2/ }).click();
    await expect(page.locator('[data-testid=orders] li').count()).resolves.toBe(1);
    await addOrder(page, 'courierData', { Hub: 'MY', 'Data (TB)': '40', Carriers: '2' });
    await submitOrders(page);

    // The last person sealed; bots seal by themselves; the round resolves into the public recap.
    expect(await waitForPlayer(page)).toBe('recap');
    await expect(page.locator('#recap-title').innerText()).resolves.toBe(
      'What happened in round 1',
    );
    await expect(page.locator('.recap-sub').innerText()).resolves.toMatch(/everyone/);
    const secrets = [/Prepared \d+ TB of training data/, /Sent 2 carriers with 40 TB to Malaysia/];
    let html = await page.content();
    for (const s of secrets) expect(html).not.toMatch(s);
    await shot(page, 'recap-public');
    await closeRecap(page);

    // Round 2: the Regulator's board holds none of the lab's secrets.
    await reveal(page, 'Regulator');
    await closeOwnRecap(page);
    await expect(page.locator('.round-num').innerText()).resolves.toMatch(/^Round 2\//);
    html = await page.content();
    for (const s of secrets) expect(html).not.toMatch(s);
    expect(html).not.toContain('carriers with');
    expect(await page.locator('.mover.secret').count()).toBe(0);
    await submitOrders(page);

    // The lab's own board opens its recap, with what only it may read.
    await reveal(page, 'Beijing lab');
    await page.locator('#recap-title').waitFor();
    const mine = await page.locator('[data-testid=recap] li.secret').allInnerTexts();
    expect(mine.join('\n')).toMatch(/Prepared \d+ TB of training data/);
    await page.keyboard.press('Escape');
    await page.locator('#recap-title').waitFor({ state: 'detached' });
    await expect(page.locator('[data-testid=my-secrets]').innerText()).resolves.toMatch(/Malaysia/);
    await page.close();
  });
});
