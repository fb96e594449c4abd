import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, buildApp, launchChromium, serveBuild } from './browser';

/**
 * The board's benchmarks, for `npm run bench`:
 * - the gzipped size of the JavaScript the first screen loads (target ≤ 170 KB),
 * - navigation to an interactive board in headless Chromium on localhost (target < 1 s),
 * - re-render after a move, click to committed DOM with layout (target < one 16 ms frame).
 * Each measuring function returns plain numbers; `benchBoard` runs all three on one build.
 */

export interface BundleFigure {
  gzipKB: number;
  rawKB: number;
  files: string[];
  targetKB: number;
}

/** JS the first screen loads: the entry script of dist/index.html and its modulepreloads. */
export function measureFirstScreenBundle(dist = join(ROOT, 'dist')): BundleFigure {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(
      /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]);
  let gzip = 0;
  let raw = 0;
  for (const f of files) {
    const body = readFileSync(join(dist, f.replace(/^\//, '')));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { gzipKB: round(gzip / 1024), rawKB: round(raw / 1024), files, targetKB: 170 };
}

export interface TimeFigure {
  medianMs: number;
  /** The first navigation of a freshly started browser (cold caches and JIT), not in the median. */
  coldMs?: number;
  maxMs: number;
  samples: number[];
  targetMs: number;
}

const BOARD = '?start=classroom&seat=2&speed=fast&guide=0&seed=bench';

/**
 * Navigation start to the board's first mount (its `board-interactive` mark), in a new tab each
 * time; the first, cold navigation of the fresh browser is reported apart from the median.
 */
export async function measureTimeToInteractive(url: string, runs = 7): Promise<TimeFigure> {
  const chrome = await launchChromium();
  const samples: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await chrome.page({ width: 1280, height: 720 });
      await page.goto(url + BOARD);
      await page.locator('#plan-title').waitFor();
      samples.push(
        await page.evaluate(
          () => performance.getEntriesByName('board-interactive')[0]?.startTime ?? Number.NaN,
        ),
      );
      await page.close();
    }
  } finally {
    await chrome.close();
  }
  const [cold, ...warm] = samples;
  return { ...figure(warm, 1000), coldMs: round(cold) };
}

/** An order planned through the board: the click on Confirm to the re-rendered board, with layout. */
export async function measureRerender(url: string, moves = 12): Promise<TimeFigure> {
  const chrome = await launchChromium();
  const samples: number[] = [];
  try {
    const page = await chrome.page({ width: 1280, height: 720 });
    await page.goto(url + BOARD);
    while (samples.length < moves) {
      await page
        .locator('.planning.open #plan-title')
        .or(page.locator('#end-title'))
        .or(page.getByRole('dialog'))
        .or(page.locator('.recap-actions button'))
        .first()
        .waitFor({ timeout: 30000 });
      if (await page.locator('#end-title').count()) break;
      if (await page.getByRole('dialog').count()) {
        await page.keyboard.press('Escape');
        continue;
      }
      // The round's recap: on to planning the next round.
      if (await page.locator('.recap-actions button').count()) {
        await page.locator('.recap-actions button').first().click();
        continue;
      }
      const prepare = page.locator('.move[data-move=prepareData] button.move-head');
      if (!(await prepare.count()) || (await prepare.isDisabled())) {
        await sealOrders(page);
        continue;
      }
      await prepare.click();
      samples.push(
        await page.evaluate(() => {
          const button = document.querySelector<HTMLButtonElement>(
            '.move[data-move=prepareData] .move-form button[type=submit]',
          );
          if (!button) return Number.NaN;
          const t0 = performance.now();
          button.click();
          void document.body.offsetHeight;
          return performance.now() - t0;
        }),
      );
      await sealOrders(page);
    }
  } finally {
    await chrome.close();
  }
  return figure(samples, 16);
}

/** Submits the seat's plan through the desk, confirming the seal. */
async function sealOrders(
  page: Awaited<ReturnType<Awaited<ReturnType<typeof launchChromium>>['page']>>,
): Promise<void> {
  const submit = page.getByRole('button', { name: 'Submit and seal orders' });
  if (!(await submit.count())) return;
  await submit.click();
  await page.getByRole('button', { name: 'Yes, seal my orders' }).click();
}

export interface BoardBench {
  bundle: BundleFigure;
  timeToInteractive: TimeFigure;
  rerender: TimeFigure;
}

/** Builds, serves and measures all three; `build: false` reuses an existing dist/. */
export async function benchBoard(opts: { build?: boolean } = {}): Promise<BoardBench> {
  if (opts.build !== false) buildApp();
  const bundle = measureFirstScreenBundle();
  const served = await serveBuild();
  try {
    return {
      bundle,
      timeToInteractive: await measureTimeToInteractive(served.url),
      rerender: await measureRerender(served.url),
    };
  } finally {
    await served.stop();
  }
}

function figure(samples: number[], targetMs: number): TimeFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
    samples: samples.map(round),
    targetMs,
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;
