import { defineConfig } from 'vitest/config';

/** End-to-end tests: the production build in headless Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Fails any test whose pages logged a console error or warning (tests/e2e/harness.ts).
    setupFiles: ['tests/e2e/console-guard.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180000,
    hookTimeout: 120000,
  },
});
