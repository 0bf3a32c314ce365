import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../config/schema.js';
import type { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { memoryEventBus, type EventBus } from '../platform/events/bus.js';
import { withTemporalAddress } from '../stack/address.js';
import { startStack, type Stack } from '../stack/start-stack.js';
import { testBind, testConfig, type TestConfigOptions } from './test-config.js';

interface FullStackOptions extends TestConfigOptions {
  /** The Temporal frontend: the vitest global setup's dev server, or a benchmark's own. */
  address: string;
  receiptDelayMs?: number;
}

/**
 * Everything `npm start` runs beside Temporal, started by the same composition root (stack/), in
 * this process and on ephemeral ports: the carrier simulator, worker and router, the SMPP gateway
 * bound to it, the demo phone over the simulator, and the API serving GraphQL and the built
 * desktop. No test double anywhere: a text from the browser's /phone page goes over SMPP, and an
 * agent's reply comes back the same way.
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
    private readonly parts: { stack: Stack; log: QuietLog; dataDir: string },
  ) {}

  static async start(options: FullStackOptions): Promise<FullStack> {
    const base = testConfig({ ronaTimeoutSeconds: 4, ...options });
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
    // Port 0 for the simulator and its bind: the stack starts the simulator first and points the
    // bind at the port it got, as `npm start` would with `smpp.simulator.port: 0`.
    const config: SwitchboardConfig = {
      ...base,
      temporal: { ...base.temporal, dataDir },
      api: { ...base.api, host: '127.0.0.1', port: 0 },
      web: { port: 0 },
      smpp: {
        ...base.smpp,
        binds: [testBind()],
        simulator: { enabled: true, port: 0, receiptDelayMs: options.receiptDelayMs ?? 100 },
      },
    };
    const bus = memoryEventBus();
    const log = new QuietLog();
    try {
      const stack = await startStack(withTemporalAddress(config, options.address), {
        parts: ['simulator', 'worker', 'gateway', 'api'],
        web: 'build',
        bus,
        gateway: { log: log.write, waitForBinds: true },
      });
      // With api.port and web.port both 0 the API opens two listeners; the desktop is on either.
      return new FullStack(stack.config, stack.client!, bus, stack.simulator!, stack.api!.url, {
        stack,
        log,
        dataDir,
      });
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    const { stack, log, dataDir } = this.parts;
    log.stopping = true;
    await stack.stop();
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
