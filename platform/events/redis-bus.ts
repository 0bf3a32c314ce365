import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { redactText } from '../../config/redact.js';
import type { EventBatch } from '../../workflows/contract/events.js';
import { fanOut, memoryEventBus, type EventBus, type EventTopics } from './bus.js';
import { problemLogger, readBatch } from './wire.js';

/**
 * Several API and worker processes share events through Redis pub/sub: one channel per instance
 * carries whole batches, and each process listens on it once (Yoga's Redis event target) and fans
 * out locally, so a thousand SSE subscribers cost Redis one subscription, not a thousand, and a
 * new stream listens from the moment it opens (no SUBSCRIBE round trip of its own).
 *
 * Publishing is awaited on the client itself rather than through the event target's
 * dispatchEvent, which neither waits nor reports: a batch Redis refused would vanish unseen (and
 * its rejected promise, unhandled, would end the worker). The local activity retries it instead.
 */
async function redisEventBus(url: string, instance: string): Promise<EventBus> {
  const channel = `switchboard:events:${instance}`;
  // One scrubbed line per distinct failure (the URL may hold a password), not one per retry.
  const said = new Set<string>();
  const onError = (error: Error) => {
    const line = redactText(error.message);
    if (said.size < 100 && !said.has(line)) console.warn('[events] redis:', said.add(line) && line);
  };
  const publisher = new Redis(url, { maxRetriesPerRequest: 3 }).on('error', onError);
  const subscriber = new Redis(url).on('error', onError);
  const logProblem = problemLogger('[events]');
  // Parsing never throws here: it runs inside ioredis's message handler, where a throw would end
  // the process. What is not a batch arrives as null and is dropped below.
  const target = createRedisEventTarget<CustomEvent<EventBatch | null>>({
    publishClient: publisher,
    subscribeClient: subscriber,
    serializer: {
      stringify: (value) => JSON.stringify(value),
      parse: (message) => {
        const read = readBatch(message);
        if ('batch' in read) return read.batch;
        logProblem(read.problem, message.length);
        return null;
      },
    },
  });
  const pubSub = createPubSub<EventTopics>();
  const resets = new Set<() => void>();
  // Listened to directly, not through a Repeater: one that is not drained in time throws
  // (RepeaterOverflowError) inside the message handler.
  const deliver = (event: CustomEvent<EventBatch | null>) => {
    if (event.detail) fanOut(pubSub, event.detail);
  };
  target.addEventListener(channel, deliver);

  // ioredis resubscribes by itself after a reconnect, but whatever was published while the
  // connection was down is gone: once the subscription is back (the PING after the resubscribe
  // answers), every open stream is reset so its client re-reads state.
  let connected = false;
  let everReady = false;
  subscriber.on('close', () => (connected = false));
  subscriber.on('ready', () => {
    const reconnected = everReady && !connected;
    everReady = connected = true;
    if (!reconnected) return;
    setImmediate(() => {
      subscriber.ping().then(
        () => {
          for (const reset of [...resets]) reset();
        },
        () => undefined, // dropped again: the next 'ready' resets
      );
    });
  });
  // The SUBSCRIBE above went first: listening from here on (and publishing once this answers).
  await Promise.all([subscriber.ping(), publisher.ping()]);

  return {
    pubSub,
    async publish(batch) {
      // Not queued for later while Redis is away: that would hold the conversation's workflow task
      // through the outage, and the subscribers' reset on reconnect covers what is not published.
      if (publisher.status !== 'ready') throw new Error('Redis is not connected: events not published');
      await publisher.publish(channel, JSON.stringify(batch));
    },
    onReset(listener) {
      resets.add(listener);
      return () => resets.delete(listener);
    },
    async ping() {
      return (await publisher.ping()) === 'PONG';
    },
    async close() {
      target.removeEventListener(channel, deliver);
      resets.clear();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

export async function createEventBus(options: { redisUrl?: string; instance: string }): Promise<EventBus> {
  return options.redisUrl ? redisEventBus(options.redisUrl, options.instance) : memoryEventBus();
}
