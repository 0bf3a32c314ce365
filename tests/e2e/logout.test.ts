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

// Logging out with a conversation in hand: the desktop says where it will go and asks first;
// "Stay signed in" changes nothing; confirmed, the conversation goes back to Support as a transfer
// and the next agent is offered it, the system line in the transcript saying why.
describe('log out with work in hand', () => {
  const customer = '+15557650901';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let errors: string[];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    ({ page: alice, errors } = await newPage(browser));
    ({ page: bob } = await newPage(browser));
    await login(alice, stack.url, 'alice');
    await login(bob, stack.url, 'bob');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('warns, then hands the conversation to the next agent as a transfer', async () => {
    await goAvailable(alice);
    expect(
      (await stack.simulator.sendMo({ from: customer, to: SUPPORT_NUMBER, text: 'Help with my bill' })).status,
    ).toBe(0);
    await offer(alice).getByRole('button', { name: 'Accept' }).click();
    await poll(() => textOf(paneStatus(alice))).toBe('Active');

    const logout = alice.getByRole('button', { name: 'Log out' });
    await logout.click();
    const warning = alice.getByRole('dialog', { name: 'Log out with work in hand?' });
    await warning.waitFor();
    expect(await textOf(warning.getByRole('listitem'))).toBe(
      '1 conversation you own goes back to the queue as a transfer (or to the agent in conference).',
    );
    const stay = warning.getByRole('button', { name: 'Stay signed in' });
    expect(await stay.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(describeViolations(await axeViolations(alice))).toEqual([]);
    await shot(alice, 'logout-01-warning');
    await alice.keyboard.press('Escape');
    await warning.waitFor({ state: 'detached' });
    expect(await logout.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await textOf(paneStatus(alice))).toBe('Active'); // nothing changed

    await goAvailable(bob);
    await logout.click();
    await warning.getByRole('button', { name: 'Log out' }).click();
    await alice.getByRole('textbox', { name: 'Username' }).waitFor();

    const request = offer(bob, 'Transfer request from Alice Smith');
    await request.getByRole('button', { name: 'Accept' }).click();
    await transcript(bob, customer).getByText('Help with my bill').waitFor();
    await transcript(bob, customer)
      .getByText('Alice Smith logged out; the conversation is back in Support as a transfer.')
      .waitFor();
    await poll(() => textOf(paneStatus(bob))).toBe('Active');
    expect(errors).toEqual([]);
  });
});
