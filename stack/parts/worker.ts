import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { createEventBus } from '../../platform/events/redis-bus.js';
import { ensureRouter, startWorker, type RunningWorker } from '../../worker/run-worker.js';
import type { Started } from './part.js';

/**
 * The event bus the worker publishes on and the API subscribes to: Redis when `redis.url` is set
 * (several processes), else in memory. A bus handed in (the tests' full stack) is its owner's to close.
 */
export async function startBus(config: SwitchboardConfig, given?: EventBus): Promise<Started<EventBus>> {
  if (given) return { value: given, banners: [], stop: async () => {} };
  const bus = await createEventBus({
    ...(config.redis ? { redisUrl: config.redis.url } : {}),
    instance: config.temporal.instance,
  });
  return { value: bus, banners: [], stop: () => bus.close() };
}

/** The worker on the configured task queue, and the router started (or handed the directory again). */
export async function startWorkerPart(
  config: SwitchboardConfig,
  deps: { bus: EventBus; client: Client; address: string },
): Promise<Started<RunningWorker>> {
  const worker = await startWorker({ config, bus: deps.bus, address: deps.address });
  try {
    await ensureRouter(deps.client, config);
  } catch (error) {
    await worker.shutdown();
    throw error;
  }
  return {
    value: worker,
    banners: [`Worker               task queue ${config.temporal.taskQueue}`],
    stop: () => worker.shutdown(),
  };
}
