import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// One runner, four layers. Only `unit` is free of real services; every other project talks to a
// real Temporal dev server (started once by tests/support/global-setup.ts), real TCP or a browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The agent desktop's modules and components, in jsdom. The svelte plugin compiles
        // components for the browser (`conditions: ['browser']` picks Svelte's client runtime).
        plugins: [svelte({ configFile: false, compilerOptions: { dev: true } })],
        resolve: {
          conditions: ['browser'],
          alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) },
        },
        test: {
          name: 'web',
          include: ['tests/web/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/web/setup.ts'],
        },
      },
      {
        test: {
          name: 'workflow',
          include: ['tests/workflow/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Real Chromium (playwright-core) against the whole stack in process: worker, carrier
        // simulator, SMPP gateway, API and the built desktop. One file at a time: two cores.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
