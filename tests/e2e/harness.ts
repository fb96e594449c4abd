import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  ROOT,
  buildApp,
  launchChromium,
  serveBuild,
  type Launched,
  type Served,
} from '../../bench/board/browser';

export { ROOT, type Launched, type Served };
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

export const DESKTOP = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };

/** Builds the production bundle once per run (skip with E2E_SKIP_BUILD=1). */
export function build(): void {
  if (process.env.E2E_SKIP_BUILD !== '1') buildApp();
}

/** Serves dist/ with `vite preview` on 127.0.0.1 and a free port. */
export const serve = (): Promise<Served> => serveBuild();

/**
 * Every console error or warning and every uncaught exception of any page of the suite, until
 * the guard (console-guard.ts, a setup file every e2e test file gets) takes them after each
 * test and fails it if any is left that the test did not expect.
 */
const consoleProblems: string[] = [];
const expected: RegExp[] = [];

/** A test that provokes a console message on purpose (a refused request) says so first. */
export function expectConsole(...patterns: RegExp[]): void {
  expected.push(...patterns);
}

/** The unexpected console problems since the last call, and forgets the test's expectations. */
export function takeConsoleProblems(): string[] {
  const found = consoleProblems.splice(0).filter((m) => !expected.some((re) => re.test(m)));
  expected.length = 0;
  return found;
}

function watchConsole(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      consoleProblems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`uncaught on ${page.url()}: ${e.message}`));
}

/** Headless Debian Chromium (/usr/bin/chromium) with a fresh temporary profile, its console watched. */
export async function launch(): Promise<Launched> {
  const launched = await launchChromium();
  launched.context.on('page', watchConsole);
  // Chromium reports a refused eval or inline script as an event, not always in the console:
  // every page writes it there, so the guard sees CSP violations too.
  await launched.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  return launched;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

export interface ServedApp {
  readonly url: string;
  page: Launched['page'];
}

/**
 * The production build served and a fresh Chromium, for one test file: started before its
 * tests, stopped after them.
 */
export function servedApp(): ServedApp {
  let server: Served | undefined;
  let browser: Launched | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(thing: T | undefined): T => {
    if (!thing) throw new Error('the app is not served yet (use it inside a test)');
    return thing;
  };
  return {
    get url() {
      return need(server).url;
    },
    page: async (...args) => {
      // Pages of one file share a browser profile: start each without a game kept by the last.
      const page = await need(browser).page(...args);
      await page.goto(need(server).url);
      await page.evaluate(() => window.localStorage.clear());
      return page;
    },
  };
}
