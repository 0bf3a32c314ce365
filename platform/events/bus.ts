import { createPubSub, type PubSub, type Repeater } from 'graphql-yoga';
import type { AgentEventPayload, ConversationEventPayload, EventBatch } from '../../workflows/contract/events.js';

/**
 * The worker publishes each state change's batch (a local activity); every API process fans it
 * out to its streams through Yoga's pub/sub, by topic: `agent` (an agent's own stream, by agent
 * id), `conversation` (one conversation, by id), `conversations` (every conversation event, for
 * integrators). Redis carries the batches when the worker and the APIs are different processes
 * (redis-transport.ts); without it they share this process's bus.
 */
export type EventTopics = {
  agent: [agentId: string, event: AgentEventPayload];
  conversation: [conversationId: string, event: ConversationEventPayload];
  conversations: [event: ConversationEventPayload];
};

export interface EventBus {
  /** What streams subscribe to (this process's fan-out). */
  readonly pubSub: PubSub<EventTopics>;
  /** Resolves once the batch is on its way to every process (rejects when it is not: retried). */
  publish(batch: EventBatch): Promise<void>;
  /**
   * After the bus lost its connection and got it back: whatever was published meanwhile may be
   * lost, so every open stream ends (STREAM_RESET) and its client re-reads state.
   */
  onReset(listener: () => void): () => void;
  /** Whether the transport answers (Redis); absent for the in-process bus. */
  ping?(): Promise<boolean>;
  close(): Promise<void>;
}

export function fanOut(pubSub: PubSub<EventTopics>, batch: EventBatch): void {
  for (const event of batch.conversation) {
    pubSub.publish('conversation', event.conversationId, event);
    pubSub.publish('conversations', event);
  }
  for (const event of batch.agent) pubSub.publish('agent', event.agentId, event);
}

/** The bus of one process: worker and API side by side (tests, `npm start` without Redis). */
export function memoryEventBus(): EventBus {
  const pubSub = createPubSub<EventTopics>();
  return {
    pubSub,
    async publish(batch) {
      fanOut(pubSub, batch);
    },
    onReset: () => () => undefined, // nothing between publisher and subscribers to lose
    async close() {},
  };
}

/**
 * Drains a subscription into a callback, from now on (the listener is attached before this
 * returns); the returned function stops it. A throwing callback is logged and skipped: one bad
 * event must not end the loop (or crash the process on an unhandled rejection).
 */
export function listen<T>(source: Repeater<T>, each: (value: T) => void): () => void {
  void (async () => {
    for await (const value of source) {
      try {
        each(value);
      } catch (error) {
        console.error('[events] a listener failed:', error instanceof Error ? error.name : typeof error);
      }
    }
  })().catch(() => undefined);
  return () => void source.return();
}
