import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, servedApp } from './harness';

const app = servedApp();

interface Focused {
  text: string;
  tag: string;
  /** Whether a focus ring shows: an outline, or a stroke on SVG targets. */
  ring: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const el = active === document.body ? null : active;
    const style = el ? getComputedStyle(el) : null;
    const outline = !!style && style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
    const stroke =
      !!style && el instanceof SVGElement && style.stroke !== 'none' && style.strokeWidth !== '0px';
    return {
      text: (el?.innerText || el?.getAttribute('aria-label') || '').trim(),
      tag: el?.tagName ?? '',
      ring: outline || stroke,
    };
  });

/** Presses Tab until the focused control's text matches, checking that focus is visible. */
async function tabTo(page: Page, match: RegExp, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match.test(f.text)) {
      expect(f.ring, `focus ring on "${f.text}"`).toBe(true);
      return;
    }
  }
  throw new Error(`could not reach ${match} with Tab`);
}

describe('keyboard alone', () => {
  it('plays a whole round with Tab, Enter and the arrow keys', async () => {
    const page = await app.page(DESKTOP);
    await page.goto(`${app.url}?speed=fast&seed=keys`);
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');

    // The guide opens on the first turn; read it through, then play.
    await page.locator('.guide').waitFor();
    await tabTo(page, /^Next$/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    expect((await focused(page)).text).toMatch(/^Got it/);
    await page.keyboard.press('Enter');
    await page.locator('.guide').waitFor({ state: 'detached' });

    // A place on the map shows its details on focus.
    await tabTo(page, /^Malaysia: /);
    await expect(page.locator('[data-testid=place-details] h3').innerText()).resolves.toBe(
      'Malaysia',
    );

    // Open a move, change a choice with the keyboard, confirm it.
    await tabTo(page, /^End-use check in a hub/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^End-use check in a hub — /);
    await page.keyboard.press('Enter');
    await page.locator('.actions-left', { hasText: '1 action left' }).waitFor();

    await tabTo(page, /^End turn$/);
    await page.keyboard.press('Enter');
    await page.locator('.round-num', { hasText: 'Round 2/' }).waitFor({ timeout: 30000 });
    await page.locator('#turn-title', { hasText: 'Your turn' }).waitFor({ timeout: 30000 });
    await page.close();
  });
});
