/**
 * A class through the UI alone, against the real server process: a facilitator and eight
 * students, each in their own browser context. The facilitator creates a session of two tables
 * of four; the students join with its code; the console seats them and makes one team seat of
 * two (drafting together: each sees the other's order live, and who wrote it; one submits). A round is played;
 * a round timer runs out at the other table and every seat gets its default; an inject changes
 * the next resolution; a private message reaches only its addressee; the server is restarted
 * mid-session and everyone carries on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, shot } from './harness';
import { startServer, stopServer, type ServerProc } from './server-proc';
import { addFirstOrder, closeRecap, submitOrders } from './flows';

const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana'];

interface Student {
  name: string;
  page: Page;
}

/** The student's place as the strip says it: "Table 1 · Regulator". */
const placeOf = (p: Page) => p.getByTestId('class-place').innerText();

/** Waits for the board's desk, closing a round recap on the way. */
async function desk(page: Page, timeout = 60_000): Promise<void> {
  const mine = page.locator('.planning.open #plan-title');
  const recap = page.locator('#recap-title');
  await mine.or(recap).first().waitFor({ timeout });
  if (await recap.count()) {
    await closeRecap(page);
    await mine.waitFor({ timeout });
  }
}

async function roundAt(facilitator: Page, table: number): Promise<string> {
  return facilitator.getByTestId(`table-${table}`).getByTestId('round').innerText();
}

describe('a class: one facilitator, eight students, two tables', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-session-'));
  let server: ServerProc;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(dataDir, { botDelayMs: 100 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a session from join to restart', async () => {
    const newPage = async () => {
      const ctx = await browser.newContext({ viewport: DESKTOP });
      return ctx.newPage();
    };
    const errors: string[] = [];
    // The facilitator sets up the session.
    const fac = await newPage();
    fac.on('pageerror', (e) => errors.push(`facilitator: ${e.message}`));
    // A teacher finds the console from the start screen, without knowing its address.
    await fac.goto(server.url);
    await fac.getByRole('button', { name: 'Play online' }).click();
    await fac.getByRole('link', { name: 'Run a class' }).click();
    await fac.getByLabel(/Number of tables/).fill('2');
    await fac.getByLabel('Team seats of 2').check();
    await fac.getByLabel(/hold/).check();
    await fac.getByRole('button', { name: 'Create the session' }).click();
    const code = (await fac.getByTestId('session-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expect.poll(() => fac.locator('img.qr').count()).toBe(1);

    // Eight students join with the code and their names.
    const students: Student[] = [];
    for (const name of NAMES) {
      const page = await newPage();
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(`${server.url}/class`);
      await page.getByLabel('Session code').fill(code.toLowerCase());
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByText('Waiting for the facilitator to seat you').waitFor();
      students.push({ name, page });
    }
    // A duplicate name is refused with a clear message.
    const dup = await newPage();
    await dup.goto(`${server.url}/class/${code}`);
    await dup.getByLabel('Your name').fill('ana');
    await dup.getByRole('button', { name: 'Join' }).click();
    await dup
      .getByRole('alert')
      .getByText(/already called "ana"/)
      .waitFor();
    await dup.context().close();

    // Seat everyone, then make Hana Ana's team-mate (her seat at table 2 goes to a bot).
    await fac.getByRole('button', { name: 'Seat everyone automatically' }).click();
    await expect.poll(() => placeOf(students[0]!.page)).toMatch(/^Table 1 · /);
    const anaPlace = await fac.getByLabel('Place of Ana').inputValue();
    await fac.getByLabel('Place of Hana').selectOption(anaPlace);
    await expect.poll(() => fac.getByLabel('Place of Hana').inputValue()).toBe(anaPlace);
    await fac.getByRole('button', { name: 'Start every table' }).click();
    await fac.getByTestId('table-0').waitFor();
    await shot(fac, 'session-console');

    const ana = students[0]!.page;
    const hana = students[7]!.page;
    await desk(ana);
    await desk(hana);
    expect(await placeOf(hana)).toBe(await placeOf(ana));

    // Drafting together: Ana's order appears on Hana's desk live.
    await addFirstOrder(ana);
    await hana.locator('[data-testid=orders] li').first().waitFor({ timeout: 20_000 });
    // …with its author: the team's draft says Ana wrote it, on both desks.
    for (const p of [hana, ana])
      await p.getByTestId('team-draft').getByText('by Ana').first().waitFor({ timeout: 20_000 });
    await shot(hana, 'session-team-draft');

    // Table 1 plays its round: Hana submits for the team, the others submit their own.
    const table1 = students.filter((s) => s.name !== 'Ana' && s.name !== 'Hana');
    const at1: Student[] = [];
    for (const s of table1) if ((await placeOf(s.page)).startsWith('Table 1')) at1.push(s);
    expect(at1).toHaveLength(3);
    await submitOrders(hana);
    for (const s of at1) {
      await desk(s.page);
      await addFirstOrder(s.page);
      await submitOrders(s.page);
    }
    await expect.poll(() => roundAt(fac, 0), { timeout: 60_000 }).toMatch(/^Round 2/);
    expect(await roundAt(fac, 1)).toMatch(/^Round 1/);

    // A private message from Ana's seat to another seat of table 1 reaches only that seat.
    await desk(ana);
    const bob = at1[0]!;
    const bobSeat = (await placeOf(bob.page)).split(' · ')[1]!;
    await ana.getByLabel('Send to', { exact: true }).selectOption({ label: `${bobSeat} only` });
    await ana.getByLabel('Message', { exact: true }).fill('Meet me at the hub <b>quietly</b>');
    await ana.getByRole('button', { name: 'Send' }).click();
    await bob.page
      .getByTestId('talk-list')
      .getByText('Meet me at the hub <b>quietly</b>')
      .waitFor();
    await hana.getByTestId('talk-list').getByText('Meet me at the hub').waitFor(); // Ana's team
    await fac.getByTestId('talk-list').getByText('Meet me at the hub').waitFor();
    for (const s of students.filter((x) => ![ana, hana, bob.page].includes(x.page)))
      expect(await s.page.getByTestId('talk-list').innerText()).not.toContain('Meet me');

    // A round timer of 10 s at table 2: nobody submits, the defaults apply, the round resolves.
    await fac.getByLabel('Timer seconds for Table 2').fill('10');
    await fac
      .getByRole('group', { name: 'Controls for Table 2' })
      .getByRole('button', { name: 'Set timer' })
      .click();
    await fac.getByTestId('table-1').getByRole('timer').waitFor();
    await expect.poll(() => roundAt(fac, 1), { timeout: 60_000 }).toMatch(/^Round 2/);

    // An inject (written in the console) to table 1, effective at the next resolution.
    await fac.getByLabel('Written here').check();
    await fac.getByLabel(/Card \(JSON/).fill(
      JSON.stringify({
        id: 'class-shock',
        title: 'A class shock',
        date: '2023-02-01',
        source: 'The facilitator',
        text: 'Something happens.',
        effectText: 'Tension +2.',
        effects: [{ op: 'tension', delta: 2 }],
        favours: 'neutral',
      }),
    );
    await fac.getByLabel('Inject to').selectOption({ label: 'Table 1' });
    await fac.getByRole('button', { name: 'Inject' }).click();
    await fac.getByText(/Injected at table 1/).waitFor();

    // The server restarts mid-session, on the same port.
    const port = new URL(server.url).port;
    await stopServer(server.child);
    server = await startServer(dataDir, { port: Number(port), botDelayMs: 100 });

    // Everyone carries on: table 1 plays round 2, and the inject fires at its resolution.
    await expect.poll(() => roundAt(fac, 0), { timeout: 60_000 }).toMatch(/^Round 2/);
    for (const s of [fac, ...students.map((x) => x.page)])
      await expect.poll(() => s.getByText('Reconnecting…').count(), { timeout: 60_000 }).toBe(0);
    for (const s of [hana, ...at1.map((x) => x.page)]) {
      await desk(s, 90_000);
      await addFirstOrder(s);
      await submitOrders(s);
    }
    await expect.poll(() => roundAt(fac, 0), { timeout: 90_000 }).toMatch(/^Round 3/);
    await fac.getByRole('button', { name: /Open Table 1/ }).click();
    await fac.getByRole('dialog').getByText('News: A class shock').first().waitFor();
    await shot(fac, 'session-table-detail');
    expect(errors).toEqual([]);
  }, 600_000);
});
