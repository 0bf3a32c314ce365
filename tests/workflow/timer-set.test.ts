import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { connectClient, connectNative } from '../../platform/temporal/connection.js';
import { testConfig } from '../../harness/test-config.js';
import { reconcileSignal, type Fired, type TimerStep, type timerSetWorkflow } from './timer-set/workflow.js';

const config = testConfig();
const taskQueue = config.temporal.taskQueue;

// TimerSet runs only inside a workflow (durable timers, cancellation scopes): it is driven here
// by a small workflow of its own on the real dev server, through reconcile steps at fixed times.
describe('TimerSet', () => {
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  const startWorker = async () => {
    worker = await Worker.create({
      connection: await connectNative(config, inject('temporalAddress')),
      namespace: config.temporal.namespace,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./timer-set/workflow.ts', import.meta.url)),
    });
    running = worker.run();
  };
  beforeAll(async () => {
    await startWorker();
    client = await connectClient(config, inject('temporalAddress'));
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await client?.connection.close();
  });

  const run = (steps: TimerStep[], endMs: number): Promise<Fired[]> =>
    client.workflow.execute<typeof timerSetWorkflow>('timerSetWorkflow', {
      taskQueue,
      workflowId: `timer-set-${randomUUID()}`,
      args: [steps, endMs],
    });
  const events = (fired: Fired[]) => fired.map((f) => f.event);

  // The dev server fires timers on whole seconds, so steps and deadlines are seconds apart: a
  // cancel must come in an earlier activation than the fire it is meant to prevent.
  it('fires each wanted timer once, at its deadline, however often the same want is repeated', async () => {
    const same = { offer: { inMs: 2000, event: 'offer' }, wrap: { inMs: 3000, event: 'wrap' } };
    const fired = await run(
      [
        { afterMs: 0, wanted: same },
        { afterMs: 0, wanted: same },
        { afterMs: 1000, wanted: same },
      ],
      4000,
    );
    expect(events(fired)).toEqual(['offer', 'wrap']);
    expect(fired[0]!.atMs).toBeGreaterThanOrEqual(2000);
    expect(fired[1]!.atMs).toBeGreaterThanOrEqual(3000);
  });

  it('cancels a timer no longer wanted, and re-arms one whose deadline moved', async () => {
    const fired = await run(
      [
        { afterMs: 0, wanted: { gone: { inMs: 3000, event: 'gone' }, moved: { inMs: 3000, event: 'early' } } },
        { afterMs: 1000, wanted: { moved: { inMs: 5000, event: 'late' } } },
      ],
      6000,
    );
    expect(events(fired)).toEqual(['late']);
    expect(fired[0]!.atMs).toBeGreaterThanOrEqual(5000);
  });

  it('cancelAll leaves nothing to fire', async () => {
    const fired = await run(
      [
        { afterMs: 0, wanted: { offer: { inMs: 3000, event: 'offer' }, wrap: { inMs: 3000, event: 'wrap' } } },
        { afterMs: 1000, wanted: {}, cancelAll: true },
      ],
      4000,
    );
    expect(fired).toEqual([]);
  });

  // With no worker polling, a timer fires and a signal that moves it arrives: the next activation
  // holds both, and signals are handled first. The stale fire must not deliver the old event.
  it('drops a timer that fires in the same activation as the change that moved it', async () => {
    const handle = await client.workflow.start('timerSetBySignalWorkflow', {
      taskQueue,
      workflowId: `timer-set-${randomUUID()}`,
      args: [{ wrap: { inMs: 2000, event: 'early' } }, 60_000],
    });
    await handle.query('__stack_trace'); // the first task ran: the timer is armed
    worker.shutdown();
    await running;
    const fired = async () => (await handle.fetchHistory()).events?.some((e) => e.timerFiredEventAttributes) ?? false;
    while (!(await fired())) await new Promise((r) => setTimeout(r, 200)); // polls history, not a guess
    await handle.signal(reconcileSignal, { wrap: { inMs: 4000, event: 'late' } });
    await startWorker();
    const result = (await handle.result()) as Fired[];
    expect(events(result)).toEqual(['late']);
  });
});
