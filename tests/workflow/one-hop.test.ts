import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DirectInbound } from '../../platform/temporal/direct-inbound.js';
import { routerFor, routingGroups } from '../../workflows/contract/routing-groups.js';
import { threadIdFor } from '../../config/identifiers.js';
import { eventually } from '../support/eventually.js';
import { classifyKeyword } from '../../workflows/domain/keywords.js';
import { gained, snapshot, tasks } from '../support/history-counts.js';
import { WorkflowStack } from '../support/workflow-stack.js';
import { memoryEventBus } from '../../platform/events/bus.js';
import { startWorker } from '../../worker/run-worker.js';

// The cost of an MO, read from histories: into an open conversation it is one workflow task on
// that conversation and nothing anywhere else; no task only acknowledges a workflow's own signal.

const BIZ = '+15551230000';
const SIGNAL_TIMEOUT_MS = 5_000;
/** As the gateway classifies a whole text. */
const keyword = (text: string) => {
  const k = classifyKeyword(text);
  return k ? { keyword: k } : {};
};

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

  const mo = (customer: string, text: string, id: string = randomUUID()) =>
    direct.submit(
      {
        from: customer,
        to: BIZ,
        message: { id, text, receivedAt: new Date().toISOString(), ...keyword(text) },
      },
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
    // The router of the routing group that the business number's queue is in.
    const queueId = stack.config.numbers.find((n) => n.number === BIZ)!.queue;
    const router = routerFor(thread, routingGroups(stack.config), { queueId });
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

  it('an opt-out sent straight in reaches the thread with the end; a completed conversation sends the next text to the thread', async () => {
    const customer = '+15550001002';
    await stack.setStatus('alice', 'AVAILABLE');
    try {
      expect(await mo(customer, 'Hi')).toBe('thread');
      const first = await stack.conversationOf(BIZ, customer);
      await stack.until(first, (s) => s.offer?.agentId === 'alice', 'offer');
      await stack.act(first, { type: 'accept', agentId: 'alice' });
      expect(await mo(customer, 'STOP', 'stop-1002')).toBe('direct');
      await stack.until(first, (s) => s.optedOut, 'opted out');
      expect((await stack.thread(BIZ, customer)).optedOut).toBe(false); // the thread did not see it
      await stack.act(first, { type: 'end', agentId: 'alice' });
      await eventually(async () => {
        if (!(await stack.thread(BIZ, customer)).optedOut) throw new Error('thread not told yet');
      });
      await stack.act(first, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' });
      await stack.client.workflow.getHandle(first).result(); // completed: a signal to it is refused
      // The carrier resends the STOP (its ack was lost): the thread knows it from the end, takes it not again.
      expect(await mo(customer, 'STOP', 'stop-1002')).toBe('thread');
      expect((await stack.thread(BIZ, customer)).conversations).toEqual([first]);
      expect(await mo(customer, 'One more thing')).toBe('thread');
      const next = await stack.conversationOf(BIZ, customer, 1);
      expect(next).not.toBe(first);
      const s = await stack.until(next, (st) => st.messages.some((m) => m.text === 'One more thing'), 'the text');
      expect(s.optedOut).toBe(true);
      expect(await mo(customer, 'Still there?')).toBe('direct');
      await stack.until(next, (st) => st.messages.some((m) => m.text === 'Still there?'), 'the direct text');
    } finally {
      await stack.setStatus('alice', 'LOGGED_OUT').catch(() => undefined);
    }
  });

  it('no worker answers the update: the text goes by signalWithStart (durable), nothing is remembered, none is lost', async () => {
    const down = await WorkflowStack.start({ withWorker: false });
    try {
      const idle = new DirectInbound(down.client, down.config);
      const customer = '+15550001003';
      const text = {
        from: customer,
        to: BIZ,
        message: { id: randomUUID(), text: 'Anyone?', receivedAt: new Date().toISOString() },
      };
      expect(await idle.submit(text, Date.now() + 2_000)).toBe('thread');
      expect(idle.sizes).toEqual({ remembered: 0, threads: 0 });
      const thread = threadIdFor(down.config, BIZ, customer);
      const events = (await snapshot(down.client, { thread })).thread!;
      expect(events).toContain('workflow_execution_signaled');
      expect(events).not.toContain('workflow_task_completed');
      // Workers back: the text is taken once, into a new conversation.
      const worker = await startWorker({
        config: down.config,
        bus: memoryEventBus(),
        address: inject('temporalAddress'),
      });
      try {
        const id = await down.conversationOf(BIZ, customer);
        const s = await down.until(id, (st) => st.messages.length > 0, 'the text');
        expect(s.messages.filter((m) => m.text === 'Anyone?')).toHaveLength(1);
      } finally {
        await worker.shutdown();
      }
    } finally {
      await down.stop();
    }
  });
});
