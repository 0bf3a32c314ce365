import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';

const BIZ = '+15551230000';

describe('a conversation from the first text to wrap-up', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('offers to the Available agent, who accepts, replies, ends and wraps up', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text('+15557770001', BIZ, 'Hi, my order is late');
    const id = await stack.conversationOf(BIZ, '+15557770001');
    const offered = await stack.until(id, (s) => s.status === 'OFFERED', 'an offer');
    expect(offered.offer).toMatchObject({ agentId: 'alice', kind: 'NEW' });
    expect(offered.queueId).toBe('support');

    const accepted = await stack.act(id, { type: 'accept', agentId: 'alice' });
    expect(accepted.conversation.status).toBe('ACTIVE');
    expect(accepted.conversation.ownerId).toBe('alice');

    const reply = await stack.act(id, {
      type: 'send',
      agentId: 'alice',
      text: 'Sorry! Checking now.',
      clientMessageId: 'c1',
    });
    expect(reply.message).toMatchObject({
      direction: 'OUTBOUND',
      deliveryStatus: 'PENDING',
      text: 'Sorry! Checking now.',
    });
    await stack.until(id, (s) => s.messages.some((m) => m.deliveryStatus === 'SUBMITTED'), 'the SMS submitted');
    expect(stack.sent).toHaveLength(1);
    expect(stack.sent[0]).toMatchObject({
      customerNumber: '+15557770001',
      businessNumber: BIZ,
      numberType: 'LONGCODE',
    });

    const ended = await stack.act(id, { type: 'end', agentId: 'alice' });
    expect(ended.conversation.status).toBe('WRAP_UP');
    expect(ended.conversation.wrapUpOwedBy).toEqual(['alice']);
    expect((await stack.agent('alice')).conversations).toContain(id);

    const closed = await stack.act(id, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' });
    expect(closed.conversation.status).toBe('CLOSED');
    expect(closed.conversation.wrapUps).toMatchObject([{ agentId: 'alice', reasonId: 'resolved', auto: false }]);
    await expect.poll(async () => (await stack.agent('alice')).conversations).not.toContain(id);
  });
});
