// The agent desktop: (1) a customer's MO at the carrier (the simulator's deliver_sm) to the
// contact request popover painted in Chromium, over the whole stack (gateway, Temporal, worker,
// API, SSE), one agent, one offer at a time; (2) the production bundle's first-load JavaScript,
// gzip. Starts its own on-disk dev server; the browser is the system Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { WEB_BUILD, ensureWebBuild } from '../stack/web-build.js';
import { actUpdate } from '../workflows/contract/definitions.js';
import { FullStack } from '../harness/full-stack.js';
import { listen } from '../platform/events/bus.js';
import { launchBrowser } from '../harness/chromium.js';
import type { Reporter } from './reporter.js';
import { latencyRow, type Row } from './stats.js';

const N = Number(process.env.BENCH_WEB_OFFERS ?? 30);
const WARMUP = 3;
const BIZ = '+15551230000';
const now = (): number => performance.timeOrigin + performance.now();

export async function runWebBench(r: Reporter): Promise<void> {
  r.progress('web build checked', 0, 1);
  r.row(sizeRow('web: first-load JS (index.html), gzip', indexHtmlScripts()));
  const { latency, loaded } = await inBrowser(r);
  r.row(...latency, sizeRow('web: JS the login page fetched, gzip', loaded));
}

async function inBrowser(r: Reporter): Promise<{ latency: Row[]; loaded: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-web-bench-'));
  r.cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const env = await startLocalTemporal({ dbFilename: join(dir, 'temporal.db') });
  r.cleanup(() => env.teardown());
  r.progress('servers started', 1, 3);
  const stack = await FullStack.start({ address: env.address, ronaTimeoutSeconds: 3600, receiptDelayMs: 50 });
  r.cleanup(() => stack.stop());
  r.progress('servers started', 2, 3);
  const browser = await launchBrowser();
  r.cleanup(() => browser.close());
  r.progress('servers started', 3, 3);
  const samples: number[] = [];
  // Where the time goes: until the API has the OFFERED event (gateway, Temporal, workflows, the
  // worker's publish), then from there to the painted popover (SSE, the desktop's reducer, Svelte).
  const toApi: number[] = [];
  const toPaint: number[] = [];
  let offeredAt = new Map<string, number>();
  r.cleanup(
    listen(stack.bus.pubSub.subscribe('agent', 'alice'), (e) => {
      if (e.kind === 'OFFERED' && e.conversationId) offeredAt.set(e.conversationId, now());
    }),
  );
  const loaded = new Set<string>();
  const page = await (await browser.newContext()).newPage();
  // Everything the first load of the desktop fetches, route chunks included.
  page.on('response', (r) => void (r.url().endsWith('.js') && loaded.add(new URL(r.url()).pathname)));
  await page.goto(`${stack.url}/`);
  await page.getByRole('textbox', { name: 'Username' }).fill('alice');
  await page.getByRole('textbox', { name: 'Password' }).fill('alice');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('combobox', { name: 'State' }).selectOption({ label: 'Available' });
  await page.locator('.state[data-status="AVAILABLE"]').waitFor();
  // The page stamps each popover with the wall-clock time of the frame that first paints it
  // (the animation frame after the DOM insertion); Node stamps the MO the same way.
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-conversation-id]')) {
        const id = el.dataset.conversationId!;
        if (id in seen) continue;
        seen[id] = 0;
        requestAnimationFrame(() => (seen[id] = performance.timeOrigin + performance.now()));
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (let i = 0; i < WARMUP + N; i++) {
    r.progress('offers painted in Chromium', i, WARMUP + N);
    r.check();
    const from = `+1555${String(3000000 + i)}`;
    offeredAt = new Map();
    const sentAt = now();
    const mo = await stack.simulator.sendMo({ from, to: BIZ, text: `bench ${i}` });
    if (mo.status !== 0) throw new Error(`MO refused: 0x${mo.status.toString(16)}`);
    const popover = page.locator('[data-conversation-id]').filter({ hasText: from });
    await popover.waitFor({ timeout: 30_000 });
    const id = (await popover.getAttribute('data-conversation-id'))!;
    const paintedAt = (await (
      await page.waitForFunction((c) => (window as unknown as { seen: Record<string, number> }).seen[c] || null, id)
    ).jsonValue())!;
    const atApi = offeredAt.get(id);
    if (atApi === undefined) throw new Error(`no OFFERED event for ${id}`);
    if (i >= WARMUP) {
      samples.push(paintedAt - sentAt);
      toApi.push(atApi - sentAt);
      toPaint.push(paintedAt - atApi);
    }
    // Free the slot so every offer meets the same desktop: accept, end, wrap up.
    const handle = stack.client.workflow.getHandle(id);
    for (const action of [{ type: 'accept' }, { type: 'end' }, { type: 'wrapUp', reasonId: 'resolved' }] as const) {
      await handle.executeUpdate(actUpdate, { args: [{ ...action, agentId: 'alice' }] });
    }
    await page.locator(`[data-conversation-id="${id}"]`).waitFor({ state: 'detached' });
  }
  const latency = [
    latencyRow('web: MO at carrier → offer popover painted', samples, { target: 'p99 ≤ 250 ms' }),
    latencyRow('  of which MO → OFFERED event at the API', toApi),
    latencyRow('  of which OFFERED at the API → painted', toPaint),
  ];
  return { latency, loaded: [...loaded] };
}

/** The JavaScript index.html loads at once: the entry imports and every modulepreload. */
function indexHtmlScripts(): string[] {
  ensureWebBuild();
  const html = readFileSync(join(WEB_BUILD, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (/rel="modulepreload"/.test(m[0])) files.add(/href="([^"]+)"/.exec(m[0])![1]!);
  }
  for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(m[1]!);
  return [...files];
}

/** Gzip level 6 (a typical server setting) of each file under web/build, summed. */
function sizeRow(name: string, paths: string[]): Row {
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const bytes = readFileSync(join(WEB_BUILD, path.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length;
  }
  return {
    name,
    rate: gzip / 1024,
    unit: 'KB',
    target: '≤ 150 KB',
    note: `${paths.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`,
  };
}
