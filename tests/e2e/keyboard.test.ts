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
  it('plans, seals and reads the recap of a whole round with Tab, Enter, Escape and the arrow keys', async () => {
    const page = await app.page(DESKTOP);
    await page.goto(`${app.url}?speed=fast&seed=keys`);
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');

    // The first-round coach opens on the first turn; close it and play alone.
    await page.locator('.guide').waitFor();
    await tabTo(page, /^Close guide$/);
    await page.keyboard.press('Enter');
    await page.locator('.guide').waitFor({ state: 'detached' });

    // A place on the map shows its details on focus.
    await tabTo(page, /^Malaysia: /);
    await expect(page.locator('[data-testid=place-details] h3').innerText()).resolves.toBe(
      'Malaysia',
    );
    // Enter opens it with the orders the regulator may give there; Enter again closes it.
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid=place-details].pinned')
      .getByRole('button', { name: 'End-use check in a hub' })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=place-details].pinned').waitFor({ state: 'detached' });

    // Open a move, change a choice with the keyboard, add it to the plan.
    await tabTo(page, /^End-use check in a hub/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Add order: End-use check in a hub — /);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('budget')
      .filter({ hasText: /^1 of \d+ orders planned/ })
      .waitFor();
    await expect(page.locator('[data-testid=orders] li').innerText()).resolves.toMatch(
      /End-use check in a hub/,
    );

    // Submit, confirm (focus lands on the confirmation), and the seal shows.
    await tabTo(page, /^Submit and seal orders$/);
    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe('Yes, seal my orders');
    await page.keyboard.press('Enter');

    // The bots seal theirs; the round resolves and its recap takes the focus; Escape closes it.
    await page.locator('#recap-title').waitFor({ timeout: 30000 });
    expect((await focused(page)).text).toBe('What happened in round 1');
    await page.keyboard.press('Escape');
    await page.locator('.round-num', { hasText: 'Round 2/' }).waitFor({ timeout: 30000 });
    await page.locator('#plan-title', { hasText: 'Your orders for round 2' }).waitFor();

    // The recap stays one button away.
    await tabTo(page, /^Round 1 recap$/);
    await page.keyboard.press('Enter');
    await page.locator('#recap-title').waitFor();
    await tabTo(page, /^Continue$/);
    await page.keyboard.press('Enter');
    await page.locator('#recap-title').waitFor({ state: 'detached' });
    await page.close();
  });
});
