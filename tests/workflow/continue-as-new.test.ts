import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { threadId } from '../../workflows/contract/ids.js';

const BIZ = '+15551230000';
const CUSTOMER = '+15557776001';

// A tiny history limit makes every entity workflow hand its state to a new run many times over:
// the conversation, its thread and the router must carry on as if nothing happened.
describe('continue-as-new carries the state across runs', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ historyLimit: 40, ronaTimeoutSeconds: 60 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const runs = async (workflowId: string) => {
    const ids = new Set<string>();
    for await (const e of stack.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) ids.add(e.runId);
    return ids.size;
  };

  it('a long conversation, its thread and the router survive many runs', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text(CUSTOMER, BIZ, 'message 0', 'can-0');
    const id = await stack.conversationOf(BIZ, CUSTOMER);
    await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
    await stack.act(id, { type: 'accept', agentId: 'alice' });
    for (let i = 1; i <= 25; i++) {
      await stack.text(CUSTOMER, BIZ, `message ${i}`, `can-${i}`);
      await stack.act(id, { type: 'send', agentId: 'alice', text: `reply ${i}`, clientMessageId: `r${i}` });
      await stack.setStatus('bob', i % 2 ? 'AVAILABLE' : 'IDLE', i % 2 ? undefined : 'break'); // router traffic
    }
    await stack.text(CUSTOMER, BIZ, 'message 3 again', 'can-3'); // a redelivery after many runs: still recognised
    await stack.text(CUSTOMER, BIZ, 'last', 'can-last');
    const s = await stack.until(id, (x) => x.messages.some((m) => m.id === 'can-last'), 'every message');
    expect(s.messages.filter((m) => m.direction === 'INBOUND').map((m) => m.id)).toEqual([
      'can-0',
      ...Array.from({ length: 25 }, (_, i) => `can-${i + 1}`),
      'can-last',
    ]);
    await stack.until(
      id,
      (x) => x.messages.filter((m) => m.deliveryStatus === 'SUBMITTED').length === 25,
      'all replies submitted',
    );
    expect(stack.sent.filter((r) => r.conversationId === id)).toHaveLength(25); // none sent twice across runs
    expect((await stack.agent('alice')).conversations).toContain(id);

    await expect.poll(() => runs(id), { timeout: 10_000 }).toBeGreaterThan(1);
    await expect
      .poll(() => runs(threadId(stack.config.temporal.instance, BIZ, CUSTOMER)), { timeout: 10_000 })
      .toBeGreaterThan(1);
    await expect.poll(() => runs(stack.router('bob').workflowId), { timeout: 10_000 }).toBeGreaterThan(1);

    // The timers and rules still work on the latest run.
    const ended = await stack.act(id, { type: 'end', agentId: 'alice' });
    expect(ended.conversation.status).toBe('WRAP_UP');
    const closed = await stack.act(id, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' });
    expect(closed.conversation.status).toBe('CLOSED');
  }, 120_000);
});
