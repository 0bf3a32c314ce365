import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { connectClient, connectNative } from '../../platform/temporal/connection.js';
import { testConfig } from '../../harness/test-config.js';
import type { Fired, TimerStep, timerSetWorkflow } from './timer-set/workflow.js';

const config = testConfig();
const taskQueue = config.temporal.taskQueue;

// TimerSet runs only inside a workflow (durable timers, cancellation scopes): it is driven here
// by a small workflow of its own on the real dev server, through reconcile steps at fixed times.
describe('TimerSet', () => {
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  beforeAll(async () => {
    const address = inject('temporalAddress');
    worker = await Worker.create({
      connection: await connectNative(config, address),
      namespace: config.temporal.namespace,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./timer-set/workflow.ts', import.meta.url)),
    });
    running = worker.run();
    client = await connectClient(config, address);
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
});
