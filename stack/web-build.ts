import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_BUILD = fileURLToPath(new URL('../web/build/', import.meta.url));

/** The desktop's sources, and the two folders it imports through $domain and $codec (svelte.config.js). */
const SOURCE_DIRS = [
  join(WEB_DIR, 'src'),
  join(WEB_DIR, '../workflows/domain'),
  join(WEB_DIR, '../platform/smpp-codec'),
];

function newestSource(): number {
  const sources = SOURCE_DIRS.flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  sources.push(join(WEB_DIR, 'svelte.config.js'), join(WEB_DIR, 'vite.config.ts'));
  return Math.max(...sources.map((path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

/**
 * The desktop is static files, built when missing or older than its sources (so `npm start` after
 * a pull serves the new desktop). NODE_ENV=production always: under vitest it is "test", and Vite
 * would then bundle Svelte's development code.
 */
export function ensureWebBuild(): string {
  const built = statSync(join(WEB_BUILD, 'index.html'), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined || newestSource() > built) {
    console.log('Building the agent desktop...');
    const bin = (path: string) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
    const env = { ...process.env, NODE_ENV: 'production' };
    // A fresh clone has no .svelte-kit yet, and the desktop's tsconfig extends the one it writes.
    for (const args of [
      [bin('@sveltejs/kit/svelte-kit.js'), 'sync'],
      [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    ]) {
      const result = spawnSync(process.execPath, args, { cwd: WEB_DIR, stdio: 'inherit', env });
      if (result.status !== 0) throw new Error('building the agent desktop failed');
    }
  }
  return WEB_BUILD;
}

/**
 * What the API serves: `build` builds the desktop first (npm start, the full stack), `if-built`
 * serves SWITCHBOARD_WEB_ROOT or an existing web/build (an API process on its own never builds),
 * `none` serves GraphQL only.
 */
export type WebChoice = 'build' | 'if-built' | 'none';

export function webRootFor(choice: WebChoice): string | undefined {
  if (choice === 'build') return ensureWebBuild();
  if (choice === 'none') return undefined;
  return process.env.SWITCHBOARD_WEB_ROOT ?? (existsSync(WEB_BUILD) ? WEB_BUILD : undefined);
}
