import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launch, type Launched } from './harness';
import {
  startDeployment,
  startServer,
  stopServer,
  type Deployment,
  type ServerProc,
} from './server-proc';

/** A test file's own server process (its own data directory) and browser, live between hooks. */
export interface ServedBrowser {
  readonly dataDir: string;
  /** The running server; a test that restarts it assigns the new one here. */
  server: ServerProc;
  browser: Launched;
}

/**
 * Starts `npm start`'s server on a fresh data directory and a headless Chromium before the file's
 * tests, and stops both (and deletes the data) after them.
 */
export function useServerAndBrowser(name: string): ServedBrowser {
  const live = { dataDir: mkdtempSync(join(tmpdir(), `chokepoint-${name}-`)) } as ServedBrowser;
  beforeAll(async () => {
    live.server = await startServer(live.dataDir);
    live.browser = await launch();
  });
  afterAll(async () => {
    await live.browser?.close();
    if (live.server) await stopServer(live.server.child);
    rmSync(live.dataDir, { recursive: true, force: true });
  });
  return live;
}

/** A test file's deployment and its browsers (one per person), live between hooks. */
export interface DeployedBrowsers {
  deployment: Deployment;
  browsers: Launched[];
}

/**
 * The deployment a browser test plays against (`startDeployment`: one process, or with
 * TEST_CLUSTER=1 three behind nginx) and `count` separate browsers, stopped after the file.
 */
export function useDeploymentAndBrowsers(
  name: string,
  count: number,
  opts: { botDelayMs?: number } = {},
): DeployedBrowsers {
  const dataDir = mkdtempSync(join(tmpdir(), `chokepoint-${name}-`));
  const live = { browsers: [] } as unknown as DeployedBrowsers;
  beforeAll(async () => {
    live.deployment = await startDeployment(dataDir, opts);
    live.browsers = await Promise.all(Array.from({ length: count }, () => launch()));
  });
  afterAll(async () => {
    await Promise.all(live.browsers.map((b) => b.close()));
    if (live.deployment) await live.deployment.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return live;
}
