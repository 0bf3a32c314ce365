import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In `vite dev` the desktop and the API are different origins; proxying /graphql keeps the
// browser code identical to production, where the API serves both on one origin.
// `ws: false` because subscriptions are SSE over plain HTTP, not WebSockets.
export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 3000,
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false, ws: false },
    },
    // The dev server serves the desktop, its packages and the two folders the $domain and $codec
    // aliases (svelte.config.js) point to; nothing else of the repository (config, secrets).
    fs: { allow: ['.', '../node_modules', '../workflows/domain', '../platform/smpp-codec'] },
  },
});
