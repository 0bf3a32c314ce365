import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

// Helpers for the end-to-end tests: profiles, sign-in, polling, screenshots and axe-core.

export { launchBrowser } from './chromium.js';
export const SHOTS_DIR = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));

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

/**
 * Polls what the page shows until the matcher passes (playwright-core has no web-first expect,
 * and vitest's expect.poll is refused in hooks). A timeout reports the last failed expectation.
 */
export function poll<T>(probe: () => Promise<T>, timeout = 15_000) {
  const run = (check: (value: T) => void): Promise<T> =>
    eventually(async () => {
      const value = await probe();
      check(value);
      return value;
    }, timeout, 50);
  return {
    toBe: (expected: T) => run((v) => expect(v).toBe(expected)),
    toEqual: (expected: unknown) => run((v) => expect(v).toEqual(expected)),
    toMatch: (expected: RegExp | string) => run((v) => expect(v).toMatch(expected)),
    toContain: (expected: unknown) => run((v) => expect(v).toContain(expected)),
    not: { toBe: (expected: T) => run((v) => expect(v).not.toBe(expected)) },
  };
}

/** The visible text of a locator, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Signs in through the login form and waits for the desktop to show the agent's state control. */
export async function login(page: Page, baseUrl: string, username: string, password = username): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('combobox', { name: 'State' }).waitFor();
}

/** Chooses Available and waits until the control shows it (the router has the agent). */
export async function goAvailable(page: Page): Promise<void> {
  const state = page.getByRole('combobox', { name: 'State' });
  await state.selectOption({ label: 'Available' });
  await page.locator('.state[data-status="AVAILABLE"]').waitFor();
  await poll(() => state.inputValue()).toBe('AVAILABLE');
}

/** A full-page screenshot under test-results/e2e/<name>.png (test artifacts, gitignored). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it is now; returns the violations (an empty list passes). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** One line per violation, so a failing assertion says what and where. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
