import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

// The built desktop (web/build) with an SPA fallback: any path that is not a file gets
// index.html, so a reload on a client-side route still works.
//
// Pages carry a Content-Security-Policy: everything from this origin only, never framed. The one
// inline script SvelteKit writes into a page (its start-up) is allowed by its hash, computed from
// the file served; inline style attributes stay allowed (Svelte writes them).

/** On every response of the API process, pages and GraphQL alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** sha256 sources of a page's inline scripts (those without src). */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '') || !m[2]) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2]).digest('base64')}`);
  }
  return hashes;
}

const policies = new Map<string, { mtime: number; policy: string }>();
async function policyFor(path: string, mtime: number): Promise<string> {
  const known = policies.get(path);
  if (known?.mtime === mtime) return known.policy;
  const policy = contentSecurityPolicy(inlineScriptHashes(await readFile(path, 'utf8')));
  if (policies.size > 100) policies.clear();
  policies.set(path, { mtime, policy });
  return policy;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function fileAt(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = resolve(root, `.${normalize(`/${decoded}`)}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined; // outside the root
  for (const path of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}

export function staticFiles(webRoot: string) {
  const root = resolve(webRoot);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = (await fileAt(root, pathname)) ?? join(root, 'index.html');
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const immutable = pathname.includes('/_app/immutable/');
    const html = extname(path) === '.html';
    res.writeHead(200, {
      ...(html ? { 'content-security-policy': await policyFor(path, info.mtimeMs) } : {}),
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  };
}
