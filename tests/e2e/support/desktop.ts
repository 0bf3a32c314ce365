import type { Locator, Page } from 'playwright-core';
import { poll, textOf } from './browser.js';

// Locators by role and accessible name (web/README.md lists them), so the tests read like what an
// agent or a screen-reader user does, and a renamed control fails them.

export const SUPPORT_NUMBER = '+15551230000';

/** One contact request popover, e.g. "SMS request" or "Transfer request from Alice Smith". */
export function offer(page: Page, name: string | RegExp = 'SMS request'): Locator {
  return page.getByRole('region', { name: 'Contact requests' }).getByRole('region', { name });
}

export function transcript(page: Page, customer: string): Locator {
  return page.getByRole('log', { name: `Transcript with ${customer}` });
}

export function actions(page: Page): Locator {
  return page.getByRole('region', { name: 'Interaction' }).getByRole('group', { name: 'Conversation actions' });
}

/** The interaction pane's status pill ("Active", "Conference", ...). */
export function paneStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Interaction' }).locator('.status .pill');
}

export function dialog(page: Page, name: 'Transfer Request' | 'Conference Request' | 'Wrap Up Reasons'): Locator {
  return page.getByRole('dialog', { name });
}

/** The /phone page for one customer number, texting the support line. */
export async function openPhone(
  page: Page,
  baseUrl: string,
  customer: string,
  business = SUPPORT_NUMBER,
): Promise<void> {
  await page.goto(`${baseUrl}/phone`);
  const numbers = page.getByRole('combobox', { name: 'Business number' });
  // The options come from a query; selecting before they exist would silently select nothing.
  await numbers.locator(`option[value="${business}"]`).waitFor({ state: 'attached' });
  await numbers.selectOption(business);
  await page.getByRole('textbox', { name: 'Your phone number' }).fill(customer);
}

export function phoneLog(page: Page, business = SUPPORT_NUMBER): Locator {
  return page.getByRole('log', { name: `Messages with ${business}` });
}

/** Types and sends a text from the phone page; resolves once the handset shows it as sent. */
export async function textFromPhone(page: Page, text: string, business = SUPPORT_NUMBER): Promise<void> {
  await page.getByRole('textbox', { name: 'Text message' }).fill(text);
  await page.getByRole('button', { name: 'Send text' }).click();
  await phoneLog(page, business).getByText(text, { exact: true }).waitFor();
  await poll(() => page.getByRole('textbox', { name: 'Text message' }).inputValue()).toBe('');
}

/** How many times `text` appears as a whole message line in a transcript (duplicates are bugs). */
export async function countLines(log: Locator, text: string): Promise<number> {
  return log
    .locator('.text')
    .filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .count();
}

export async function replyFrom(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await poll(() => box.inputValue()).toBe('');
}

/** The outbound line holding `text`, once its delivery status reads `status` (e.g. "Delivered"). */
export async function waitForDelivery(log: Locator, text: string, status = 'Delivered'): Promise<void> {
  const line = log.locator('li.message.outbound').filter({ hasText: text });
  await poll(() => textOf(line.locator('.status'))).toMatch(new RegExp(`^${status}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the element is the document's focused element. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails if it is
 * not reachable within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<number> {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable with ${max} ${backwards ? 'Shift+Tab' : 'Tab'} presses: ${target.toString()}`);
}

/** A popover's fields as shown, e.g. { 'Queue Name': 'Support', 'Phone Number': '+1555…', … }. */
export async function popoverFields(popover: Locator): Promise<Record<string, string>> {
  return popover
    .locator('dl')
    .evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('dt')].map((dt) => [
          dt.textContent?.trim() ?? '',
          dt.nextElementSibling?.textContent?.trim() ?? '',
        ]),
      ),
    );
}
