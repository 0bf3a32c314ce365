import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { rejection } from '../support/failures.js';

const BIZ = '12345'; // the short code, routed to sales

describe('end, wrap-up, and what comes after', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ autoWrapUpSeconds: 2, ronaTimeoutSeconds: 60 });
    await stack.setStatus('carol', 'AVAILABLE');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function active(customer: string, text = 'hello'): Promise<string> {
    await stack.text(customer, BIZ, text);
    const id = await stack.conversationOf(BIZ, customer);
    await stack.until(id, (s) => s.offer?.agentId === 'carol', 'offer');
    await stack.act(id, { type: 'accept', agentId: 'carol' });
    return id;
  }

  it('a message after End starts a new conversation; the ended one still gets its wrap-up', async () => {
    const customer = '+15557774001';
    const first = await active(customer);
    const ended = await stack.act(first, { type: 'end', agentId: 'carol' });
    expect(ended.conversation.status).toBe('WRAP_UP');
    expect(ended.conversation.autoWrapUpAt.carol).toBeDefined();
    expect(await rejection(stack.act(first, { type: 'send', agentId: 'carol', text: 'bye' }))).toMatchObject({
      code: 'INVALID_STATE',
    });

    await stack.text(customer, BIZ, 'one more thing');
    const second = await stack.conversationOf(BIZ, customer, 1);
    expect(second).not.toBe(first);
    const next = await stack.until(second, (s) => s.messages.length === 1, 'the new conversation');
    expect(next.messages[0]?.text).toBe('one more thing');
    expect((await stack.state(first)).messages.filter((m) => m.direction === 'INBOUND')).toHaveLength(1);
    expect((await stack.thread(BIZ, customer)).conversations).toEqual([first, second]);

    // The auto wrap-up timer submits the default reason.
    const closed = await stack.until(first, (s) => s.status === 'CLOSED', 'auto wrap-up');
    expect(closed.wrapUps).toMatchObject([{ agentId: 'carol', reasonId: 'resolved', auto: true }]);
  });

  it('a wrap-up submitted by hand wins over the timer and frees the slot', async () => {
    const id = await active('+15557774002');
    expect(await rejection(stack.act(id, { type: 'wrapUp', agentId: 'carol', reasonId: 'resolved' }))).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await rejection(stack.act(id, { type: 'end', agentId: 'alice' }))).toMatchObject({ code: 'NOT_ALLOWED' });
    await stack.act(id, { type: 'end', agentId: 'carol' });
    expect(await rejection(stack.act(id, { type: 'wrapUp', agentId: 'carol', reasonId: 'nope' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'reasonId',
    });
    const closed = await stack.act(id, { type: 'wrapUp', agentId: 'carol', reasonId: 'follow-up' });
    expect(closed.conversation.wrapUps).toMatchObject([{ reasonId: 'follow-up', auto: false }]);
    await expect.poll(async () => (await stack.agent('carol')).conversations).not.toContain(id);
  });

  it('a redelivered message is shown once; replies are checked and idempotent', async () => {
    const customer = '+15557774003';
    const id = await active(customer, 'order 42?');
    await stack.text(customer, BIZ, 'are you there?', 'carrier-msg-1');
    await stack.text(customer, BIZ, 'are you there?', 'carrier-msg-1');
    await stack.until(id, (s) => s.messages.some((m) => m.id === 'carrier-msg-1'), 'the message');
    await stack.text(customer, BIZ, 'ok', 'carrier-msg-2'); // a later message proves the duplicate was processed
    const s = await stack.until(id, (x) => x.messages.some((m) => m.id === 'carrier-msg-2'), 'the later message');
    expect(s.messages.filter((m) => m.id === 'carrier-msg-1')).toHaveLength(1);

    expect(await rejection(stack.act(id, { type: 'send', agentId: 'carol', text: 'x'.repeat(1001) }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'text',
    });
    expect(await rejection(stack.act(id, { type: 'send', agentId: 'carol', text: '   ' }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'text',
    });
    const one = await stack.act(id, {
      type: 'send',
      agentId: 'carol',
      text: 'y'.repeat(1000),
      clientMessageId: 'retry-me',
    });
    const again = await stack.act(id, {
      type: 'send',
      agentId: 'carol',
      text: 'y'.repeat(1000),
      clientMessageId: 'retry-me',
    });
    expect(again.message?.id).toBe(one.message?.id);
    await stack.until(
      id,
      (x) => x.messages.find((m) => m.id === one.message?.id)?.deliveryStatus === 'SUBMITTED',
      'submitted',
    );
    expect(stack.sent.filter((r) => r.messageId === one.message?.id)).toHaveLength(1);
  });
});
