// The floor's worker, in its own process as Switchboard's is, with the same connection, data
// converter, cache and concurrency (workerTuning); it runs only the trivial floor workflow.
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '../../config/load.js';
import { connectNative, dataConverterOptions } from '../../platform/temporal/connection.js';
import { workerTuning } from '../../worker/run-worker.js';

const config = loadConfig();
const connection = await connectNative(config, process.env.SWITCHBOARD_TEMPORAL_ADDRESS);
const worker = await Worker.create({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
  ...dataConverterOptions(config),
  ...workerTuning(),
});
process.once('SIGTERM', () => worker.shutdown());
const done = worker.run();
console.log('floor worker ready');
await done;
await connection.close();
