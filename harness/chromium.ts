import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The system Chromium (browsers cannot be downloaded here) and what a test does with a page
// besides asserting: profiles, screenshots, axe-core. No vitest here, so the web benchmark can
// use it too. The flags keep Chromium off the network it would otherwise probe (updates,
// sync, QUIC), which this machine's closed network turns into a flood of failing connections.

const SHOTS_DIR = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** launch() gives every run a fresh temporary user-data dir; each context is a separate profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A new browser profile: its own sessionStorage, so its own signed-in agent. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // An uncaught exception in the page is a bug even if the screen looks right.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A full-page screenshot under test-results/e2e/<name>.png (test artifacts, gitignored). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it is now; returns the violations (an empty list passes). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the desktop's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** One line per violation, so a failing assertion says what and where. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
