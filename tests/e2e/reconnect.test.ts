import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { stateQuery, threadQuery } from '../../workflows/contract/definitions.js';
import { threadId } from '../../workflows/contract/ids.js';
import { eventually } from '../support/eventually.js';
import { FullStack } from '../../harness/full-stack.js';
import { TcpProxy } from '../integration/gateway/tcp-proxy.js';
import { goAvailable, launchBrowser, login, newPage, poll, shot } from './support/browser.js';
import { SUPPORT_NUMBER, countLines, offer, replyFrom, transcript, waitForDelivery } from './support/desktop.js';

// The desktop's event streams drop (a TCP proxy between the browser and the API cuts every
// connection and refuses new ones; Chromium's offline mode leaves open streams alone) while a new
// offer and a customer message arrive. After reconnecting the desktop resynchronises: the offer is shown, the missed
// message is in the transcript, and nothing (offer or message) is shown twice. A reply typed
// while cut off is marked "Not sent"; Retry after the reconnect texts the customer once.
describe('subscription drop and reconnect', () => {
  const first = '+15557650601';
  const second = '+15557650602';
  let stack: FullStack;
  let browser: Browser;
  let proxy: TcpProxy;
  let alice: Page;
  let errors: string[];

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 60 });
    proxy = await TcpProxy.start(new URL(stack.url).host);
    browser = await launchBrowser();
    ({ page: alice, errors } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await stack?.stop();
  });

  /** The conversation's status as the workflow has it: the source of truth, not the page. */
  async function statusOf(customer: string): Promise<string> {
    return eventually(async () => {
      const thread = await stack.client.workflow
        .getHandle(threadId(stack.config.temporal.instance, SUPPORT_NUMBER, customer))
        .query(threadQuery);
      const id = thread.conversations.at(-1);
      if (!id) throw new Error(`no conversation for ${customer} yet`);
      return (await stack.client.workflow.getHandle(id).query(stateQuery)).status;
    });
  }

  async function text(from: string, body: string): Promise<void> {
    expect((await stack.simulator.sendMo({ from, to: SUPPORT_NUMBER, text: body })).status).toBe(0);
  }

  it('shows what arrived while disconnected, once', async () => {
    await login(alice, `http://${proxy.address}`, 'alice');
    await goAvailable(alice);
    await text(first, 'Before the drop');
    await offer(alice).getByRole('button', { name: 'Accept' }).click();
    const log = transcript(alice, first);
    await log.getByText('Before the drop').waitFor();
    await replyFrom(alice, 'Reply before the drop');
    // Confirmed by the server and the carrier, not only shown as "Sending…" from the outbox.
    await waitForDelivery(log, 'Reply before the drop');

    proxy.cut();
    await alice.getByText('Reconnecting…').waitFor();
    await shot(alice, 'reconnect-01-offline');

    // While the desktop is cut off: the open conversation's customer writes, and a new request
    // is offered to Alice (the workflow says so; the page cannot know yet).
    await text(first, 'Sent while you were offline');
    await text(second, 'New customer while offline');
    await eventually(async () => {
      const status = await statusOf(second);
      if (status !== 'OFFERED') throw new Error(`second conversation is ${status}`);
    });
    expect(await offer(alice).count()).toBe(0);
    expect(await log.getByText('Sent while you were offline').count()).toBe(0);
    // A state change cannot reach the router: the control says so and keeps showing the state
    // Alice is really in (she would otherwise believe she is on a break and still get offers).
    const state = alice.getByRole('combobox', { name: 'State' });
    await state.selectOption({ label: 'Idle – Break' });
    await alice.locator('.state').getByRole('alert').waitFor();
    await poll(() => state.inputValue()).toBe('AVAILABLE');
    // A reply typed meanwhile cannot leave: it stays in the transcript, marked, with Retry.
    await replyFrom(alice, 'Typed while offline');
    const unsent = log.locator('li.local').filter({ hasText: 'Typed while offline' });
    await unsent.getByText(/^Not sent: /).waitFor();

    proxy.restore();
    await alice.getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 20_000 });
    const missed = offer(alice);
    await missed.waitFor();
    await log.getByText('Sent while you were offline').waitFor();
    await shot(alice, 'reconnect-02-resynced');
    // Retry keeps its clientMessageId: one message, one text to the customer.
    await unsent.getByRole('button', { name: 'Retry' }).click();
    await waitForDelivery(log, 'Typed while offline');

    // Live again: one more message in each direction comes through the new streams.
    await text(first, 'After the reconnect');
    await log.getByText('After the reconnect').waitFor();
    await replyFrom(alice, 'Reply after the reconnect');
    await waitForDelivery(log, 'Reply after the reconnect');

    expect(await alice.getByRole('region', { name: 'Contact requests' }).getByRole('region').count()).toBe(1);
    expect(await missed.textContent()).toContain(second);
    for (const line of [
      'Before the drop',
      'Reply before the drop',
      'Sent while you were offline',
      'Typed while offline',
      'After the reconnect',
      'Reply after the reconnect',
    ]) {
      expect(await countLines(log, line), line).toBe(1);
    }
    expect(await log.locator('li.message').count()).toBe(6);
    expect(stack.simulator.mts.map((m) => m.text)).toEqual([
      'Reply before the drop',
      'Typed while offline',
      'Reply after the reconnect',
    ]);
    expect(await log.locator('li.local').count()).toBe(0); // no unconfirmed or failed sends left
    expect(errors).toEqual([]);
  });
});
