import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../config/schema.js';
import { listeningPorts } from '../config/derive.js';
import type { EventBus } from '../platform/events/bus.js';
import { assertPortFree } from '../platform/temporal/ports.js';
import type { Gateway } from '../smpp-gateway/service/gateway.js';
import type { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import type { RunningWorker } from '../worker/run-worker.js';
import { startApiPart, type ListeningApi } from './parts/api.js';
import type { Started } from './parts/part.js';
import { startGatewayPart, startSimulator, type GatewayPartOptions } from './parts/smpp.js';
import { startTemporal } from './parts/temporal.js';
import { startBus, startWorkerPart } from './parts/worker.js';
import { webRootFor, type WebChoice } from './web-build.js';

export type PartName = 'simulator' | 'worker' | 'gateway' | 'api';

export interface StackOptions {
  /**
   * Which parts run in this process; Temporal (and the bus) come with any part that needs them.
   * `configured`: every part the configuration asks for (`npm start`).
   */
  parts: readonly PartName[] | 'configured';
  /** Start the embedded dev server when the configuration says `embedded` (only `npm start`). */
  devServer?: boolean;
  web?: WebChoice;
  /** An event bus of the caller's (the tests' full stack reads the worker's events from it). */
  bus?: EventBus;
  gateway?: GatewayPartOptions;
  /** Each part's banner line as it comes up. */
  onBanner?: (line: string) => void;
  /** Aborted (a signal during start-up): stop what has started and reject. */
  signal?: AbortSignal;
}

export interface Stack {
  /** The configuration the parts run with (the simulator's port filled in). */
  config: SwitchboardConfig;
  address?: string;
  client?: Client;
  bus?: EventBus;
  simulator?: CarrierSimulator;
  worker?: RunningWorker;
  gateway?: Gateway;
  api?: ListeningApi;
  /** Settles only when a part ends on its own (the worker failing), with why. */
  failure: Promise<unknown>;
  /** Stops every part, the last started first. */
  stop(): Promise<void>;
}

/** The simulator when enabled, the gateway when there is a bind or a listener, worker and API always. */
function configuredParts(config: SwitchboardConfig): PartName[] {
  const { simulator, binds, listen } = config.smpp;
  return [
    ...(simulator.enabled ? (['simulator'] as const) : []),
    'worker',
    ...(binds.length > 0 || listen ? (['gateway'] as const) : []),
    'api',
  ];
}

/**
 * The composition root: the chosen parts in order (ports checked, desktop built, simulator,
 * Temporal, bus, worker and router, gateway, API), stopped in reverse. A part that fails to start
 * stops the ones already running, so a failed start leaves no process polling and no port open.
 */
export async function startStack(initial: SwitchboardConfig, options: StackOptions): Promise<Stack> {
  const want = new Set(options.parts === 'configured' ? configuredParts(initial) : options.parts);
  const temporal = want.has('worker') || want.has('gateway') || want.has('api');
  const owners = new Set<string>([...want, ...(temporal && options.devServer ? ['temporal'] : [])]);
  // Every port first: a taken one (an orphaned dev server, a second `npm start`) stops us before
  // we start anything or talk to a server that is not ours.
  for (const { what, host, port, part } of listeningPorts(initial))
    if (owners.has(part)) await assertPortFree(what, port, host);
  // Built before anything runs: the build blocks this process, which would hold up the worker.
  const webRoot = want.has('api') ? webRootFor(options.web ?? 'none') : undefined;

  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const s of stops.splice(0).reverse()) await s().catch((error: unknown) => console.error(error));
  };
  async function run<T>(start: () => Promise<Started<T>>): Promise<T> {
    if (options.signal?.aborted) throw new Error('stopped while starting');
    const started = await start();
    stops.push(started.stop);
    for (const line of started.banners) options.onBanner?.(line);
    return started.value;
  }

  const stack: Stack = { config: initial, failure: new Promise(() => {}), stop };
  try {
    if (want.has('simulator')) {
      const { simulator, config } = await run(() => startSimulator(stack.config));
      Object.assign(stack, { simulator, config });
    }
    const config = stack.config;
    if (!temporal) return stack;
    const { address, client } = await run(() => startTemporal(config, options.devServer === true));
    Object.assign(stack, { address, client });
    if (want.has('worker') || want.has('api')) stack.bus = await run(() => startBus(config, options.bus));
    if (want.has('worker')) {
      const worker = await run(() => startWorkerPart(config, { bus: stack.bus!, client, address }));
      stack.worker = worker;
      stack.failure = worker.done.then(
        () => (stopping ? new Promise(() => {}) : new Error('the worker stopped')),
        (error: unknown) => (stopping ? new Promise(() => {}) : error),
      );
    }
    if (want.has('gateway'))
      stack.gateway = await run(() => startGatewayPart(config, { client, address }, options.gateway));
    if (want.has('api')) {
      const { simulator } = stack;
      const deps = { client, bus: stack.bus!, ...(simulator ? { simulator } : {}), ...(webRoot ? { webRoot } : {}) };
      stack.api = await run(() => startApiPart(config, deps));
    }
    if (options.signal?.aborted) throw new Error('stopped while starting');
    return stack;
  } catch (error) {
    await stop();
    throw error;
  }
}
