// `npm start`: the whole embedded stack in one process tree, from the configuration
// (SWITCHBOARD_CONFIG; without it, and only here, the demo file, which says `demo: true`). One
// Ctrl-C stops everything cleanly.
import type { Connection } from '@temporalio/client';
import { join } from 'node:path';
import { DEMO_CONFIG_PATH, loadConfig, ConfigError } from '../config/load.js';
import { isEmbedded, listeningPorts, temporalAddress } from '../config/derive.js';
import { startDevServer } from '../platform/temporal/dev-server.js';
import { assertPortFree, PortTakenError } from '../platform/temporal/ports.js';
import { connectClient } from '../platform/temporal/connection.js';
import { ensureSearchAttributes } from '../platform/temporal/search-attributes.js';
import { createEventBus } from '../platform/events/redis-bus.js';
import { ensureRouter, startWorker } from '../worker/run-worker.js';
import { redactText } from '../config/redact.js';
import { ensureWebBuild, startParts, type Part } from './parts.js';

let config;
try {
  config = loadConfig(process.env.SWITCHBOARD_CONFIG || DEMO_CONFIG_PATH);
  if (config.demo) console.log('Demo mode (demo: true): shipped secrets and demo passwords; loopback only.');
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const stops: (() => Promise<void>)[] = [];
let stopping = false;
async function stopAll(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping Switchboard...');
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());

try {
  // Every port first: a taken one (an orphaned dev server, a second `npm start`) stops us before we
  // start anything or talk to a server that is not ours.
  for (const { what, host, port } of listeningPorts(config)) await assertPortFree(what, port, host);
  // Built before anything runs: the build blocks this process, which would hold up the worker.
  ensureWebBuild();
  let address = temporalAddress(config);
  if (isEmbedded(config)) {
    const server = await startDevServer({
      dbFilename: join(config.temporal.dataDir, 'temporal.db'),
      namespace: config.temporal.namespace,
      port: config.temporal.port,
      uiPort: config.temporal.uiPort,
    });
    stops.push(server.stop);
    address = server.address;
    console.log(
      `Temporal dev server  ${address}  (data in ${config.temporal.dataDir}${server.uiAddress ? `, UI ${server.uiAddress}` : ''}; pid ${server.pid})`,
    );
  } else {
    console.log(`Temporal cluster     ${address}  namespace ${config.temporal.namespace}`);
  }
  const client = await connectClient(config, address);
  stops.push(() => client.connection.close());
  if (!isEmbedded(config)) {
    const problem = await ensureSearchAttributes(client.connection as Connection, config.temporal.namespace);
    if (problem) console.warn(`warning: ${problem}`);
  }
  const bus = await createEventBus({
    ...(config.redis ? { redisUrl: config.redis.url } : {}),
    instance: config.temporal.instance,
  });
  stops.push(() => bus.close());
  const worker = await startWorker({ config, bus, address });
  stops.push(worker.shutdown);
  await ensureRouter(client, config);
  console.log(`Worker               task queue ${config.temporal.taskQueue}`);
  const parts: Part[] = await startParts({ config, client, bus, address });
  for (const part of parts) {
    stops.push(part.stop);
    console.log(part.banner);
  }
  console.log('Switchboard is running. Ctrl-C stops it.');
  worker.done.catch((error: unknown) => {
    console.error('worker failed', error);
    void stopAll(1);
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(redactText(error instanceof PortTakenError ? `Switchboard cannot start: ${message}` : message));
  await stopAll(1);
}
