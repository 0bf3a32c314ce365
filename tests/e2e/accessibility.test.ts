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
  shot,
} from './support/browser.js';
import {
  actions,
  dialog,
  offer,
  openPhone,
  phoneLog,
  replyFrom,
  textFromPhone,
  transcript,
} from './support/desktop.js';

// axe-core on every screen an agent or customer sees, in the state a real session puts it in:
// login, the idle desktop, an offer, an active conversation, each dialog, and the phone page.
// Every screen is checked before the test fails, so one report lists all of them.
describe('accessibility (axe-core) on each screen', () => {
  const customer = '+15557650501';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;
  let phone: Page;
  let bob: Page;
  const found: Record<string, string[]> = {};

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    ({ page: alice } = await newPage(browser));
    ({ page: phone } = await newPage(browser));
    ({ page: bob } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function check(page: Page, screen: string): Promise<void> {
    await shot(page, `a11y-${screen}`);
    found[screen] = describeViolations(await axeViolations(page));
  }

  it('finds no violations', async () => {
    await alice.goto(`${stack.url}/`);
    await alice.getByRole('button', { name: 'Log in' }).waitFor();
    await check(alice, 'login');
    // The checker itself: a planted image without alt text must be reported, then removed.
    await alice.evaluate(() =>
      document.body.append(Object.assign(document.createElement('img'), { id: 'planted', src: 'data:,' })),
    );
    expect((await axeViolations(alice)).map((v) => v.id)).toContain('image-alt');
    await alice.evaluate(() => document.getElementById('planted')?.remove());
    // A failed login shows its error in the form; that state is checked too.
    await alice.getByRole('textbox', { name: 'Username' }).fill('alice');
    await alice.getByRole('textbox', { name: 'Password' }).fill('wrong');
    await alice.getByRole('button', { name: 'Log in' }).click();
    await alice.getByRole('alert').waitFor();
    await check(alice, 'login-error');

    await login(alice, stack.url, 'alice');
    await check(alice, 'desktop-idle');
    await goAvailable(alice);

    await openPhone(phone, stack.url, customer);
    await check(phone, 'phone-empty');
    await textFromPhone(phone, 'Checking accessibility');
    await offer(alice).waitFor();
    await check(alice, 'desktop-offer');

    await offer(alice).getByRole('button', { name: 'Accept' }).click();
    await transcript(alice, customer).getByText('Checking accessibility').waitFor();
    await replyFrom(alice, 'Accessible reply');
    await phoneLog(phone).getByText('Accessible reply').waitFor();
    await check(alice, 'active-conversation');
    // Bob, Available, fills the dialogs' agent lists.
    await login(bob, stack.url, 'bob');
    await goAvailable(bob);
    await check(phone, 'phone-thread');

    for (const [button, name] of [
      ['Transfer', 'Transfer Request'],
      ['Conference', 'Conference Request'],
    ] as const) {
      await actions(alice).getByRole('button', { name: button, exact: true }).click();
      const box = dialog(alice, name);
      await box.getByRole('radio').first().waitFor();
      await check(alice, `dialog-${button.toLowerCase()}`);
      await box.getByRole('button', { name: 'Cancel' }).click();
      await box.waitFor({ state: 'detached' });
    }
    await actions(alice).getByRole('button', { name: 'End', exact: true }).click();
    const wrapUp = dialog(alice, 'Wrap Up Reasons');
    await wrapUp.getByRole('radio').first().waitFor();
    await check(alice, 'dialog-wrap-up');
    // "Later": the pane keeps a Wrap Up button for the owed wrap-up.
    await wrapUp.getByRole('button', { name: 'Later' }).click();
    await actions(alice).getByRole('button', { name: 'Wrap Up' }).waitFor();
    await check(alice, 'wrap-up-owed');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(Object.keys(found)).toHaveLength(11);
  });
});
