/**
 * The class debrief (/debrief/class/ID) in Chromium, against `npm start`'s real server: a
 * session of two tables, every seat a bot, played to the end; the facilitator's browser opens
 * the class view at 1280×800 and at 390×844. Each size: both tables' outcomes as the server
 * holds them (who won at each table), no serious or critical axe violation, nothing wider than
 * the window.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE, ROOT } from './harness';
import { axeProblems, tooWide } from './flows';
import { useServerAndBrowser } from './fixture';

const ARTIFACTS = join(ROOT, 'artifacts', 'screens');
const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
] as const;

interface ExportedTable {
  table: number;
  view: {
    over: boolean;
    seats: { id: string; role: string; name: string }[];
    outcome: { winners: string[] } | null;
  };
}

describe('the class debrief of a finished session', () => {
  const served = useServerAndBrowser('class-view');

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const r = await fetch(`${served.server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await r.json()) as Record<string, unknown>;
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };

  it('shows both tables, played to the end by bots, at 1280×800 and 390×844', async () => {
    // Nobody joins: every seat of both tables is a bot, and the tables play on their own.
    const made = await call('POST', '/api/sessions', undefined, {
      scenario: 'classroom',
      tables: 2,
    });
    const sessionID = made.sessionID as string;
    const token = made.facilitatorToken as string;
    await call('POST', `/api/sessions/${sessionID}/command`, token, { kind: 'start' });
    let tables: ExportedTable[] = [];
    for (let i = 0; i < 240; i++) {
      tables = (await call('GET', `/api/sessions/${sessionID}/export`, token))
        .tables as ExportedTable[];
      if (tables.length === 2 && tables.every((t) => t.view.over)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(tables.map((t) => t.view.over)).toEqual([true, true]);
    // Who won at each table, by the labels of the columns the view shows (the facilitator's
    // seat has none).
    const expected = tables.map((t) => ({
      row: `Table ${t.table + 1}`,
      won: t.view.seats
        .filter((s) => s.role !== 'facilitator' && t.view.outcome!.winners.includes(s.id))
        .map((s) => s.name),
    }));

    for (const [size, viewport] of SIZES) {
      const page = await served.browser.page(viewport);
      // The class view reads the token the console that made the session kept in this browser.
      await page.goto(served.server.url);
      await page.evaluate(([id, t]) => window.localStorage.setItem(`chokepoint:console:${id}`, t), [
        sessionID,
        token,
      ] as const);
      await page.goto(`${served.server.url}/debrief/class/${sessionID}`);
      const outcomes = page.getByTestId('class-outcomes');
      await outcomes.waitFor({ timeout: 30_000 });
      await expect(page.locator('#class-title').innerText()).resolves.toBe(
        'Class debrief: 2 tables',
      );
      await expect(page.locator('.debrief-sub').innerText()).resolves.toMatch(/2 of 2 ended/);

      const seen = await outcomes.evaluate((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
        return [...table.querySelectorAll('tbody tr')].map((tr) => ({
          row: tr.querySelector('th')?.textContent ?? '',
          won: [...tr.querySelectorAll('td')]
            .map((td, i) => ({ head: heads[i + 1] ?? '', text: td.textContent ?? '' }))
            .filter((c) => c.text.startsWith('★ won'))
            .map((c) => c.head),
          ended: [...tr.querySelectorAll('td')].every((td) => !td.textContent?.startsWith('…')),
          debrief: tr.querySelector('a')?.getAttribute('href') ?? '',
        }));
      });
      expect(seen.map(({ row, won }) => ({ row, won }))).toEqual(expected);
      for (const t of seen) {
        expect(t.ended, `${t.row} shows a result in every seat`).toBe(true);
        expect(t.debrief).toMatch(new RegExp(`^/debrief/[\\w-]+\\?session=${sessionID}$`));
      }
      await expect(page.getByTestId('class-wins').innerText()).resolves.toMatch(/won at \d of 2/);
      // The start and at least one resolved round, compared across the tables.
      expect(await page.getByTestId('class-rounds').locator('tbody tr').count()).toBeGreaterThan(1);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `class-view-${size}.png`), fullPage: true });
      expect(await axeProblems(page), `axe on the class view (${size})`).toEqual([]);
      expect(await tooWide(page), `the class view (${size}) is wider than the window`).toEqual([]);
      await page.close();
    }
  }, 300_000);
});
