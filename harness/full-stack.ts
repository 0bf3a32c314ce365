import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { BindConfig, SwitchboardConfig } from '../config/schema.js';
import { createApi, type Api } from '../api/create-api.js';
import { startGateway, type Gateway } from '../smpp-gateway/service/gateway.js';
import { SimulatorPhone } from '../smpp-gateway/service/simulator-phone.js';
import type { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { simulatorFromConfig } from '../smpp-gateway/simulator/from-config.js';
import { memoryEventBus, type EventBus } from '../platform/events/bus.js';
import { ensureRouter, startWorker, type RunningWorker } from '../worker/run-worker.js';
import { connectClient } from '../platform/temporal/connection.js';
import { ensureWebBuild } from '../stack/parts.js';
import { testConfig, type TestConfigOptions } from './test-config.js';

export interface FullStackOptions extends TestConfigOptions {
  /** The Temporal frontend: the vitest global setup's dev server, or a benchmark's own. */
  address: string;
  receiptDelayMs?: number;
}

/**
 * Everything `npm start` runs beside Temporal, in this process and on ephemeral ports: worker and
 * router, the carrier simulator, the SMPP gateway bound to it, the demo phone over the simulator,
 * and the API serving GraphQL and the built desktop. No test double anywhere: a text from the
 * browser's /phone page goes over SMPP, and an agent's reply comes back the same way.
 */
export class FullStack {
  private constructor(
    readonly config: SwitchboardConfig,
    readonly client: Client,
    /** The worker's events as the API receives them (for timing and assertions). */
    readonly bus: EventBus,
    readonly simulator: CarrierSimulator,
    /** The desktop and /graphql, e.g. http://127.0.0.1:41234 (no trailing slash). */
    readonly url: string,
    private readonly parts: {
      worker: RunningWorker;
      gateway: Gateway;
      phone: SimulatorPhone;
      api: Api;
      log: QuietLog;
      dataDir: string;
    },
  ) {}

  static async start(options: FullStackOptions): Promise<FullStack> {
    const webRoot = ensureWebBuild();
    const base = testConfig({ ronaTimeoutSeconds: 4, ...options });
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
    // The simulator takes the bind's credentials from the config (as under `npm start`); its port
    // is only known once it listens, so the bind is pointed at it afterwards.
    const bind: BindConfig = {
      id: 'carrier-a',
      host: '127.0.0.1',
      port: 0,
      systemId: 'switchboard',
      password: 'secret',
      systemType: '',
      bindType: 'transceiver',
      enquireLinkSeconds: 30,
      responseTimeoutSeconds: 5,
      windowSize: 10,
      maxSubmitsPerSecond: 200,
      segmentation: 'udh8',
      gsmPacked: false,
    };
    const draft: SwitchboardConfig = {
      ...base,
      temporal: { ...base.temporal, dataDir },
      api: { ...base.api, host: '127.0.0.1', port: 0 },
      web: { port: 0 },
      smpp: {
        ...base.smpp,
        binds: [bind],
        simulator: { enabled: true, port: 0, receiptDelayMs: options.receiptDelayMs ?? 100 },
      },
    };
    const simulator = simulatorFromConfig(draft);
    const port = await simulator.start();
    const config: SwitchboardConfig = {
      ...draft,
      smpp: { ...draft.smpp, binds: [{ ...bind, port }], simulator: { ...draft.smpp.simulator, port } },
    };
    // What has started so far is stopped again if a later part fails, so a failed start leaves
    // no worker polling and no port open behind the failing test.
    const started: (() => Promise<unknown>)[] = [() => simulator.stop()];
    try {
      const bus = memoryEventBus();
      const worker = await startWorker({ config, bus, address: options.address });
      started.push(() => worker.shutdown());
      const client = await connectClient(config, options.address);
      started.push(() => client.connection.close());
      await ensureRouter(client, config);
      const log = new QuietLog();
      const gateway = await startGateway({ config, client, address: options.address, log: log.write });
      started.push(() => gateway.stop());
      await gateway.whenBound();
      const phone = new SimulatorPhone(simulator);
      const api = createApi({ config, client, bus, phone, webRoot });
      // With api.port and web.port both 0 the API opens two listeners; the desktop is on either.
      const { url } = await api.listen();
      return new FullStack(config, client, bus, simulator, url, { worker, gateway, phone, api, log, dataDir });
    } catch (error) {
      for (const stop of started.reverse()) await stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    const { worker, gateway, phone, api, log, dataDir } = this.parts;
    log.stopping = true;
    phone.close();
    await api.close();
    await gateway.stop();
    await worker.shutdown();
    await this.client.connection.close();
    await this.simulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Warnings and errors reach the test output while the test runs; info lines and the unbind
 * that stopping the stack causes do not. */
class QuietLog {
  stopping = false;
  readonly write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    if (level !== 'info' && !this.stopping) console.warn(`[gateway ${level}] ${message}`, fields ?? '');
  };
}
