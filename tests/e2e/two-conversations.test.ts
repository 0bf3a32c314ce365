import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FullStack } from '../../harness/full-stack.js';
import { goAvailable, launchBrowser, login, newPage, poll, shot, textOf } from './support/browser.js';
import { SUPPORT_NUMBER, offer, transcript, waitForDelivery } from './support/desktop.js';

// One agent with two customers at once (capacity allows five): the list shows both with unread
// counts for the one not open, and a reply being typed belongs to its conversation. Switching
// must never carry a draft over to the other customer, where Enter would text it to them.
describe('two conversations at once', () => {
  const first = '+15557650701';
  const second = '+15557650702';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;
  let errors: string[];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    ({ page: alice, errors } = await newPage(browser));
    await login(alice, stack.url, 'alice');
    await goAvailable(alice);
    for (const [from, text] of [
      [first, 'First customer here'],
      [second, 'Second customer here'],
    ] as const) {
      expect((await stack.simulator.sendMo({ from, to: SUPPORT_NUMBER, text })).status).toBe(0);
      await offer(alice).filter({ hasText: from }).getByRole('button', { name: 'Accept' }).click();
      await transcript(alice, from).getByText(text).waitFor();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const list = () => alice.getByRole('navigation', { name: 'Conversations' });
  const entry = (customer: string) => list().getByRole('button', { name: new RegExp(customer.replace('+', '\\+')) });
  const box = () => alice.getByRole('textbox', { name: 'Message' });

  it('counts unread messages in the conversation that is not open', async () => {
    expect(await entry(second).getAttribute('aria-current')).toBe('true');
    expect(
      (await stack.simulator.sendMo({ from: first, to: SUPPORT_NUMBER, text: 'Are you still there?' })).status,
    ).toBe(0);
    await poll(() => textOf(entry(first))).toContain('1 unread');
    await shot(alice, 'two-01-unread');
    await entry(first).click();
    await transcript(alice, first).getByText('Are you still there?').waitFor();
    expect(await textOf(entry(first))).not.toContain('unread');
  });

  it('keeps a draft with its own conversation', async () => {
    await entry(first).click();
    await transcript(alice, first).waitFor();
    await box().fill('Draft meant for the first customer');
    await entry(second).click();
    await transcript(alice, second).waitFor();
    expect(await box().inputValue()).toBe('');
    await box().fill('For the second customer');
    await box().press('Enter');
    await waitForDelivery(transcript(alice, second), 'For the second customer');

    await entry(first).click();
    await transcript(alice, first).waitFor();
    expect(await box().inputValue()).toBe('Draft meant for the first customer');
    await box().press('Enter');
    await waitForDelivery(transcript(alice, first), 'Draft meant for the first customer');
    // Each customer got exactly their own text.
    expect(stack.simulator.mts.map((m) => [`+${m.destination}`, m.text])).toEqual([
      [second, 'For the second customer'],
      [first, 'Draft meant for the first customer'],
    ]);
    expect(errors).toEqual([]);
  });
});
