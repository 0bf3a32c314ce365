// Lint: TypeScript's type-aware rules plus the Temporal rules for the durable core.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { roomsPlugin } from './lint/rooms.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'api/generated/**',
      'web/src/lib/gql/**',
      '.switchboard/**',
      'test-results/**',
      '**/*.js',
      '**/*.cjs',
      'web/.svelte-kit/**',
      'web/build/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
      },
    },
    rules: {
      // Every promise is awaited, returned, or explicitly `void`: a forgotten one loses errors.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.mjs'],
    plugins: { rooms: roomsPlugin },
    rules: { 'rooms/allowed-imports': 'error' },
  },
  {
    // The desktop runs in the browser.
    files: ['web/**/*.ts', 'web/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Workflow code is replayed: no Node built-ins, no I/O, nothing non-deterministic.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code is deterministic: no Node built-ins (use an activity).',
          })),
          patterns: [
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflow code imports @temporalio/workflow only.',
            },
            {
              group: ['**/worker/**', '**/api/**', '**/smpp-gateway/**', '**/config/load*'],
              message: 'Workflow code must not import I/O code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow (a durable timer).' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'process', message: 'No process in workflow code.' },
        { name: 'Buffer', message: 'No Buffer in workflow code.' },
      ],
    },
  },
);
