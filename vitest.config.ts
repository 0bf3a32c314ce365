import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import type { Config } from '@sveltejs/kit';

// The desktop's $domain and $codec aliases, from the one place that defines them (relative to web/).
// Imported by path: the root project does not type-check the desktop's JavaScript config.
const svelteConfigFile = new URL('./web/svelte.config.js', import.meta.url).href;
const { default: svelteConfig } = (await import(svelteConfigFile)) as { default: Config };
const webAliases = Object.fromEntries(
  Object.entries(svelteConfig.kit?.alias ?? {}).map(([name, path]) => [
    name,
    fileURLToPath(new URL(path, new URL('./web/', import.meta.url))),
  ]),
);

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
          alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)), ...webAliases },
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
