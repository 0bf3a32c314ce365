import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FullStack } from '../../harness/full-stack.js';
import {
  axeViolations,
  describeViolations,
  goAvailable,
  launchBrowser,
  login,
  newPage,
  poll,
  shot,
  textOf,
} from './support/browser.js';
import { SUPPORT_NUMBER, offer, paneStatus, transcript } from './support/desktop.js';

// RONA (redirection on no answer): an offer left alone for the queue's RONA timeout (4 s here)
// is withdrawn, the agent goes to RONA and stays there, with why, until they choose Available;
// the conversation goes back to its queue and is offered again.
describe('RONA on an ignored offer', () => {
  const customer = '+15557650201';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;
  let errors: string[];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 4 });
    browser = await launchBrowser();
    ({ page: alice, errors } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('withdraws the popover, shows RONA with the reason, and Available clears it', async () => {
    await login(alice, stack.url, 'alice');
    await goAvailable(alice);
    const sentAt = Date.now();
    const mo = await stack.simulator.sendMo({ from: customer, to: SUPPORT_NUMBER, text: 'Anyone there?' });
    expect(mo.status).toBe(0);

    const request = offer(alice);
    await request.waitFor();
    // Ignored: the popover goes by itself once the RONA timer fires, never sooner than 4 s after
    // the offer (which itself came after the MO).
    await request.waitFor({ state: 'detached', timeout: 15_000 });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(4_000);

    const state = alice.locator('.state');
    await alice.locator('.state[data-status="RONA"]').waitFor();
    const select = alice.getByRole('combobox', { name: 'State' });
    expect(await select.inputValue()).toBe('RONA');
    // The RONA option is shown but cannot be chosen; the reason says why and what to do.
    expect(await select.locator('option[value="RONA"]').isDisabled()).toBe(true);
    const reason = await textOf(state.getByRole('status'));
    expect(reason).toContain(`Did not accept the request from ${customer} within 4 s`);
    expect(reason).toContain('Choose Available to receive requests.');
    await shot(alice, 'rona-01-state');
    expect(describeViolations(await axeViolations(alice))).toEqual([]);

    await goAvailable(alice);
    expect(await textOf(state.getByRole('status'))).toBe('');
    expect(await select.locator('option[value="RONA"]').count()).toBe(0);

    // The conversation was back in its queue: it is offered again, and can be taken now.
    const again = offer(alice);
    await again.waitFor();
    expect(await textOf(again.locator('dl'))).toContain(`Phone Number ${customer}`);
    await again.getByRole('button', { name: 'Accept' }).click();
    await transcript(alice, customer).getByText('Anyone there?').waitFor();
    await poll(() => textOf(paneStatus(alice))).toBe('Active');
    // The missed offer is part of the record: the system line says it went back to the queue.
    await transcript(alice, customer)
      .getByText('Alice Smith did not answer; the request is back in Support.')
      .waitFor();
    await shot(alice, 'rona-02-offered-again');
    expect(errors).toEqual([]);
  });
});
