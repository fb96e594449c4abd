/**
 * The facilitator's console on a phone (390×844) and under axe-core: the session form, the
 * lobby with its roster, and the running console with a scenario per table. Each screen: no
 * serious or critical axe violation, nothing wider than the window, and every control of a
 * table reachable (it scrolls into view fully inside the window). The real server process.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, ROOT } from './harness';
import { axeProblems, tooWide } from './flows';
import { startDeployment, type Deployment } from './server-proc';

const ARTIFACTS = join(ROOT, 'artifacts', 'screens');

async function guard(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
  expect(await axeProblems(page), `axe on ${name}`).toEqual([]);
  expect(await tooWide(page), `${name} is wider than the window`).toEqual([]);
}

/**
 * Every button, field and select in `scope` scrolls fully into the window's width and is at
 * least 24 px tall to tap (a check box or radio button counts with its label, which taps it).
 */
async function reachable(page: Page, scope: string): Promise<void> {
  const controls = page.locator(`${scope} button, ${scope} input, ${scope} select`);
  const n = await controls.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    if (!(await c.isVisible())) continue;
    await c.scrollIntoViewIfNeeded();
    const { x, width, height, label } = await c.evaluate((el) => {
      const input = el as HTMLInputElement;
      const box =
        input.type === 'checkbox' || input.type === 'radio' ? (el.closest('label') ?? el) : el;
      const r = box.getBoundingClientRect();
      return {
        x: r.left,
        width: r.width,
        height: r.height,
        label: `${el.tagName} "${el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? box.textContent ?? ''}"`,
      };
    });
    expect(x, `${label} starts off screen`).toBeGreaterThanOrEqual(0);
    expect(x + width, `${label} ends off screen`).toBeLessThanOrEqual(PHONE.width);
    expect(height, `${label} is too small to tap`).toBeGreaterThanOrEqual(24);
  }
}

describe('the session console on a phone', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-console-'));
  let server: Deployment;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDeployment(dataDir, { botDelayMs: 100 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, seats and runs a session at 390×844 with no serious axe violation', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const fac = await ctx.newPage();
    await fac.goto(`${server.url}/console`);
    await fac.getByLabel(/Number of tables/).fill('2');
    await fac.getByLabel('A different scenario at each table').check();
    await fac
      .getByLabel('Scenario of table 2')
      .selectOption({ label: 'The suitcase season, 2024' });
    await guard(fac, 'console-create');
    await reachable(fac, 'form.session-form');
    await fac.getByRole('button', { name: 'Create the session' }).click();
    const code = (await fac.getByTestId('session-code').innerText()).trim();

    for (const name of ['Ana', 'Ben', 'Chloé']) {
      const r = await fetch(`${server.url}/api/sessions/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name }),
      });
      expect(r.status).toBe(200);
    }
    await fac.getByLabel('Place of Chloé').waitFor();
    await guard(fac, 'console-lobby');
    await reachable(fac, '.roster');

    await fac.getByRole('button', { name: 'Start every table' }).click();
    await fac.getByTestId('table-1').waitFor();
    await expect
      .poll(() => fac.getByTestId('table-1').getByTestId('table-scenario').innerText())
      .toBe('The suitcase season, 2024');
    await guard(fac, 'console-running');
    await reachable(fac, '[data-testid=table-0]');
    await reachable(fac, '[role=group][aria-label="Every table"]');
    await reachable(fac, '.inject');
    await ctx.close();
  }, 300_000);
});
