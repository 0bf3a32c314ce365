import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { directory } from '../../config/derive.js';
import { memoryEventBus } from '../../platform/events/bus.js';
import { connectClient } from '../../platform/temporal/connection.js';
import { Routers } from '../../platform/temporal/routers.js';
import { startWorker, type RunningWorker } from '../../worker/run-worker.js';
import {
  agentsQuery,
  routerSignal,
  setStatusUpdate,
  syncDirectorySignal,
} from '../../workflows/contract/definitions.js';
import { conversationIdFor, routerId } from '../../workflows/contract/ids.js';
import { groupedConfig } from '../../harness/router-load.js';

// An instance upgraded from the single router: it still runs (its conversations keep using it)
// when the group routers start. Presence carries over, what waits there still counts, and status
// changes reach both.
let config: SwitchboardConfig;
let client: Client;
let worker: RunningWorker;

beforeAll(async () => {
  config = groupedConfig();
  const address = inject('temporalAddress');
  worker = await startWorker({ config, bus: memoryEventBus(), address });
  client = await connectClient(config, address);
});

afterAll(async () => {
  await worker?.shutdown();
  await client?.connection.close();
});

describe('the router of before, next to the group routers', () => {
  it('hands over presence, keeps its waiting counted, and hears status changes', async () => {
    const legacy = await client.workflow.signalWithStart('routerWorkflow', {
      workflowId: routerId(config.temporal.instance),
      taskQueue: config.temporal.taskQueue,
      args: [{}],
      signal: syncDirectorySignal,
      signalArgs: [directory(config)],
    });
    await legacy.executeUpdate(setStatusUpdate, { args: [{ agentId: 'dave', status: 'IDLE', idleCodeId: 'lunch' }] });
    const conversationId = conversationIdFor(config.temporal.instance, 'before-the-groups');
    await legacy.signal(routerSignal, {
      type: 'route',
      conversationId,
      queueId: 'q-d',
      priorityAt: new Date().toISOString(),
    });
    // Start-up finds running routers through visibility: wait until it lists this one.
    const query = `WorkflowId = '${legacy.workflowId}' AND ExecutionStatus = 'Running'`;
    await expect.poll(async () => (await client.workflow.count(query)).count, { timeout: 20_000 }).toBe(1);

    const routers = new Routers(client, config);
    await routers.ensure(config.temporal.historyLimit);
    expect((await routers.agents()).find((a) => a.id === 'dave')).toMatchObject({
      status: 'IDLE',
      idleCodeId: 'lunch',
    });
    expect((await routers.queues()).find((q) => q.id === 'q-d')).toMatchObject({ waiting: 1 });

    await routers.setStatus({ agentId: 'dave', status: 'AVAILABLE' });
    const before = (await legacy.query(agentsQuery)).find((a) => a.id === 'dave');
    expect(before).toMatchObject({ status: 'AVAILABLE' });
    expect((await routers.handle('q-a').query(agentsQuery)).map((a) => [a.id, a.status])).toEqual([
      ['dave', 'AVAILABLE'],
    ]);
  });
});
