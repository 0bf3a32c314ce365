import type { Redis } from 'ioredis';
import { limiterKeys, type LoginLimiter, type LoginPolicy } from './login-limiter.js';

// The same limits as MemoryLoginLimiter, shared by every API process through Redis. One Lua
// script reads, decides and counts, so concurrent attempts on several processes are counted one
// by one too; the time is Redis's own, so the processes' clocks do not matter.

const BEGIN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local base, maxDelay, window = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function load(key)
  local v = redis.call('HMGET', key, 'n', 'next')
  return tonumber(v[1]) or 0, tonumber(v[2]) or 0
end
local n1, next1 = load(KEYS[1])
local n2, next2 = load(KEYS[2])
local wait = math.max(next1, next2) - now
if wait > 0 then return wait end
local function count(key, n, free)
  n = n + 1
  local nextAt = 0
  if n >= free then nextAt = now + math.min(maxDelay, base * 2 ^ math.min(n - free, 30)) end
  redis.call('HSET', key, 'n', n, 'next', nextAt)
  redis.call('PEXPIRE', key, math.max(window, nextAt - now))
end
count(KEYS[1], n1, tonumber(ARGV[1]))
count(KEYS[2], n2, tonumber(ARGV[2]))
return 0
`;

const SUCCEEDED = `
redis.call('DEL', KEYS[1])
if (tonumber(redis.call('HGET', KEYS[2], 'n')) or 0) > 0 then redis.call('HINCRBY', KEYS[2], 'n', -1) end
return 0
`;

export class RedisLoginLimiter implements LoginLimiter {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    instance: string,
    private readonly policy: LoginPolicy,
  ) {
    this.prefix = `switchboard-auth:${instance}:login:`;
  }

  private keys(username: string, address: string): string[] {
    return limiterKeys(username, address).map((k) => this.prefix + k);
  }

  async begin(username: string, address: string): Promise<number> {
    const p = this.policy;
    const waitMs = Number(
      await this.redis.eval(
        BEGIN,
        2,
        ...this.keys(username, address),
        p.freeAttempts,
        p.perAddressFreeAttempts,
        p.baseDelaySeconds * 1000,
        p.maxDelaySeconds * 1000,
        p.windowSeconds * 1000,
      ),
    );
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.redis.eval(SUCCEEDED, 2, ...this.keys(username, address));
  }

  async close(): Promise<void> {}
}
