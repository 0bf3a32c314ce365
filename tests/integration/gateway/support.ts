import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Client } from '@temporalio/client';
import { listenSchema, type BindConfig, type SwitchboardConfig } from '../../../config/schema.js';
import type { ListenConfig } from '../../../smpp-gateway/session/listener.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../../smpp-gateway/service/gateway.js';
import type { GatewayLog } from '../../../smpp-gateway/service/log.js';
import { CarrierSimulator, type CarrierSimulatorOptions } from '../../../smpp-gateway/simulator/carrier-simulator.js';
import { actUpdate, stateQuery, threadQuery, type AgentAction } from '../../../workflows/contract/definitions.js';
import type { AgentStatus, ConversationState } from '../../../workflows/domain/types.js';
import { threadId } from '../../../workflows/contract/ids.js';
import { Routers } from '../../../platform/temporal/routers.js';
import { memoryEventBus } from '../../../platform/events/bus.js';
import { ensureRouter, startWorker, type RunningWorker } from '../../../worker/run-worker.js';
import { connectClient } from '../../../platform/temporal/connection.js';
import { eventually } from '../../support/eventually.js';
import { testConfig } from '../../../harness/test-config.js';
import { bindConfig, FAST_BACKOFF } from '../smpp/support.js';

export const BIZ = '+15551230000';

interface HarnessOptions {
  bind?: Partial<BindConfig>;
  /** true: the aggregator-b account on an ephemeral port; an object: that, with these keys over it. */
  listen?: boolean | Partial<ListenConfig>;
  reassemblyTimeoutSeconds?: number;
  limits?: Partial<SwitchboardConfig['smpp']['limits']>;
  simulator?: CarrierSimulatorOptions;
  /** Where the gateway reaches Temporal (a TcpProxy in fault tests); the test itself goes direct. */
  gatewayAddress?: string;
  /** false: the test runs the gateway itself (as a process). */
  gateway?: boolean;
  gatewayOptions?: Partial<GatewayOptions>;
}

/** Log lines the gateway wrote, for assertions. */
class LogCapture {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  readonly log: GatewayLog = (level, message, fields) =>
    void this.lines.push({ level, message, ...(fields ? { fields } : {}) });
}

/**
 * The real thing on the shared dev server: the core worker and router, the carrier simulator,
 * and the SMPP gateway bound to it running the SMS task queue (no test double anywhere).
 */
export class GatewayHarness {
  readonly logs = new LogCapture();
  gateway: Gateway | undefined;
  gatewayClient: Client | undefined;

  private constructor(
    readonly config: SwitchboardConfig,
    readonly client: Client,
    readonly worker: RunningWorker,
    readonly sim: CarrierSimulator,
    readonly address: string,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<GatewayHarness> {
    const address = inject('temporalAddress');
    const sim = new CarrierSimulator({ receiptDelayMs: 50, ...options.simulator });
    await sim.start();
    const base = testConfig({ capacity: 50, ronaTimeoutSeconds: 30 });
    const config: SwitchboardConfig = {
      ...base,
      temporal: { ...base.temporal, dataDir: mkdtempSync(join(tmpdir(), 'sb-gateway-')) },
      smpp: {
        ...base.smpp,
        binds: [bindConfig(sim.port, { id: 'carrier-a', responseTimeoutSeconds: 5, ...options.bind })],
        ...(options.listen
          ? {
              listen: listenSchema.parse({
                host: '127.0.0.1',
                port: 0,
                accounts: [{ systemId: 'aggregator-b', password: 'secret2' }],
                ...(options.listen === true ? {} : options.listen),
              }),
            }
          : {}),
        reassemblyTimeoutSeconds: options.reassemblyTimeoutSeconds ?? 60,
        limits: { ...base.smpp.limits, ...options.limits },
        helpText: 'Acme support: reply STOP to opt out. Help: acme.example/help',
      },
    };
    const worker = await startWorker({ config, bus: memoryEventBus(), address });
    const client = await connectClient(config, address);
    await ensureRouter(client, config);
    const harness = new GatewayHarness(config, client, worker, sim, address);
    if (options.gateway !== false)
      await harness.startGateway(options.gatewayAddress ?? address, options.gatewayOptions);
    return harness;
  }

  async startGateway(address: string, extra: Partial<GatewayOptions> = {}): Promise<Gateway> {
    this.gatewayClient = address === this.address ? this.client : await connectClient(this.config, address);
    this.gateway = await startGateway({
      config: this.config,
      client: this.gatewayClient,
      address,
      log: this.logs.log,
      session: { rebindBackoff: FAST_BACKOFF, throttleBackoff: FAST_BACKOFF },
      ...extra,
    });
    await this.gateway.whenBound();
    return this.gateway;
  }

  thread(customer: string, business = BIZ) {
    return this.client.workflow
      .getHandle(threadId(this.config.temporal.instance, business, customer))
      .query(threadQuery);
  }

  async conversationOf(customer: string, business = BIZ, index = -1): Promise<string> {
    return eventually(async () => {
      const id = (await this.thread(customer, business)).conversations.at(index);
      if (!id) throw new Error(`no conversation yet for ${customer}`);
      return id;
    });
  }

  state(id: string): Promise<ConversationState> {
    return this.client.workflow.getHandle(id).query(stateQuery);
  }

  until(
    id: string,
    predicate: (s: ConversationState) => boolean,
    what: string,
    ms = 20_000,
  ): Promise<ConversationState> {
    return eventually(async () => {
      const s = await this.state(id);
      if (!predicate(s))
        throw new Error(
          `waiting for ${what}; ${JSON.stringify(s.messages.map((m) => [m.direction, m.text.slice(0, 20), m.deliveryStatus, m.detail]))}`,
        );
      return s;
    }, ms);
  }

  act(id: string, action: AgentAction) {
    return this.client.workflow.getHandle(id).executeUpdate(actUpdate, { args: [action] });
  }

  setStatus(agentId: string, status: AgentStatus) {
    return new Routers(this.client, this.config).setStatus({ agentId, status });
  }

  /** A customer texts in over SMPP and alice accepts: the conversation is ACTIVE. */
  async activeConversation(
    customer: string,
    text = 'Hello, I need help with my order',
    business = BIZ,
  ): Promise<string> {
    const mo = await this.sim.sendMo({ from: customer, to: business, text });
    if (mo.status !== 0) throw new Error(`MO refused: 0x${mo.status.toString(16)}`);
    const id = await this.conversationOf(customer, business);
    await this.until(id, (s) => s.status === 'OFFERED', 'an offer');
    await this.act(id, { type: 'accept', agentId: 'alice' });
    return id;
  }

  /** An agent reply and its final delivery status. */
  async reply(id: string, text: string, clientMessageId: string = randomUUID()) {
    const r = await this.act(id, { type: 'send', agentId: 'alice', text, clientMessageId });
    return r.message!;
  }

  async finalStatus(id: string, messageId: string) {
    const s = await this.until(
      id,
      (st) => ['DELIVERED', 'FAILED'].includes(st.messages.find((m) => m.id === messageId)?.deliveryStatus ?? ''),
      `message ${messageId} final`,
    );
    return s.messages.find((m) => m.id === messageId)!;
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    if (this.gatewayClient && this.gatewayClient !== this.client) await this.gatewayClient.connection.close();
    await this.worker.shutdown();
    await this.client.connection.close();
    await this.sim.stop();
  }
}
