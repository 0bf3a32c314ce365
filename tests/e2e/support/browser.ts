import { expect } from 'vitest';
import { eventually } from '../../support/eventually.js';
import type { Locator, Page } from 'playwright-core';

// Helpers for the end-to-end tests that assert: polling what the page shows, sign-in, state.

import { shot } from '../../../harness/chromium.js';

export { axeViolations, describeViolations, launchBrowser, newPage, shot } from '../../../harness/chromium.js';

/**
 * Polls what the page shows until the matcher passes (playwright-core has no web-first expect,
 * and vitest's expect.poll is refused in hooks). A timeout reports the last failed expectation.
 */
export function poll<T>(probe: () => Promise<T>, timeout = 15_000) {
  const run = (check: (value: T) => void): Promise<T> =>
    eventually(
      async () => {
        const value = await probe();
        check(value);
        return value;
      },
      timeout,
      50,
    );
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

/**
 * Signs in through the login form and waits for the desktop to show the agent's state control;
 * `screenshot` names a shot of the empty form first.
 */
export async function login(page: Page, baseUrl: string, username: string, screenshot?: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const name = page.getByRole('textbox', { name: 'Username' });
  await name.waitFor();
  if (screenshot) await shot(page, screenshot);
  await name.fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(username); // demo passwords are the usernames
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

/** A control and its name read as one row: the name to the right, centred on the same line. */
export async function expectBeside(control: Locator, name: Locator): Promise<void> {
  const c = (await control.boundingBox())!;
  const n = (await name.boundingBox())!;
  expect(n.x, 'name right of its control').toBeGreaterThan(c.x + c.width);
  expect(Math.abs(n.y + n.height / 2 - (c.y + c.height / 2)), 'same line').toBeLessThan(4);
}
