import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { rejection } from '../support/failures.js';

const BIZ = '+15551230000';

describe('transfer', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ ronaTimeoutSeconds: 2 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function acceptedBy(agentId: string, customer: string): Promise<string> {
    await stack.text(customer, BIZ, 'hello');
    const id = await stack.conversationOf(BIZ, customer);
    await stack.until(id, (s) => s.offer?.agentId === agentId, `offer to ${agentId}`);
    await stack.act(id, { type: 'accept', agentId });
    return id;
  }

  it('to a queue: the owner is released and owes a wrap-up; an agent of that queue gets a TRANSFER offer', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    const id = await acceptedBy('alice', '+15557772001');
    await stack.setStatus('carol', 'AVAILABLE');
    const moved = await stack.act(id, { type: 'transferToQueue', agentId: 'alice', queueId: 'sales' });
    expect(moved.conversation).toMatchObject({ queueId: 'sales', wrapUpOwedBy: ['alice'] });
    expect(moved.conversation.ownerId).toBeUndefined();
    const offered = await stack.until(id, (s) => s.offer?.agentId === 'carol', 'offer to carol');
    expect(offered.offer).toMatchObject({ kind: 'TRANSFER', fromAgentId: 'alice' });
    await stack.act(id, { type: 'accept', agentId: 'carol' });
    expect(await rejection(stack.act(id, { type: 'send', agentId: 'alice', text: 'still me?' }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    const wrapped = await stack.act(id, { type: 'wrapUp', agentId: 'alice', reasonId: 'follow-up' });
    expect(wrapped.conversation).toMatchObject({ status: 'ACTIVE', ownerId: 'carol', wrapUpOwedBy: [] });
    await stack.setStatus('carol', 'IDLE', 'break');
  });

  it('to an agent who accepts', async () => {
    await stack.setStatus('bob', 'AVAILABLE');
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.setStatus('bob', 'IDLE', 'break'); // so the new request goes to alice
    const id = await acceptedBy('alice', '+15557772002');
    expect(
      await rejection(stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' })),
    ).toMatchObject({ code: 'NOT_AVAILABLE' });
    expect((await stack.state(id)).ownerId).toBe('alice'); // the rejection changed nothing
    await stack.setStatus('bob', 'AVAILABLE');
    await stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' });
    const offered = await stack.until(id, (s) => s.offer?.agentId === 'bob', 'offer to bob');
    expect(offered).toMatchObject({ status: 'OFFERED', offer: { kind: 'TRANSFER', fromAgentId: 'alice' } });
    const taken = await stack.act(id, { type: 'accept', agentId: 'bob' });
    expect(taken.conversation).toMatchObject({ status: 'ACTIVE', ownerId: 'bob', wrapUpOwedBy: ['alice'] });
  });

  it('to an agent who does not accept: that agent goes to RONA and the conversation returns to the queue', async () => {
    await stack.setStatus('bob', 'IDLE', 'break');
    const id = await acceptedBy('alice', '+15557772003');
    await stack.setStatus('bob', 'AVAILABLE');
    await stack.setStatus('alice', 'IDLE', 'break'); // nobody else free: the request waits in its queue
    await stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' });
    await stack.until(id, (s) => s.offer?.agentId === 'bob', 'offer to bob');
    const back = await stack.until(id, (s) => s.status === 'QUEUED', 'back in the queue');
    expect(back).toMatchObject({ queueId: 'support', queuedKind: 'TRANSFER', wrapUpOwedBy: ['alice'] });
    expect((await stack.agent('bob')).status).toBe('RONA');
    // Never silently abandoned: it waits, counted in its queue, and is offered again as soon as an
    // agent is free. The transferring agent is not offered it while it still owes its wrap-up.
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.act(id, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' });
    await stack.until(id, (s) => s.offer?.agentId === 'alice', 're-offered');
  });

  it('is refused before accept, to oneself, to unknown targets and during a conference', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.setStatus('bob', 'IDLE', 'break');
    await stack.text('+15557772004', BIZ, 'hello');
    const id = await stack.conversationOf(BIZ, '+15557772004');
    await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
    expect(
      await rejection(stack.act(id, { type: 'transferToQueue', agentId: 'alice', queueId: 'sales' })),
    ).toMatchObject({ code: 'INVALID_STATE' });
    await stack.act(id, { type: 'accept', agentId: 'alice' });
    expect(
      await rejection(stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'alice' })),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'agentId' });
    expect(
      await rejection(stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'zed' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(stack.act(id, { type: 'transferToQueue', agentId: 'alice', queueId: 'nope' })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'queueId' });
    expect(await rejection(stack.act(id, { type: 'transferToQueue', agentId: 'bob', queueId: 'sales' }))).toMatchObject(
      { code: 'NOT_ALLOWED' },
    );
  });
});
