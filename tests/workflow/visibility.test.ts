import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';

// `conversations` for integrators reads Temporal visibility, so the search attributes must follow
// the conversation's state: status, queue, owner, customer and business numbers.
describe('conversations carry search attributes', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start({ ronaTimeoutSeconds: 60 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const list = async (filter: string) => {
    const ids: string[] = [];
    const query = `SbInstance = '${stack.config.temporal.instance}' AND ${filter}`;
    for await (const e of stack.client.workflow.list({ query })) ids.push(e.workflowId);
    return ids.sort();
  };

  it('lists by status, owner, queue, customer and business number as they change', async () => {
    await stack.text('+15557777001', '12345', 'sales question');
    await stack.text('+15557777002', '+15551230000', 'support question');
    const sales = await stack.conversationOf('12345', '+15557777001');
    const support = await stack.conversationOf('+15551230000', '+15557777002');
    await expect.poll(() => list(`SbStatus = 'QUEUED'`), { timeout: 10_000 }).toEqual([sales, support].sort());
    await expect.poll(() => list(`SbQueue = 'sales'`)).toEqual([sales]);
    await expect.poll(() => list(`SbBusiness = '+15551230000'`)).toEqual([support]);

    await stack.setStatus('carol', 'AVAILABLE');
    await stack.until(sales, (s) => s.offer?.agentId === 'carol', 'offer');
    await stack.act(sales, { type: 'accept', agentId: 'carol' });
    await expect.poll(() => list(`SbOwner = 'carol' AND SbStatus = 'ACTIVE'`), { timeout: 10_000 }).toEqual([sales]);
    await expect.poll(() => list(`SbCustomer = '+15557777001'`)).toEqual([sales]);
    await stack.act(sales, { type: 'end', agentId: 'carol' });
    await expect.poll(() => list(`SbStatus = 'WRAP_UP'`), { timeout: 10_000 }).toEqual([sales]);
  });
});
