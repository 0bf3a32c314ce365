import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FullStack } from '../../harness/full-stack.js';
import { launchBrowser, newPage, poll, shot, textOf } from './support/browser.js';
import { SUPPORT_NUMBER, actions, dialog, isFocused, offer, tabTo, transcript } from './support/desktop.js';

// One agent, keyboard only (Tab, Shift+Tab, arrows, Space, Enter, Escape; no clicks): log in, go
// Available, accept, reply with a two-line message, open and dismiss the Transfer dialog (focus
// stays inside it and comes back to Transfer), End, and submit the wrap-up.
describe('keyboard only', () => {
  const customer = '+15557650401';
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Presses Tab repeatedly; every stop must stay inside the dialog. */
  async function expectTrapped(
    box: ReturnType<typeof dialog>,
    key: 'Tab' | 'Shift+Tab',
    presses: number,
  ): Promise<void> {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      expect(await box.evaluate((el) => el.contains(document.activeElement)), `${key} #${i + 1} left the dialog`).toBe(
        true,
      );
    }
  }

  it('handles a whole conversation without the mouse', async () => {
    await page.goto(`${stack.url}/`);
    await tabTo(page, page.getByRole('textbox', { name: 'Username' }));
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('textbox', { name: 'Password' }))).toBe(true);
    await page.keyboard.type('alice');
    await page.keyboard.press('Enter');

    const state = page.getByRole('combobox', { name: 'State' });
    await tabTo(page, state);
    // A closed select changes with the arrow keys; "Available" is the first choosable option.
    await page.keyboard.press('ArrowDown');
    await page.locator('.state[data-status="AVAILABLE"]').waitFor();

    expect(
      (await stack.simulator.sendMo({ from: customer, to: SUPPORT_NUMBER, text: 'Keyboard user here?' })).status,
    ).toBe(0);
    const accept = offer(page).getByRole('button', { name: 'Accept' });
    await tabTo(page, accept);
    await page.keyboard.press('Enter');
    const log = transcript(page, customer);
    await log.getByText('Keyboard user here?').waitFor();
    // Accept puts focus in the compose box: Shift+Enter is a new line, Enter sends.
    const box = page.getByRole('textbox', { name: 'Message' });
    await poll(() => isFocused(box)).toBe(true);
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await box.inputValue()).toBe('First line\nsecond line');
    await page.keyboard.press('Enter');
    await poll(() => box.inputValue()).toBe('');
    await log.getByText('second line').waitFor();
    await poll(async () => stack.simulator.mts.map((m) => m.text)).toEqual(['First line\nsecond line']);

    // The Transfer dialog: focus starts in its search field, Tab and Shift+Tab cycle inside it,
    // Escape closes it and hands focus back to the Transfer button.
    const transferButton = actions(page).getByRole('button', { name: 'Transfer' });
    await tabTo(page, transferButton, { backwards: true });
    await page.keyboard.press('Enter');
    const transfer = dialog(page, 'Transfer Request');
    await poll(() => isFocused(transfer.getByRole('searchbox', { name: 'Search queues and agents' }))).toBe(true);
    await transfer.getByRole('radio', { name: 'Sales' }).waitFor();
    await expectTrapped(transfer, 'Tab', 10);
    await expectTrapped(transfer, 'Shift+Tab', 10);
    await shot(page, 'keyboard-01-transfer-dialog');
    await page.keyboard.press('Escape');
    await transfer.waitFor({ state: 'detached' });
    expect(await isFocused(transferButton)).toBe(true);

    // End, then the wrap-up by keyboard: search, Tab to the one match, Space, Tab to Submit, Enter.
    await tabTo(page, actions(page).getByRole('button', { name: 'End', exact: true }));
    await page.keyboard.press('Enter');
    const wrapUp = dialog(page, 'Wrap Up Reasons');
    const search = wrapUp.getByRole('searchbox', { name: 'Search wrap-up reasons' });
    await poll(() => isFocused(search)).toBe(true);
    await page.keyboard.type('follow');
    const reason = wrapUp.getByRole('radio', { name: 'Follow-up needed' });
    await poll(() => wrapUp.getByRole('radio').count()).toBe(1);
    await tabTo(page, reason);
    await page.keyboard.press('Space');
    expect(await reason.isChecked()).toBe(true);
    await expectTrapped(wrapUp, 'Tab', 6);
    await tabTo(page, wrapUp.getByRole('button', { name: 'Submit Wrap Up' }));
    await shot(page, 'keyboard-02-wrap-up');
    await page.keyboard.press('Enter');
    await wrapUp.waitFor({ state: 'detached' });
    await page.getByText('Select a conversation, or accept a contact request.').waitFor();
    // The End button that opened the dialog is gone; focus lands on the conversation area, not
    // on the page body, so a keyboard or screen-reader user is not thrown back to the top.
    const main = page.getByRole('main', { name: 'Conversation' });
    await poll(() => main.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await textOf(page.getByRole('navigation', { name: 'Conversations' }))).toContain('(0)');
    expect(errors).toEqual([]);
  });
});
