import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

// `logout` revokes: every token of the agent issued up to that moment is refused from then on, on
// every API process (Redis carries it when `redis.url` is set), and its open streams end.

/** Tokens live at most 24 h (config/schema.ts), so a revocation need not be kept longer. */
const KEEP_MS = 25 * 3600 * 1000;

export interface Revocations {
  revoke(agentId: string, at?: number): Promise<void>;
  /** Tokens of the agent issued at or before this time (ms) are refused; 0 if none are. */
  revokedUpTo(agentId: string): Promise<number>;
  /** Called on this process for every revocation, wherever it was made. */
  onRevoke(listener: (agentId: string, at: number) => void): () => void;
  close(): Promise<void>;
}

export class MemoryRevocations implements Revocations {
  private readonly revoked = new Map<string, number>();
  protected readonly emitter = new EventEmitter().setMaxListeners(0);

  async revoke(agentId: string, at = Date.now()): Promise<void> {
    this.remember(agentId, at);
  }

  protected remember(agentId: string, at: number): void {
    if (at <= (this.revoked.get(agentId) ?? 0)) return;
    this.revoked.set(agentId, at);
    this.emitter.emit('revoke', agentId, at);
  }

  async revokedUpTo(agentId: string): Promise<number> {
    return this.revoked.get(agentId) ?? 0;
  }

  onRevoke(listener: (agentId: string, at: number) => void): () => void {
    this.emitter.on('revoke', listener);
    return () => this.emitter.off('revoke', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisRevocations extends MemoryRevocations {
  private readonly prefix: string;
  private readonly channel: string;
  readonly ready: Promise<void>;

  constructor(
    private readonly redis: Redis,
    private readonly sub: Redis,
    instance: string,
  ) {
    super();
    this.prefix = `switchboard-auth:${instance}:revoked:`;
    this.channel = `switchboard-auth:${instance}:revocations`;
    this.sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const m = /^([^\s]{1,200}) (\d{1,16})$/.exec(message); // a bus message is input too
      if (m) this.remember(m[1]!, Number(m[2]));
    });
    this.ready = this.sub.subscribe(this.channel).then(() => undefined);
  }

  override async revoke(agentId: string, at = Date.now()): Promise<void> {
    // Never lowers an earlier revocation: GREATEST in Lua, then tell every process.
    await this.redis.eval(
      `local v = tonumber(redis.call('GET', KEYS[1])) or 0
      if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end return 0`,
      1,
      this.prefix + agentId,
      at,
      KEEP_MS,
    );
    this.remember(agentId, at);
    await this.redis.publish(this.channel, `${agentId} ${at}`);
  }

  override async revokedUpTo(agentId: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + agentId)) ?? 0);
  }

  override async close(): Promise<void> {
    await super.close();
    this.sub.disconnect();
  }
}
