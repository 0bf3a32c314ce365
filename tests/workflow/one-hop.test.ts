import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectInbound } from '../../platform/temporal/direct-inbound.js';
import { routerId } from '../../workflows/contract/ids.js';
import { threadIdFor } from '../../config/identifiers.js';
import { eventually } from '../support/eventually.js';
import { gained, snapshot, tasks } from '../support/history-counts.js';
import { WorkflowStack } from '../support/workflow-stack.js';

// The cost of an MO, read from histories: into an open conversation it is one workflow task on
// that conversation and nothing anywhere else; no task only acknowledges a workflow's own signal.

const BIZ = '+15551230000';
const SIGNAL_TIMEOUT_MS = 5_000;

/** No task scheduled or signal waiting after the last completed task. */
function idle(events: string[]): boolean {
  const done = events.lastIndexOf('workflow_task_completed');
  const waiting = ['workflow_task_scheduled', 'workflow_execution_signaled', 'workflow_execution_update_admitted'];
  return done >= 0 && waiting.every((w) => events.lastIndexOf(w) < done);
}

describe('one hop: an MO into an open conversation costs one workflow task', () => {
  let stack: WorkflowStack;
  let direct: DirectInbound;
  beforeAll(async () => {
    stack = await WorkflowStack.start();
    direct = new DirectInbound(stack.client, stack.config);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const mo = (customer: string, text: string) =>
    direct.submit(
      { from: customer, to: BIZ, message: { id: randomUUID(), text, receivedAt: new Date().toISOString() } },
      Date.now() + SIGNAL_TIMEOUT_MS,
    );

  async function quiet(ids: Record<string, string>) {
    return eventually(async () => {
      const s = await snapshot(stack.client, ids);
      for (const [name, events] of Object.entries(s)) if (!idle(events)) throw new Error(`${name} busy`);
      return s;
    });
  }

  it('the first text goes through the thread (one task there), the next straight into the conversation', async () => {
    const customer = '+15550001001';
    const thread = threadIdFor(stack.config, BIZ, customer);
    const router = routerId(stack.config.temporal.instance);
    const routerBefore = (await quiet({ router })).router!;

    expect(await mo(customer, 'Hello, a question')).toBe('thread');
    const conversation = await stack.conversationOf(BIZ, customer);
    await stack.until(conversation, (s) => s.status === 'QUEUED', 'queued'); // nobody Available: it waits
    const started = await quiet({ thread, conversation, router });
    const newRouter = gained(routerBefore, started.router!);
    // A new conversation: the thread starts it from a local activity in the task that takes the update.
    expect(tasks(started.thread!)).toBe(1);
    expect(started.thread!.filter((e) => e === 'marker_recorded').length).toBeGreaterThanOrEqual(1);
    expect(started.thread).not.toContain('start_child_workflow_execution_initiated');
    expect(started.thread).not.toContain('child_workflow_execution_started');
    expect(started.conversation).not.toContain('signal_external_workflow_execution_initiated');
    expect(tasks(newRouter)).toBe(1); // the route signal, nothing to acknowledge
    console.log('new conversation', {
      thread: { tasks: tasks(started.thread!), events: started.thread!.length },
      conversation: { tasks: tasks(started.conversation!), events: started.conversation!.length },
      router: { tasks: tasks(newRouter), events: newRouter.length },
    });

    expect(await mo(customer, 'Are you there?')).toBe('direct');
    await stack.until(conversation, (s) => s.messages.some((m) => m.text === 'Are you there?'), 'the text');
    const after = await quiet({ thread, conversation, router });
    expect(gained(started.conversation!, after.conversation!)).toEqual([
      'workflow_execution_signaled',
      'workflow_task_scheduled',
      'workflow_task_started',
      'workflow_task_completed',
      'marker_recorded', // the MESSAGE_ADDED event published by a local activity
    ]);
    expect(gained(started.thread!, after.thread!)).toEqual([]);
    expect(gained(started.router!, after.router!)).toEqual([]);
  });
});
