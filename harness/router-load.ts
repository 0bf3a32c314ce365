import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../config/schema.js';
import { testConfig } from './test-config.js';
import { routerBatchSignal, type RouterSignalEvent } from '../workflows/contract/definitions.js';
import { conversationIdFor } from '../workflows/contract/ids.js';
import type { Routers } from '../platform/temporal/routers.js';

/**
 * A contact center of several routing groups for router load (the scale test and the router
 * bench): sales+support (alice, bob, carol), q-a+q-b (dave), q-c (erin), q-d (nobody).
 */
export function groupedConfig(options: { historyLimit?: number; encryption?: boolean } = {}): SwitchboardConfig {
  const base = testConfig(options);
  const template = base.agents[0]!;
  const agent = (id: string, queues: string[]) => ({ ...template, id, name: id, username: id, password: id, queues });
  const queue = (id: string) => ({ ...base.queues[0]!, id, name: id });
  return {
    ...base,
    queues: [...base.queues, queue('q-a'), queue('q-b'), queue('q-c'), queue('q-d')],
    agents: [...base.agents, agent('dave', ['q-a', 'q-b']), agent('erin', ['q-c'])],
  };
}

/**
 * Routes `count` made-up conversations round-robin over `queues`, in batches of `batch` per signal
 * (each group's router gets its own batches), `concurrency` signals at a time.
 */
export async function routeWaiting(
  client: Client,
  config: SwitchboardConfig,
  routers: Routers,
  opts: { count: number; queues: string[]; concurrency?: number; batch?: number },
): Promise<void> {
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  const batches: { routerId: string; events: RouterSignalEvent[] }[] = [];
  const open = new Map<string, RouterSignalEvent[]>();
  for (let i = 0; i < opts.count; i++) {
    const queueId = opts.queues[i % opts.queues.length]!;
    const routerId = routers.id(routers.groups.queues[queueId]!);
    let events = open.get(routerId);
    if (!events) open.set(routerId, (events = []));
    const conversationId = conversationIdFor(config.temporal.instance, randomUUID());
    events.push({ type: 'route', conversationId, queueId, priorityAt: new Date(t0 + i).toISOString() });
    if (events.length >= (opts.batch ?? 200)) {
      batches.push({ routerId, events });
      open.delete(routerId);
    }
  }
  for (const [routerId, events] of open) batches.push({ routerId, events });
  let next = 0;
  const lane = async () => {
    for (let b = batches[next++]; b; b = batches[next++])
      await client.workflow.getHandle(b.routerId).signal(routerBatchSignal, b.events);
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, lane));
}
