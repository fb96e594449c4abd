/**
 * The debrief in Chromium, against `npm start`'s real server: a finished online match (bots in
 * every seat) is replayed step by step by keyboard, seen as one seat and as everything; the
 * continuations estimate runs in a worker; the debrief prints to PDF; then a fork from round 3
 * is played to the end by a person with bots in the other seats, and its own debrief says it
 * is a fork of the online match.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot } from './harness';
import { axeProblems, closeRecap, planAndSubmit, waitForPlayer } from './flows';
import { useServerAndBrowser } from './fixture';

describe('replay, what if and the printed debrief', () => {
  const served = useServerAndBrowser('debrief');

  it('replays a finished online match, estimates, prints, and plays a fork from round 3', async () => {
    // A classroom match with a bot in every seat, played to the end on the server.
    const created = await fetch(`${served.server.url}/api/matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenario: 'classroom',
        seed: 'debrief-e2e',
        fixedSeed: true,
        seats: [0, 1, 2, 3].map(() => ({ kind: 'bot', level: 'heuristic' })),
      }),
    }).then((r) => r.json() as Promise<{ matchID: string }>);
    const matchID = created.matchID;
    for (let i = 0; i < 240; i++) {
      const info = (await fetch(`${served.server.url}/api/matches/${matchID}`).then((r) =>
        r.json(),
      )) as {
        gameover?: unknown;
      };
      if (info.gameover !== undefined && info.gameover !== null) break;
      await new Promise((r) => setTimeout(r, 500));
    }

    const errors: string[] = [];
    const page = await served.browser.page(DESKTOP);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.server.url}/debrief/${matchID}`);
    await page.locator('#debrief-title').waitFor({ timeout: 30000 });
    expect(await page.locator('#debrief-title').innerText()).toMatch(
      /^Debrief: (.+ won|nobody won)$/,
    );
    await expect(page.getByTestId('debrief-result').innerText()).resolves.toMatch(/Regulator/);

    // Step by step with the keyboard: round 1's planning, then its resolution steps.
    const label = page.getByTestId('stop-label');
    await expect(label.innerText()).resolves.toMatch(/^Round 1: planning/);
    await page.keyboard.press('ArrowRight');
    await expect(label.innerText()).resolves.toMatch(/^Round 1: (?!planning)/);
    const firstStep = await label.innerText();
    await page.keyboard.press('ArrowRight');
    expect(await label.innerText()).not.toBe(firstStep);
    await page.keyboard.press('ArrowLeft');
    expect(await label.innerText()).toBe(firstStep);
    await page.keyboard.press('PageDown');
    await expect(label.innerText()).resolves.toMatch(/^Round 2: planning/);
    await page.keyboard.press('End');
    await expect(label.innerText()).resolves.toMatch(/^Round 6: /);
    await page.keyboard.press('Home');
    await expect(label.innerText()).resolves.toMatch(/^Round 1: planning/);
    // Buttons step too (touch).
    await page.getByRole('button', { name: 'Next round' }).click();
    await expect(label.innerText()).resolves.toMatch(/^Round 2: planning/);
    // Seen as the regulator: its own dashboard; the firm's plans stay sealed.
    await page.getByLabel('Seen as').selectOption({ label: 'Regulator' });
    await page.getByRole('button', { name: 'Next round' }).click();
    await page.locator('.replay-side .role-panel').waitFor();
    await expect(page.locator('.replay-recap').innerText()).resolves.toMatch(
      /Beijing lab sealed its plan/,
    );
    await page.getByLabel('Seen as').selectOption('all');
    await expect(page.getByTestId('timeline').locator('tbody tr').count()).resolves.toBeGreaterThan(
      0,
    );
    await expect(page.getByTestId('prompts').locator('li').count()).resolves.toBeGreaterThan(3);
    expect(await page.getByTestId('prompts').innerText()).not.toMatch(/[{}]/);
    await shot(page, 'debrief-replay');
    expect(await axeProblems(page)).toEqual([]);

    // What would happen from round 3: continuations in a worker, with their intervals.
    await page.getByLabel(/^From the opening of round/).selectOption('3');
    await page.getByLabel('Continuations').fill('40');
    await page.getByRole('button', { name: 'Estimate from round 3' }).click();
    const chances = page.getByTestId('chances');
    await chances.waitFor({ timeout: 120000 });
    const rows = await chances.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/\d+(\.\d)?%\s+\d+(\.\d)?% – \d+(\.\d)?%/);

    // The printed debrief: controls hidden, summary, timeline, charts and prompts on the pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.replay').isVisible()).toBe(false);
    expect(await page.locator('.prompts').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // The phone layout keeps the stepper usable.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Next step' }).click();
    await shot(page, 'debrief-phone');
    await page.setViewportSize(DESKTOP);

    // Fork from round 3: the Regulator is a person, the rest bots, the same dice.
    await page.getByLabel(/^From the opening of round/).selectOption('3');
    await page.getByRole('button', { name: 'Play from round 3' }).click();
    let seen = await waitForPlayer(page);
    let rounds = 0;
    while (seen !== 'end' && rounds < 20) {
      if (seen === 'recap') await closeRecap(page);
      else if (seen === 'privacy') await page.getByRole('button', { name: /I am the/ }).click();
      else {
        await planAndSubmit(page, 1);
        rounds += 1;
      }
      seen = await waitForPlayer(page);
    }
    expect(seen).toBe('end');
    // Rounds 3 to 6 were the person's to plan.
    expect(rounds).toBe(4);
    await page.getByRole('button', { name: 'Replay and debrief' }).click();
    await page.locator('#debrief-title').waitFor();
    await expect(page.locator('.debrief-sub').innerText()).resolves.toContain(
      `a fork of ${matchID} from round 3`,
    );
    // The fork replays from its file: round 1 is the parent's.
    await expect(page.getByTestId('stop-label').innerText()).resolves.toMatch(/^Round 1: planning/);
    expect(errors).toEqual([]);
  }, 600000);
});
