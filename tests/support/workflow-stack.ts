import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { SwitchboardConfig } from '../../config/schema.js';
import { smsTaskQueue, type SmsActivities } from '../../workflows/contract/activities.js';
import {
  actUpdate,
  agentsQuery,
  setStatusUpdate,
  stateQuery,
  threadQuery,
  type AgentAction,
} from '../../workflows/contract/definitions.js';
import type { AgentStatus, ConversationState } from '../../workflows/domain/types.js';
import type { SendSmsRequest } from '../../workflows/contract/events.js';
import { Routers } from '../../platform/temporal/routers.js';
import { threadIdFor } from '../../config/identifiers.js';
import { memoryEventBus, type EventBus } from '../../platform/events/bus.js';
import { ensureRouter, startWorker, type RunningWorker } from '../../worker/run-worker.js';
import { connectClient, connectNative, dataConverterOptions } from '../../platform/temporal/connection.js';
import { submitCustomerText } from '../../platform/temporal/inbound.js';
import { classifyKeyword } from '../../workflows/domain/keywords.js';
import { testConfig, type TestConfigOptions } from '../../harness/test-config.js';
import { eventually } from './eventually.js';

/**
 * The durable core on the real dev server: worker, router, event bus. The SMS activity is the one
 * test double allowed here (the SMPP gateway implements it for real): it records what it was asked.
 */
export class WorkflowStack {
  readonly sent: SendSmsRequest[] = [];
  private smsWorker?: Worker;
  private smsDone?: Promise<void>;

  private constructor(
    readonly config: SwitchboardConfig,
    readonly client: Client,
    readonly bus: EventBus,
    readonly worker: RunningWorker | undefined,
  ) {}

  static async start(
    options: TestConfigOptions & { withWorker?: boolean; address?: string } = {},
  ): Promise<WorkflowStack> {
    const config = testConfig(options);
    const address = options.address ?? inject('temporalAddress');
    const bus = memoryEventBus();
    const worker = options.withWorker === false ? undefined : await startWorker({ config, bus, address });
    const client = await connectClient(config, address);
    const stack = new WorkflowStack(config, client, bus, worker);
    await stack.startSmsDouble(address);
    await ensureRouter(client, config);
    return stack;
  }

  /** Answers sendSms like a carrier would: one id per message, one segment per 153 characters. */
  private async startSmsDouble(address: string): Promise<void> {
    const activities: SmsActivities = {
      sendSms: async (request) => {
        this.sent.push(request);
        return { carrierIds: [`c-${request.messageId}`], segments: Math.max(1, Math.ceil(request.text.length / 153)) };
      },
    };
    this.smsWorker = await Worker.create({
      connection: await connectNative(this.config, address),
      namespace: this.config.temporal.namespace,
      taskQueue: smsTaskQueue(this.config.temporal.taskQueue),
      activities,
      ...dataConverterOptions(this.config),
    });
    this.smsDone = this.smsWorker.run();
  }

  async text(from: string, to: string, body: string, id: string = randomUUID()): Promise<string> {
    return submitCustomerText(this.client, this.config, {
      from,
      to,
      message: { id, text: body, receivedAt: new Date().toISOString() },
    });
  }

  /** As the gateway hands it over: a whole text that is a compliance keyword carries its class. */
  async mo(from: string, to: string, body: string, id: string = randomUUID()): Promise<string> {
    const keyword = classifyKeyword(body);
    return submitCustomerText(this.client, this.config, {
      from,
      to,
      message: { id, text: body, receivedAt: new Date().toISOString(), ...(keyword ? { keyword } : {}) },
    });
  }

  thread(business: string, customer: string) {
    return this.client.workflow.getHandle(threadIdFor(this.config, business, customer)).query(threadQuery);
  }

  /** Waits for the pair's open conversation to exist and returns its id. */
  async conversationOf(business: string, customer: string, index = -1): Promise<string> {
    return eventually(async () => {
      const t = await this.thread(business, customer);
      const id = t.conversations.at(index);
      if (!id) throw new Error(`no conversation yet for ${customer} -> ${business}`);
      return id;
    });
  }

  state(conversationId: string): Promise<ConversationState> {
    return this.client.workflow.getHandle(conversationId).query(stateQuery);
  }

  async until(
    conversationId: string,
    predicate: (s: ConversationState) => boolean,
    what = 'condition',
  ): Promise<ConversationState> {
    return eventually(async () => {
      const s = await this.state(conversationId);
      if (!predicate(s)) throw new Error(`waiting for ${what}; status ${s.status}`);
      return s;
    });
  }

  act(conversationId: string, action: AgentAction) {
    return this.client.workflow.getHandle(conversationId).executeUpdate(actUpdate, { args: [action] });
  }

  /** The router of the agent's routing group (the routers as the API sees them: `routers`). */
  router(agentId: string) {
    return this.routers.forAgent(agentId);
  }

  get routers(): Routers {
    return new Routers(this.client, this.config);
  }

  setStatus(agentId: string, status: AgentStatus, idleCodeId?: string) {
    return this.router(agentId).executeUpdate(setStatusUpdate, {
      args: [{ agentId, status, ...(idleCodeId ? { idleCodeId } : {}) }],
    });
  }

  /** What the API's `logout` asks of the router. */
  logout(agentId: string) {
    return this.router(agentId).executeUpdate(setStatusUpdate, {
      args: [{ agentId, status: 'LOGGED_OUT', logout: true }],
    });
  }

  async agent(agentId: string) {
    const agents = await this.router(agentId).query(agentsQuery);
    const a = agents.find((x) => x.id === agentId);
    if (!a) throw new Error(`no agent ${agentId}`);
    return a;
  }

  async stop(): Promise<void> {
    this.smsWorker?.shutdown();
    await this.smsDone;
    await this.worker?.shutdown();
    await this.client.connection.close();
  }
}
