// `npm start`: the whole embedded stack in one process tree, from the configuration
// (SWITCHBOARD_CONFIG; without it, and only here, the demo file, which says `demo: true`). One
// Ctrl-C stops everything cleanly.
import { runProcess } from './process-lifecycle.js';

await runProcess({
  parts: 'configured',
  devServer: true,
  web: 'build',
  demoWithoutConfig: true,
  banners: true,
  ready: () => 'Switchboard is running. Ctrl-C stops it.',
});
