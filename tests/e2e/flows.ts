import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

/** Steps a test takes through the UI, the way a player would. */

export async function startGame(
  page: Page,
  url: string,
  opts: { scenario?: string; people?: string[]; guide?: boolean } = {},
): Promise<void> {
  await page.goto(`${url}?speed=fast&seed=e2e`);
  if (opts.scenario) await page.getByRole('radio', { name: new RegExp(opts.scenario) }).check();
  if (opts.people) {
    const rows = page.locator('.seat-row:not(.absent)');
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const name = (await rows.nth(i).locator('.seat-name').innerText()).split('\n')[0].trim();
      await rows
        .nth(i)
        .getByLabel(`${name}: who plays`)
        .selectOption(opts.people.includes(name) ? 'person' : 'bot');
    }
  }
  if (opts.guide === false) await page.getByLabel('Guide me through the first round').uncheck();
  await page.getByRole('button', { name: 'Start the game' }).click();
}

export type Seen = 'mine' | 'privacy' | 'recap' | 'end';

/**
 * Waits until a person may plan (their board with an open desk), a privacy screen, a round
 * recap or the end screen.
 */
export async function waitForPlayer(page: Page, timeout = 60000): Promise<Seen> {
  const mine = page.locator('.planning.open #plan-title');
  const privacy = page.locator('#privacy-title');
  const recap = page.locator('#recap-title');
  const end = page.locator('#end-title');
  await mine.or(privacy).or(recap).or(end).first().waitFor({ timeout });
  if (await end.count()) return 'end';
  if (await recap.count()) return 'recap';
  if (await privacy.count()) return 'privacy';
  return 'mine';
}

/** Adds the first order the board offers, with its default choices; false when none is open. */
export async function addFirstOrder(page: Page): Promise<boolean> {
  const head = page.locator('.move.allowed button.move-head').first();
  if ((await head.count()) === 0) return false;
  await head.click();
  await page.locator('.move-form button[type=submit]').click();
  return true;
}

/** How many orders the desk lists. */
export const plannedCount = (page: Page): Promise<number> =>
  page.locator('[data-testid=orders] li').count();

/** Submit, then confirm; waits for the sealed status (or the next screen). */
export async function submitOrders(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit and seal orders' }).click();
  await page.getByText('Submit and seal your orders? You cannot change them after.').waitFor();
  await page.getByRole('button', { name: 'Yes, seal my orders' }).click();
}

/** Closes the round recap with its Continue button. */
export async function closeRecap(page: Page): Promise<void> {
  await page.locator('.recap-actions button').click();
  await page.locator('#recap-title').waitFor({ state: 'detached' });
}

/** Plays one person's round: adds up to `orders` orders, then submits and seals them. */
export async function planAndSubmit(page: Page, orders = 1): Promise<void> {
  for (let i = 0; i < orders; i++) {
    const before = await plannedCount(page);
    if (!(await addFirstOrder(page))) break;
    await page.locator('[data-testid=orders] li').nth(before).waitFor();
  }
  await submitOrders(page);
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. axe is evaluated
 * through the DevTools protocol rather than an inline <script>, which the server's CSP refuses.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * Whether the page is wider than its window, and if so the first elements that stick out
 * (tag.class), to say what to fix; an empty list when everything fits.
 */
export async function tooWide(page: Page): Promise<string[]> {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  if (scroll <= inner) return [];
  const out = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  return [`${scroll} px wide in a ${inner} px window`, ...out];
}

/** A match created through the lobby API, as the host screen would: its id and join link. */
export async function createOnlineMatch(
  url: string,
  seats: ({ kind: 'person' } | { kind: 'bot'; level?: 'random' | 'heuristic' })[],
): Promise<{ matchID: string; joinUrl: string }> {
  const res = await fetch(`${url}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'classroom', seats }),
  });
  if (!res.ok) throw new Error(`create: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { matchID: string; joinCode: string };
  return { matchID: created.matchID, joinUrl: `${url}/join/${created.joinCode}` };
}

/** Follows a join link, takes the seat named `seat` as `name`, and waits for the live board. */
export async function joinByLink(
  page: Page,
  joinUrl: string,
  seat: RegExp,
  name: string,
): Promise<void> {
  await page.goto(joinUrl);
  await page.getByRole('radio', { name: seat }).check();
  await page.getByLabel('Your name (others see it)').fill(name);
  await page.getByRole('button', { name: 'Join and play' }).click();
  await page.locator('.presence-strip').waitFor();
}
