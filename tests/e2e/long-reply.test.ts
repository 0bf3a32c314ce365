import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FullStack } from '../../harness/full-stack.js';
import { goAvailable, launchBrowser, login, newPage, poll, shot, textOf } from './support/browser.js';
import {
  SUPPORT_NUMBER,
  offer,
  openPhone,
  phoneLog,
  replyFrom,
  transcript,
  waitForDelivery,
} from './support/desktop.js';

// The compose box takes at most 1000 characters (the seed). The UI stops a longer reply, exactly
// 1000 goes out (as a 7-part SMS), and a 1001-character reply forced past the UI is refused by
// the API with a typed error, texting nobody.
describe('a reply over 1000 characters', () => {
  const customer = '+15557650301';
  let stack: FullStack;
  let browser: Browser;
  let alice: Page;

  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), ronaTimeoutSeconds: 30 });
    browser = await launchBrowser();
    ({ page: alice } = await newPage(browser));
    await login(alice, stack.url, 'alice');
    await goAvailable(alice);
    expect(
      (await stack.simulator.sendMo({ from: customer, to: SUPPORT_NUMBER, text: 'Tell me everything' })).status,
    ).toBe(0);
    await offer(alice).getByRole('button', { name: 'Accept' }).click();
    await transcript(alice, customer).getByText('Tell me everything').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const mtsTo = () => stack.simulator.mts.filter((m) => `+${m.destination}` === customer);

  it('the compose box stops at 1000 characters and sends exactly 1000', async () => {
    const box = alice.getByRole('textbox', { name: 'Message' });
    const counter = alice.locator('.compose .counter');
    await box.fill('a'.repeat(1200));
    expect((await box.inputValue()).length).toBe(1000);
    // Typing on at the limit changes nothing.
    await box.press('End');
    await alice.keyboard.type('bcd');
    expect(await box.inputValue()).toBe('a'.repeat(1000));
    expect(await textOf(counter)).toBe('1000/1000 characters');
    await shot(alice, 'long-01-at-limit');

    const text = `${'0123456789'.repeat(99)}END-OF-MSG`;
    expect(text.length).toBe(1000);
    await replyFrom(alice, text);
    const log = transcript(alice, customer);
    await waitForDelivery(log, 'END-OF-MSG', 'Delivered · 7 segments');
    // The carrier reassembled all 1000 characters from the parts the gateway sent.
    await poll(async () => mtsTo().map((m) => m.text)).toEqual([text]);
  });

  it('the API refuses 1001 characters when the UI is bypassed, and nothing is sent', async () => {
    // The request the desktop would make, with the desktop's own token, straight from the page.
    const answer = await alice.evaluate(async (length) => {
      const post = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${sessionStorage.getItem('switchboard.token')}`,
          },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data: Record<string, unknown> };
      };
      const mine = (await post('{ myConversations { id } }')).data.myConversations as { id: string }[];
      const conversationId = mine[0]!.id;
      const mutation =
        'mutation($c: ID!, $t: String!) { sendMessage(conversationId: $c, text: $t) { message { id } userErrors { code message field } } }';
      return post(mutation, { c: conversationId, t: 'x'.repeat(length) });
    }, 1001);
    expect(answer.data.sendMessage).toEqual({
      message: null,
      userErrors: [
        { code: 'INVALID_INPUT', message: expect.stringContaining('at most 1000 characters'), field: 'text' },
      ],
    });

    // A normal reply after it arrives; the refused one never reached the carrier or the transcript.
    await replyFrom(alice, 'Short one.');
    const log = transcript(alice, customer);
    await waitForDelivery(log, 'Short one.');
    expect(mtsTo().map((m) => m.text.length)).toEqual([1000, 10]);
    expect(await log.locator('li.message.outbound').count()).toBe(2);
    await shot(alice, 'long-02-after-refusal');
  });

  it('the customer phone page takes no more than its API accepts (1000 characters)', async () => {
    const { page: phone } = await newPage(browser);
    await openPhone(phone, stack.url, customer);
    const box = phone.getByRole('textbox', { name: 'Text message' });
    await box.fill('z'.repeat(1200));
    expect((await box.inputValue()).length).toBe(1000);
    await phone.getByRole('button', { name: 'Send text' }).click();
    await phoneLog(phone).getByText('z'.repeat(1000)).waitFor();
    expect(await phone.getByRole('alert').count()).toBe(0);
    await transcript(alice, customer).getByText('z'.repeat(1000)).waitFor();
  });
});
