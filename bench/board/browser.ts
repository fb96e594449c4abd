import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Node-side helpers shared by the board's benchmarks and browser tests: build, serve, launch. */

export const ROOT = resolve(import.meta.dirname, '../..');

export function buildApp(root = ROOT): void {
  // Under vitest NODE_ENV is 'test', which would make Vite bundle React's development build.
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Serves dist/ with `vite preview` on 127.0.0.1 and a free port; stop() ends it. */
export async function serveBuild(root = ROOT): Promise<Served> {
  const port = await freePort();
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 30000) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: async () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export interface Launched {
  context: BrowserContext;
  page(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile in a temporary folder (passed as --user-data-dir). */
export async function launchChromium(): Promise<Launched> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    page: async (viewport) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
