import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FullStack } from '../../harness/full-stack.js';
import { expectBeside, goAvailable, launchBrowser, login, newPage, poll, shot, textOf } from './support/browser.js';
import {
  SUPPORT_NUMBER,
  actions,
  dialog,
  isFocused,
  offer,
  openPhone,
  paneStatus,
  phoneLog,
  popoverFields,
  replyFrom,
  textFromPhone,
  transcript,
  waitForDelivery,
} from './support/desktop.js';

// The seed guide end to end, in Chromium, over the real SMPP path: a customer texts from the
// /phone page, Alice gets the popover and accepts, replies (the phone receives it), transfers to
// Bob, Bob accepts and conferences Alice in, Alice exits, Bob ends and wraps up.
describe('seed scenario: two agents and a customer', () => {
  const customer = '+15557650101';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let phone: Page;
  const pageErrors: string[][] = [];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    const sessions = await Promise.all([newPage(browser), newPage(browser), newPage(browser)]);
    [alice, bob, phone] = sessions.map((s) => s.page) as [Page, Page, Page];
    pageErrors.push(...sessions.map((s) => s.errors));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('request, popover, accept, reply, transfer, conference, exit, end, wrap-up', async () => {
    await login(alice, stack.url, 'alice', 'seed-00-login');
    await shot(alice, 'seed-01-desktop-idle');
    await goAvailable(alice);
    await login(bob, stack.url, 'bob');

    // The customer texts the support line from the phone page: deliver_sm through the gateway.
    await openPhone(phone, stack.url, customer);
    await textFromPhone(phone, 'Hi, my parcel has not arrived');
    await shot(phone, 'seed-02-phone-sent');

    // The popover: Queue Name, Phone Number, Source Number and a Timer that counts.
    const request = offer(alice);
    await request.waitFor();
    expect(await popoverFields(request)).toEqual({
      'Queue Name': 'Support',
      'Phone Number': customer,
      'Source Number': SUPPORT_NUMBER,
      Timer: expect.stringMatching(/^\d\d:\d\d$/),
    });
    const timer = request.getByRole('timer', { name: 'Timer' });
    const firstReading = await timer.innerText();
    await poll(() => timer.innerText(), 5_000).not.toBe(firstReading);
    await shot(alice, 'seed-03-offer-popover');

    await request.getByRole('button', { name: 'Accept' }).click();
    await request.waitFor({ state: 'detached' });
    const aliceLog = transcript(alice, customer);
    await aliceLog.getByText('Hi, my parcel has not arrived').waitFor();
    await poll(() => textOf(paneStatus(alice))).toBe('Active');
    // After Accept the agent is put in the compose box.
    await poll(() => isFocused(alice.getByRole('textbox', { name: 'Message' }))).toBe(true);

    await replyFrom(alice, 'Sorry to hear that! Let me check the tracking.');
    await phoneLog(phone).getByText('Sorry to hear that! Let me check the tracking.').waitFor();
    await waitForDelivery(aliceLog, 'Let me check the tracking', 'Delivered');
    // The customer answers; the agent sees it live.
    await textFromPhone(phone, 'Order 4711');
    await aliceLog.getByText('Order 4711').waitFor();
    await shot(alice, 'seed-04-active-conversation');
    await shot(phone, 'seed-05-phone-reply');

    // Transfer to Bob. He is not Available yet, so not listed; Refresh brings the latest lists.
    await actions(alice).getByRole('button', { name: 'Transfer' }).click();
    const transfer = dialog(alice, 'Transfer Request');
    await transfer.getByText('No available agents match.').waitFor();
    await goAvailable(bob);
    await transfer.getByRole('button', { name: 'Refresh queues and agents' }).click();
    await transfer.getByRole('radio', { name: 'Bob Jones' }).check();
    // Each choice is one row: the radio, then its name beside it (not stacked above it).
    await expectBeside(
      transfer.getByRole('radio', { name: 'Bob Jones' }),
      transfer.getByText('Bob Jones', { exact: true }),
    );
    await shot(alice, 'seed-06-transfer-dialog');
    await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
    // Alice owes a wrap-up for the conversation she transferred away: the dialog asks at once.
    const aliceWrap = dialog(alice, 'Wrap Up Reasons');
    await aliceWrap.getByRole('radio', { name: 'Follow-up needed' }).check();
    await aliceWrap.getByRole('button', { name: 'Submit Wrap Up' }).click();
    await aliceWrap.waitFor({ state: 'detached' });
    await alice.getByText('Select a conversation, or accept a contact request.').waitFor();

    const transferred = offer(bob, 'Transfer request from Alice Smith');
    await transferred.waitFor();
    expect(await popoverFields(transferred)).toMatchObject({ 'Queue Name': 'Support', 'Phone Number': customer });
    await shot(bob, 'seed-07-transfer-offer');
    await transferred.getByRole('button', { name: 'Accept' }).click();
    const bobLog = transcript(bob, customer);
    // Bob sees the whole conversation so far, Alice's reply included.
    await bobLog.getByText('Sorry to hear that! Let me check the tracking.').waitFor();
    await bobLog.getByText('Alice Smith transferred the conversation to Bob Jones.').waitFor();

    // Conference: Bob invites Alice; status goes Conference Requested, then Conference.
    await goAvailable(alice);
    await actions(bob).getByRole('button', { name: 'Conference' }).click();
    const conference = dialog(bob, 'Conference Request');
    await conference.getByRole('searchbox', { name: 'Search agents' }).fill('ali');
    await conference.getByRole('radio', { name: 'Alice Smith' }).check();
    await shot(bob, 'seed-08-conference-dialog');
    await conference.getByRole('button', { name: 'Conference', exact: true }).click();
    await poll(() => textOf(paneStatus(bob))).toBe('Conference Requested');

    const invite = offer(alice, 'Conference request from Bob Jones');
    await invite.getByRole('button', { name: 'Accept' }).click();
    await poll(() => textOf(paneStatus(bob))).toBe('Conference');
    await poll(() => textOf(paneStatus(alice))).toBe('Conference');
    await bobLog.getByText('Alice Smith has joined the conversation.').waitFor();
    await replyFrom(alice, 'Hello, Alice here from the warehouse.');
    await phoneLog(phone).getByText('Hello, Alice here from the warehouse.').waitFor();
    await bobLog.getByText('Hello, Alice here from the warehouse.').waitFor();
    // The carrier's receipt reaches the other agent's view too, not only the sender's.
    await waitForDelivery(bobLog, 'Alice here from the warehouse', 'Delivered');
    await shot(bob, 'seed-09-conference');

    // Alice exits; the chat continues between Bob and the customer.
    await actions(alice).getByRole('button', { name: 'Exit Conference' }).click();
    await alice.getByText('Select a conversation, or accept a contact request.').waitFor();
    // The button went with the conversation; focus stays in the conversation area, not the body.
    await poll(() =>
      alice.getByRole('main', { name: 'Conversation' }).evaluate((el) => el.contains(document.activeElement)),
    ).toBe(true);
    await poll(() => textOf(paneStatus(bob))).toBe('Active');
    await bobLog.getByText('Alice Smith left the conference.').waitFor();
    await replyFrom(bob, 'Your parcel arrives tomorrow.');
    await phoneLog(phone).getByText('Your parcel arrives tomorrow.').waitFor();

    // End, then the Wrap Up Reasons dialog: search, choose, submit.
    await actions(bob).getByRole('button', { name: 'End', exact: true }).click();
    const wrapUp = dialog(bob, 'Wrap Up Reasons');
    await wrapUp.getByRole('searchbox', { name: 'Search wrap-up reasons' }).fill('resol');
    await poll(() => wrapUp.getByRole('radio').count()).toBe(1);
    await wrapUp.getByRole('radio', { name: 'Resolved' }).check();
    await shot(bob, 'seed-10-wrap-up-dialog');
    await wrapUp.getByRole('button', { name: 'Submit Wrap Up' }).click();
    await bob.getByText('Select a conversation, or accept a contact request.').waitFor();
    await shot(bob, 'seed-11-after-wrap-up');

    // The customer's handset has every agent message once, and nothing else was lost.
    const replies = [
      'Sorry to hear that! Let me check the tracking.',
      'Hello, Alice here from the warehouse.',
      'Your parcel arrives tomorrow.',
    ];
    for (const line of replies) expect(await phoneLog(phone).getByText(line, { exact: true }).count()).toBe(1);
    await shot(phone, 'seed-12-phone-final');
    expect(pageErrors.flat()).toEqual([]);
  });
});
