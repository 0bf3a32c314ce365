import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { rejection } from '../support/failures.js';

const BIZ = '+15551230000';

describe('conference', () => {
  let stack: WorkflowStack;
  let id: string;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ ronaTimeoutSeconds: 2 });
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text('+15557773001', BIZ, 'I need a specialist');
    id = await stack.conversationOf(BIZ, '+15557773001');
    await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
    await stack.act(id, { type: 'accept', agentId: 'alice' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('accept: Conference Requested, then Conference with a joined message; the conferenced agent exits', async () => {
    await stack.setStatus('bob', 'AVAILABLE');
    const requested = await stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' });
    expect(requested.conversation).toMatchObject({
      status: 'CONFERENCE_REQUESTED',
      offer: { agentId: 'bob', kind: 'CONFERENCE', fromAgentId: 'alice' },
    });
    expect(
      await rejection(stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' })),
    ).toMatchObject({ code: 'INVALID_STATE' });
    expect(await rejection(stack.act(id, { type: 'accept', agentId: 'bob' }))).toMatchObject({ code: 'INVALID_STATE' });
    const joined = await stack.act(id, { type: 'acceptConference', agentId: 'bob' });
    expect(joined.conversation.status).toBe('CONFERENCE');
    expect(joined.conversation.messages.at(-1)).toMatchObject({
      direction: 'SYSTEM',
      text: 'Bob Jones has joined the conversation.',
    });
    await stack.act(id, { type: 'send', agentId: 'bob', text: 'Specialist here.' });
    expect(await rejection(stack.act(id, { type: 'exitConference', agentId: 'alice' }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    const left = await stack.act(id, { type: 'exitConference', agentId: 'bob' });
    expect(left.conversation).toMatchObject({ status: 'ACTIVE', ownerId: 'alice' });
    expect(left.conversation.wrapUpOwedBy).toEqual([]);
    await stack.act(id, { type: 'send', agentId: 'alice', text: 'Anything else?' }); // the chat carries on
    expect(await rejection(stack.act(id, { type: 'send', agentId: 'bob', text: 'me again' }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    await expect.poll(async () => (await stack.agent('bob')).conversations).not.toContain(id);
  });

  it('the owner ends the conference', async () => {
    await stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' });
    await stack.act(id, { type: 'acceptConference', agentId: 'bob' });
    expect(await rejection(stack.act(id, { type: 'endConference', agentId: 'bob' }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    const ended = await stack.act(id, { type: 'endConference', agentId: 'alice' });
    expect(ended.conversation.status).toBe('ACTIVE');
    expect(ended.conversation.participants.find((p) => p.role === 'CONFERENCE' && !p.leftAt)).toBeUndefined();
  });

  it('no accept: the invited agent goes to RONA and the conversation stays with the owner', async () => {
    await expect.poll(async () => (await stack.agent('bob')).conversations).toEqual([]);
    await stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' });
    const back = await stack.until(id, (s) => s.status === 'ACTIVE', 'the conference offer lapsed');
    expect(back.ownerId).toBe('alice');
    expect(back.messages.at(-1)?.text).toBe('Bob Jones did not answer the conference request.');
    // The router hears of the lapse from the conversation, a signal later.
    await expect.poll(async () => (await stack.agent('bob')).status).toBe('RONA');
    expect(
      await rejection(stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' })),
    ).toMatchObject({ code: 'NOT_AVAILABLE' });
  });

  it('an agent can be invited the moment it has submitted its wrap-up (the release reaches the router first)', async () => {
    await stack.setStatus('bob', 'AVAILABLE');
    for (let round = 0; round < 3; round++) {
      const customer = `+1555777310${round}`;
      await stack.setStatus('alice', 'AVAILABLE');
      await stack.text(customer, BIZ, 'hello');
      const conv = await stack.conversationOf(BIZ, customer);
      const offered = await stack.until(conv, (s) => s.offer !== undefined, 'offer');
      const first = offered.offer!.agentId;
      const second = first === 'alice' ? 'bob' : 'alice';
      await stack.act(conv, { type: 'accept', agentId: first });
      await stack.setStatus(second, 'AVAILABLE');
      await stack.act(conv, { type: 'transferToAgent', agentId: first, targetId: second });
      await stack.act(conv, { type: 'accept', agentId: second });
      await stack.setStatus(first, 'AVAILABLE');
      await stack.act(conv, { type: 'wrapUp', agentId: first, reasonId: 'resolved' });
      const invited = await stack.act(conv, { type: 'requestConference', agentId: second, targetId: first });
      expect(invited.conversation.status).toBe('CONFERENCE_REQUESTED');
      await stack.act(conv, { type: 'endConference', agentId: second });
      await stack.act(conv, { type: 'end', agentId: second });
      await stack.act(conv, { type: 'wrapUp', agentId: second, reasonId: 'resolved' });
    }
  });
});
