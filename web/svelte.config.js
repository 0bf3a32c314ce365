import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A single-page app: the API process serves web/build and falls back to index.html for any
// route it does not know, so every page renders in the browser (ssr is off in +layout.ts).
/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // The rules the desktop shares with the workflow and the API, imported, never copied: limits,
    // number formats, roles and the Result shape; and the codec's Buffer-free segment count.
    // vite.config.ts lets the dev server read these folders; vitest.config.ts and the root
    // tsconfig.json resolve the same names for the tests.
    alias: {
      $domain: '../workflows/domain',
      $codec: '../platform/smpp-codec',
    },
  },
};

export default config;
