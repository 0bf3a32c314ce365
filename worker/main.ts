// The worker alone: `tsx worker/main.ts`. Run as many as needed against one Temporal cluster; with
// `redis.url` set their events reach every API process.
import { loadConfigOrExit } from '../config/load.js';
import { temporalAddress } from '../config/derive.js';
import { createEventBus } from '../platform/events/redis-bus.js';
import { ensureRouter, startWorker } from './run-worker.js';
import { connectClient } from '../platform/temporal/connection.js';

const config = loadConfigOrExit();
const address = process.env.SWITCHBOARD_TEMPORAL_ADDRESS || temporalAddress(config);
const bus = await createEventBus({
  ...(config.redis ? { redisUrl: config.redis.url } : {}),
  instance: config.temporal.instance,
});
const running = await startWorker({ config, bus, address });
const client = await connectClient(config, address);
await ensureRouter(client, config);
await client.connection.close();
console.log(`worker ready on task queue ${config.temporal.taskQueue} at ${address}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void running.shutdown().then(() => bus.close());
  });
}
await running.done;
await bus.close();
