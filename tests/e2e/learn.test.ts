import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot, servedApp } from './harness';
import { axeProblems, startGame, submitOrders, waitForPlayer } from './flows';

/** Learning to play: the rules on a phone, the printable role cards, the coached first round. */

const app = servedApp();

/** Pages in a PDF Chromium printed: its page objects (not the page tree). */
const pdfPages = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

describe('learning to play', () => {
  it('prints the role cards one page per role', async () => {
    const page = await app.page(DESKTOP);
    await page.goto(`${app.url}?seed=e2e`);
    await page.getByRole('button', { name: 'Role cards' }).click();
    const cards = page.getByTestId('role-card');
    await cards.first().waitFor();
    const n = await cards.count();
    const roles = await page.locator('[data-testid=role-card] h2').allInnerTexts();
    expect(roles).toEqual(
      expect.arrayContaining(['Regulator', 'Chip vendor', 'AI lab', 'Hub governments']),
    );
    // Each card says how to win from the scoring code's goals, with this scenario's targets.
    await expect(cards.filter({ hasText: 'Chip vendor' }).innerText()).resolves.toMatch(
      /Cash at least \$\d+ when the game ends/,
    );
    await shot(page, 'role-cards-desktop');
    expect(await axeProblems(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf)).toBe(n);
    await page.keyboard.press('Escape');
    await expect(cards.count()).resolves.toBe(0);
  });

  it('opens the rules on a phone with the Close button in view, linked contents and a search', async () => {
    const page = await app.page(PHONE);
    await page.goto(`${app.url}?seed=e2e`);
    await page.getByRole('button', { name: 'Read the rules' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rulebook' });
    const nav = dialog.getByRole('navigation', { name: 'Contents' });
    await nav.waitFor();
    const close = dialog.getByRole('button', { name: 'Close rules' });
    const box = await close.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox!.width).toBeLessThanOrEqual(PHONE.width);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    await shot(page, 'rules-phone');
    // A contents link jumps to its section.
    await nav.getByRole('link', { name: 'Cards' }).click();
    const heading = dialog.getByRole('heading', { name: 'Cards', exact: true });
    await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The search keeps the sections that mention the words.
    await dialog.getByRole('searchbox', { name: 'Search the rules' }).fill('heat');
    await dialog.getByText(/sections? mentions? “heat”/).waitFor();
    expect(await dialog.locator('mark').count()).toBeGreaterThan(0);
    await close.click();
    await expect(dialog.count()).resolves.toBe(0);
  });

  it('coaches the AI lab through its first round, through the UI alone, up to the recap', async () => {
    const page = await app.page(DESKTOP);
    await startGame(page, app.url, { people: ['Beijing lab'] });
    expect(await waitForPlayer(page)).toBe('mine');
    const coach = page.locator('.guide.coach');
    await coach.waitFor();
    // First what winning takes, in this game's numbers.
    await expect(coach.locator('h2').innerText()).resolves.toBe('How you win');
    await expect(coach.innerText()).resolves.toMatch(/the frontier is \d+ now and will be \d+/);
    await shot(page, 'coach-aim');
    await coach.getByRole('button', { name: 'Next' }).click();

    // The first suggested order, given by hand through the move form it points at.
    await expect(coach.getAttribute('data-step')).resolves.toBe('order');
    const move = (await coach.getAttribute('data-move')) ?? '';
    const hub = await coach.getAttribute('data-hub');
    await expect(coach.innerText()).resolves.toMatch(/\d+%/);
    await shot(page, 'coach-order');
    expect(await axeProblems(page)).toEqual([]);
    const item = page.locator(`.move[data-move=${move}]`);
    await item.locator('button.move-head').click();
    if (hub) await item.getByLabel(/^(Hub|Where)$/).selectOption(hub);
    await item.locator('.move-form button[type=submit]').click();
    await page.locator('[data-testid=orders] li').first().waitFor();
    await expect(coach.getAttribute('data-move')).resolves.not.toBe(move);

    // The other suggestions: the coach adds them on request.
    while ((await coach.getAttribute('data-step')) === 'order') {
      const before = await page.locator('[data-testid=orders] li').count();
      await coach.getByRole('button', { name: 'Add it for me' }).click();
      await page.locator('[data-testid=orders] li').nth(before).waitFor();
    }
    if ((await coach.getAttribute('data-step')) === 'card') {
      await coach.getByRole('button', { name: /^Play it / }).click();
      await page.locator('.chosen-card').waitFor();
    }
    await expect(coach.getAttribute('data-step')).resolves.toBe('seal');
    await expect(coach.innerText()).resolves.toMatch(/before the Regulator's checks/);
    await submitOrders(page);

    // The bots seal; round one resolves and its recap opens: the coached round ends there.
    expect(await waitForPlayer(page)).toBe('recap');
    await expect(page.locator('#recap-title').innerText()).resolves.toBe(
      'What happened in round 1',
    );
    await shot(page, 'coach-recap');
  });

  it('on a phone, starts with the coach in view and says beside the move that an order was added', async () => {
    const page = await app.page(PHONE);
    await startGame(page, app.url, { people: ['Beijing lab'] });
    expect(await waitForPlayer(page)).toBe('mine');
    const title = page.locator('.guide.coach h2');
    await title.waitFor();
    await expect(title.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const inView = (box: { y: number; height: number } | null) =>
      box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
    expect(inView(await title.boundingBox())).toBe(true);
    await page.getByRole('button', { name: 'Close guide' }).click();

    const item = page.locator('.move[data-move=prepareData]');
    await item.locator('button.move-head').click();
    await item.locator('.move-form button[type=submit]').click();
    const feedback = page.getByTestId('feedback-prepareData');
    await feedback.filter({ hasText: 'Added to your orders' }).waitFor();
    expect(inView(await feedback.boundingBox())).toBe(true);
    // The focus stays by the move, not on the page.
    await expect(
      item.evaluate(
        (el) => el.contains(document.activeElement) && document.activeElement !== document.body,
      ),
    ).resolves.toBe(true);
    await shot(page, 'order-feedback-phone');
  });
});
