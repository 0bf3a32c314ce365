import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import type { ConversationState } from '../../workflows/domain/types.js';
import { workflowBundle } from '../../worker/run-worker.js';
import { WorkflowStack } from '../support/workflow-stack.js';

const BIZ = '+15551230000'; // Support: Alice and Bob serve it, Carol does not
const autoWrapUp = (agentId: string) => ({ agentId, reasonId: 'resolved', auto: true });
const lines = (s: ConversationState, text: string) => s.messages.filter((m) => m.text === text).length;

// An agent who logs out strands nothing: each conversation in hand ends up somewhere an agent
// will see it. Two at a time each, so a third request shows who is ahead of whom.
describe('logout with work in hand', () => {
  let stack: WorkflowStack;
  const ids: string[] = [];
  beforeAll(async () => {
    stack = await WorkflowStack.start({ ronaTimeoutSeconds: 120, capacity: 2 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const slots = async (agentId: string) => {
    const a = await stack.agent(agentId);
    return [...a.offers, ...a.conversations];
  };

  it('open offers go back to their queue ahead of newer requests and to the next available agent', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    for (const [i, customer] of ['+15557775001', '+15557775002', '+15557775003'].entries()) {
      await stack.text(customer, BIZ, `request ${i + 1}`);
      ids.push(await stack.conversationOf(BIZ, customer));
      if (i < 2) await stack.until(ids[i]!, (s) => s.offer?.agentId === 'alice', `offer ${i + 1} to alice`);
    }
    const [first, second, third] = ids as [string, string, string];
    await stack.until(third, (s) => s.status === 'QUEUED', 'the third waits (alice is full)');
    const before = await stack.state(first);

    await stack.logout('alice');
    const back = await stack.until(first, (s) => s.status === 'QUEUED', 'first back in its queue');
    expect(back.priorityAt).toBe(before.priorityAt);
    expect(back.messages.at(-1)?.text).toBe('Alice Smith logged out; the request is back in Support.');
    await expect.poll(() => slots('alice')).toEqual([]);

    await stack.setStatus('bob', 'AVAILABLE');
    for (const id of [first, second]) await stack.until(id, (s) => s.offer?.agentId === 'bob', 'offer to bob');
    expect((await stack.state(third)).status).toBe('QUEUED');
  });

  it('active conversations go back as transfers, wrap-ups done with the default reason; a retry changes nothing', async () => {
    const [first, second, third] = ids as [string, string, string];
    for (const id of [first, second]) await stack.act(id, { type: 'accept', agentId: 'bob' });
    await stack.logout('bob');
    await stack.logout('bob'); // a retried logout must not hand anything back twice
    for (const id of [first, second]) {
      const s = await stack.until(id, (c) => c.status === 'QUEUED' && c.wrapUpOwedBy.length === 0, 'handed back');
      expect(s).toMatchObject({ queuedKind: 'TRANSFER', queuedFromAgentId: 'bob', wrapUps: [autoWrapUp('bob')] });
      expect(s.ownerId).toBeUndefined();
      expect(lines(s, 'Bob Jones logged out; the conversation is back in Support as a transfer.')).toBe(1);
    }
    await expect.poll(() => slots('bob')).toEqual([]);

    await stack.setStatus('alice', 'AVAILABLE');
    for (const id of [first, second]) {
      const s = await stack.until(id, (c) => c.offer?.agentId === 'alice', 'offer to alice');
      expect(s.offer).toMatchObject({ kind: 'TRANSFER', fromAgentId: 'bob' });
      await stack.act(id, { type: 'accept', agentId: 'alice' });
    }
    expect((await stack.state(third)).status).toBe('QUEUED');
  });

  it('a conferee who logs out leaves the conference; the owner carries on', async () => {
    const first = ids[0]!;
    await stack.setStatus('carol', 'AVAILABLE'); // Sales only: free for a conference, not for Support
    await stack.act(first, { type: 'requestConference', agentId: 'alice', targetId: 'carol' });
    await stack.until(first, (s) => s.offer?.agentId === 'carol', 'conference offer');
    await stack.act(first, { type: 'acceptConference', agentId: 'carol' });
    await stack.logout('carol');
    const s = await stack.until(first, (c) => c.status === 'ACTIVE', 'conference over');
    expect(s.ownerId).toBe('alice');
    expect(s.messages.at(-1)?.text).toBe('Carol White left the conference.');
    expect(s.wrapUps).toMatchObject([autoWrapUp('bob')]); // a conferee owes no wrap-up
    await expect.poll(() => slots('carol')).toEqual([]);
  });

  it('an owner who logs out hands a conference to the conferee and an active conversation back to its queue', async () => {
    const [first, second, third] = ids as [string, string, string];
    await stack.setStatus('carol', 'AVAILABLE');
    await stack.act(first, { type: 'requestConference', agentId: 'alice', targetId: 'carol' });
    await stack.until(first, (s) => s.offer?.agentId === 'carol', 'conference offer');
    await stack.act(first, { type: 'acceptConference', agentId: 'carol' });
    await stack.logout('alice');

    const kept = await stack.until(first, (s) => s.ownerId === 'carol' && s.wrapUpOwedBy.length === 0, 'carol owns');
    expect(kept.status).toBe('ACTIVE');
    expect(kept.wrapUps).toMatchObject([autoWrapUp('bob'), autoWrapUp('alice')]);
    await stack.act(first, { type: 'send', agentId: 'carol', text: 'I can take it from here.' });

    const queued = await stack.until(second, (s) => s.status === 'QUEUED' && s.wrapUpOwedBy.length === 0, 'back');
    expect(queued).toMatchObject({ queuedFromAgentId: 'alice' });
    expect(queued.priorityAt < (await stack.state(third)).priorityAt).toBe(true);
    await expect.poll(() => slots('alice')).toEqual([]);
  });

  it('an owed wrap-up is completed with the default reason, which closes an ended conversation', async () => {
    const first = ids[0]!;
    const ended = await stack.act(first, { type: 'end', agentId: 'carol' });
    expect(ended.conversation).toMatchObject({ status: 'WRAP_UP', wrapUpOwedBy: ['carol'] });
    await stack.logout('carol');
    const closed = await stack.until(first, (s) => s.status === 'CLOSED', 'closed');
    expect(closed.wrapUps.at(-1)).toMatchObject(autoWrapUp('carol'));
    await expect.poll(() => slots('carol')).toEqual([]);
  });

  it('replays: the router (with its patch marker) and every conversation handed back', async () => {
    const bundle = { workflowBundle: await workflowBundle() };
    const router = stack.router('alice').workflowId; // alice's routing group: every agent of this test
    for (const id of [router, ...ids]) {
      const history = await stack.client.workflow.getHandle(id).fetchHistory();
      if (id === router)
        expect(history.events?.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toBe(true);
      await Worker.runReplayHistory(bundle, history, id);
    }
  });
});
