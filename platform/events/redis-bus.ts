import { Redis } from 'ioredis';
import { redactText } from '../../config/redact.js';
import type { EventBatch } from '../../workflows/contract/events.js';
import { channelsOf, MemoryEventBus, type BusPayload, type EventBus } from './bus.js';

/**
 * Several API and worker processes share events through Redis pub/sub. Every process subscribes
 * to one pattern for its instance and fans out locally, so a thousand SSE subscribers cost Redis
 * one subscription, not a thousand.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new MemoryEventBus();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  readonly ready: Promise<void>;

  constructor(url: string, instance: string) {
    this.prefix = `switchboard:${instance}:`;
    // One scrubbed line per distinct failure (the URL may hold a password), not one per retry.
    const said = new Set<string>();
    const onError = (error: Error) => {
      const line = redactText(error.message);
      if (said.size < 100 && !said.has(line)) console.warn('[events] redis:', said.add(line) && line);
    };
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 }).on('error', onError);
    this.sub = new Redis(url, { lazyConnect: false }).on('error', onError);
    this.sub.on('pmessage', (_pattern: string, channel: string, message: string) => {
      this.local.deliver(channel.slice(this.prefix.length), JSON.parse(message) as BusPayload);
    });
    this.ready = this.sub.psubscribe(`${this.prefix}*`).then(() => undefined);
  }

  async publish(batch: EventBatch): Promise<void> {
    const pipeline = this.pub.pipeline();
    for (const [channel, payload] of channelsOf(batch))
      pipeline.publish(this.prefix + channel, JSON.stringify(payload));
    await pipeline.exec();
  }

  subscribe(channel: string, listener: (payload: BusPayload) => void): () => void {
    return this.local.subscribe(channel, listener);
  }

  async ping(): Promise<boolean> {
    return (await this.pub.ping()) === 'PONG';
  }

  async close(): Promise<void> {
    await this.local.close();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}

export async function createEventBus(options: { redisUrl?: string; instance: string }): Promise<EventBus> {
  if (!options.redisUrl) return new MemoryEventBus();
  const bus = new RedisEventBus(options.redisUrl, options.instance);
  await bus.ready;
  return bus;
}
