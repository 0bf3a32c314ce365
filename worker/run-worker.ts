import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { SwitchboardConfig } from '../config/schema.js';
import { Routers } from '../platform/temporal/routers.js';
import { createActivities } from './activities.js';
import type { EventBus } from '../platform/events/bus.js';
import { dataConverterOptions } from '../platform/temporal/codec.js';
import { connectClient, connectNative } from '../platform/temporal/connection.js';

const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();
/**
 * Bundling takes seconds; one bundle serves every worker of the process. With payload encryption
 * the bundle carries the failure converter that encodes messages (a second bundle, only then).
 */
export function workflowBundle(failureConverterPath?: string): Promise<WorkflowBundleWithSourceMap> {
  const key = failureConverterPath ?? '';
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: quietLogger,
      ...(failureConverterPath ? { failureConverterPath } : {}),
    });
    bundles.set(key, bundle);
  }
  return bundle;
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} };

/** The worker's cache and concurrency, also used by the benchmark's floor so both run alike. */
export function workerTuning() {
  return {
    // Bounded cache: 10,000 open conversations must fit in memory; evicted ones replay on demand.
    maxCachedWorkflows: Number(process.env.SWITCHBOARD_MAX_CACHED_WORKFLOWS ?? 1000),
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: 200,
  };
}

export interface RunningWorker {
  worker: Worker;
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Starts each routing group's router that is not running and hands it its agents, queues and idle
 * codes (platform/temporal/routers.ts; the router of before, while it runs, gets the whole directory).
 */
export async function ensureRouter(client: Client, config: SwitchboardConfig): Promise<void> {
  await new Routers(client, config).ensure(config.temporal.historyLimit);
}

export async function startWorker(opts: {
  config: SwitchboardConfig;
  bus: EventBus;
  address?: string;
}): Promise<RunningWorker> {
  const { config, bus } = opts;
  const connection = await connectNative(config, opts.address);
  // For the local activities that signal and start workflows (workflow-signals.ts).
  const client = await connectClient(config, opts.address);
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowBundle: await workflowBundle(dataConverterOptions(config).dataConverter?.failureConverterPath),
      activities: createActivities({ config, bus, client }),
      ...dataConverterOptions(config),
      ...workerTuning(),
    });
  } catch (error) {
    await Promise.all([connection.close(), client.connection.close()]);
    throw error;
  }
  const done = worker.run().finally(() => Promise.all([connection.close(), client.connection.close()]));
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
