import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { rejection } from '../support/failures.js';

const BIZ = '+15551230000';

describe('RONA: an offer nobody accepts', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ ronaTimeoutSeconds: 2, capacity: 1 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('withdraws the offer, puts the agent in RONA until it chooses Available, and requeues ahead of newer', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text('+15557771001', BIZ, 'first customer');
    const first = await stack.conversationOf(BIZ, '+15557771001');
    await stack.until(first, (s) => s.offer?.agentId === 'alice', 'the offer to alice');

    const lapsed = await stack.until(first, (s) => s.status === 'QUEUED' && !s.offer, 'RONA');
    expect(lapsed.messages.at(-1)?.text).toMatch(/did not answer/);
    const alice = await stack.agent('alice');
    expect(alice.status).toBe('RONA');
    expect(alice.statusReason).toMatch(/within 2 s/);
    expect(alice.offers).toEqual([]);
    expect(await rejection(stack.act(first, { type: 'accept', agentId: 'alice' }))).toMatchObject({
      code: 'INVALID_STATE',
    });

    // A newer request arrives while nobody is free; the RONA'd one keeps its place ahead of it.
    await stack.text('+15557771002', BIZ, 'second customer');
    const second = await stack.conversationOf(BIZ, '+15557771002');
    await stack.until(second, (s) => s.status === 'QUEUED', 'second queued');
    expect((await stack.agent('alice')).status).toBe('RONA'); // RONA stays until the agent changes it

    await stack.setStatus('bob', 'AVAILABLE'); // capacity 1: only the oldest can be offered
    await stack.until(first, (s) => s.offer?.agentId === 'bob', 'the requeued request offered to bob first');
    expect((await stack.state(second)).status).toBe('QUEUED');
    await stack.act(first, { type: 'accept', agentId: 'bob' });

    await stack.setStatus('alice', 'AVAILABLE');
    await stack.until(second, (s) => s.offer?.agentId === 'alice', 'the newer request offered to alice');
  });

  it('never offers to Idle agents and rejects RONA as a chosen status', async () => {
    await stack.setStatus('alice', 'IDLE', 'lunch');
    expect(await rejection(stack.setStatus('alice', 'RONA'))).toMatchObject({ code: 'INVALID_INPUT', field: 'status' });
    expect(await rejection(stack.setStatus('alice', 'IDLE'))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'idleCodeId',
    });
    expect(await rejection(stack.setStatus('alice', 'IDLE', 'nap'))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await stack.agent('alice')).idleCodeId).toBe('lunch');
    await stack.text('+15557771003', '+18005550100', 'anyone there?');
    const third = await stack.conversationOf('+18005550100', '+15557771003');
    await stack.until(third, (s) => s.status === 'QUEUED', 'queued');
    expect((await stack.state(third)).offer).toBeUndefined();
  });
});
