import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
  'zlib',
  'process',
  'cluster',
  'readline',
  'perf_hooks',
];

/**
 * Who may import whom (ARCHITECTURE.md). Patterns match the import as written: a climb of
 * any depth into the folder ('../../server/x', '../src/app/y'). They need the trailing slash
 * because src/server/app.ts is imported as './app', which is not src/app/.
 */
const reach = (folder, message) => ({
  regex: `^(\\.\\./)+(src/)?${folder}/|(^|/)src/${folder}/`,
  message,
});
const ours = (message) => ({
  regex: '^(\\.\\./)+(src|bench|tests)/|(^|/)(src|bench|tests)/',
  message,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The browser speaks to the server only through src/protocol, and has no Node (bench/ does).
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/app runs in the browser.' })),
          patterns: [
            reach('server', 'src/app may not import src/server: share types via src/protocol.'),
            { group: ['node:*', 'playwright-core'], message: 'src/app runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            reach('app', 'src/server may not import src/app: share types via src/protocol.'),
          ],
        },
      ],
    },
  },
  {
    // The command-line tools run the engine, not the product's browser or server code.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            reach('app', 'src/cli may not import src/app.'),
            reach('server', 'src/cli may not import src/server.'),
          ],
        },
      ],
    },
  },
  {
    // The wire contract is read by both sides, so it may depend on neither.
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'src/protocol runs in the browser.',
          })),
          patterns: [
            reach('app', 'src/protocol may not import src/app.'),
            reach('server', 'src/protocol may not import src/server.'),
            { group: ['node:*'], message: 'src/protocol runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: it may not reach the UI, the server, the DOM or Node.
    files: ['game/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'game/ is pure: no Node built-ins.' })),
            { name: 'react', message: 'game/ is pure: no React.' },
            { name: 'react-dom', message: 'game/ is pure: no React.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'game/ is pure: no Node built-ins.' },
            {
              group: ['**/src/**', '../src/*', '../../src/*'],
              message: 'game/ may not import from src/.',
            },
            ours('game/ imports nothing of ours outside game/.'),
            {
              group: [
                'react-dom/*',
                'boardgame.io/react',
                'boardgame.io/server',
                'boardgame.io/client',
              ],
              message: 'game/ is pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'game/ has no DOM.' },
        { name: 'document', message: 'game/ has no DOM.' },
        { name: 'process', message: 'game/ has no Node.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the match seed (game/random.ts).' },
        { object: 'Date', property: 'now', message: 'The engine is deterministic: no clocks.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The engine is deterministic: no clocks.',
        },
      ],
    },
  },
);
