import { afterEach, expect } from 'vitest';
import { takeConsoleProblems } from './harness';

/**
 * Set up before every e2e test file: a test fails when any page it drove logged a console error
 * or warning (a CSP violation, a React warning, a failed request) or threw, unless the test
 * declared it with expectConsole().
 */
afterEach(() => {
  expect(takeConsoleProblems(), 'console errors or warnings in the browser').toEqual([]);
});
