import { EventEmitter } from 'node:events';
import type { AgentEventPayload, ConversationEventPayload, EventBatch } from '../../workflows/contract/events.js';

/**
 * Channels: `agent:<id>` (an agent's own stream), `conversation:<id>` (one conversation),
 * `conversations` (every conversation event, for integrators). The worker publishes (a local
 * activity), the API subscribes; Redis carries them when those are different processes.
 */
export type BusPayload =
  { type: 'agent'; event: AgentEventPayload } | { type: 'conversation'; event: ConversationEventPayload };

export interface EventBus {
  publish(batch: EventBatch): Promise<void>;
  subscribe(channel: string, listener: (payload: BusPayload) => void): () => void;
  close(): Promise<void>;
}

export function channelsOf(batch: EventBatch): [string, BusPayload][] {
  const out: [string, BusPayload][] = [];
  for (const event of batch.conversation) {
    out.push([`conversation:${event.conversationId}`, { type: 'conversation', event }]);
    out.push(['conversations', { type: 'conversation', event }]);
  }
  for (const event of batch.agent) out.push([`agent:${event.agentId}`, { type: 'agent', event }]);
  return out;
}

export class MemoryEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0); // one listener per open subscription
  }

  async publish(batch: EventBatch): Promise<void> {
    for (const [channel, payload] of channelsOf(batch)) this.emitter.emit(channel, payload);
  }

  /** Local delivery only: the Redis bus calls this for what arrives from other processes. */
  deliver(channel: string, payload: BusPayload): void {
    this.emitter.emit(channel, payload);
  }

  subscribe(channel: string, listener: (payload: BusPayload) => void): () => void {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  listenerCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
