import { afterAll, beforeAll, inject } from 'vitest';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { memoryEventBus } from '../../platform/events/bus.js';
import { connectClient } from '../../platform/temporal/connection.js';
import { Routers } from '../../platform/temporal/routers.js';
import { startWorker, type RunningWorker } from '../../worker/run-worker.js';
import { historyClient } from '../../harness/router-history.js';

export interface RouterStack {
  config: SwitchboardConfig;
  client: Client;
  /** A client whose reads allow whole pages of big history events (harness/router-history.ts). */
  histories: Client;
  worker: RunningWorker;
  routers: Routers;
}

/**
 * The routers of a contact center of several groups on the tests' dev server, with a worker and
 * the clients the router tests read them with: set up before the file's tests, closed after.
 * `carry` sets the routers' hand-over sizes (small, to force hand-overs through history).
 */
export function routerStack(
  makeConfig: () => SwitchboardConfig,
  carry?: Parameters<Routers['ensure']>[1],
): RouterStack {
  const stack = {} as RouterStack;
  beforeAll(async () => {
    stack.config = makeConfig();
    const address = inject('temporalAddress');
    stack.worker = await startWorker({ config: stack.config, bus: memoryEventBus(), address });
    stack.client = await connectClient(stack.config, address);
    stack.histories = await historyClient(address);
    stack.routers = new Routers(stack.client, stack.config);
    await stack.routers.ensure(stack.config.temporal.historyLimit, carry);
  });
  afterAll(async () => {
    await stack.worker?.shutdown();
    await stack.client?.connection.close();
    await stack.histories?.connection.close();
  });
  return stack;
}
