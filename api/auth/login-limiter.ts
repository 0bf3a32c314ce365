import type { SwitchboardConfig } from '../../config/schema.js';

// Sign-in limits per (username, client address), plus a looser one per address over every
// username (password spraying). An attempt is counted before its password is checked, so however
// many arrive at once, at most `freeAttempts` are checked before the delay starts; each attempt
// past that doubles the delay. Waiting is the only penalty: the right password from elsewhere, or
// from here once the delay is over, still works. Shared through Redis when `redis.url` is set.

export type LoginPolicy = SwitchboardConfig['auth']['login'];

export interface LoginLimiter {
  /** Counts an attempt: 0 if its password may be checked now, else the seconds to wait (not counted). */
  begin(username: string, address: string): Promise<number>;
  /** The right password: its (username, address) starts afresh, and the address gets its attempt back. */
  succeeded(username: string, address: string): Promise<void>;
  close(): Promise<void>;
}

export function limiterKeys(username: string, address: string): [pair: string, address: string] {
  return [`u:${username.toLowerCase()}|${address}`, `a:${address}`];
}

/** When the next attempt may come after the `n`th counted one (ms since the epoch; 0 = now). */
function nextAllowedAt(n: number, free: number, policy: LoginPolicy, now: number): number {
  if (n < free) return 0;
  return now + Math.min(policy.maxDelaySeconds * 1000, policy.baseDelaySeconds * 1000 * 2 ** Math.min(n - free, 30));
}

interface Entry {
  n: number;
  next: number;
  expires: number;
}

export class MemoryLoginLimiter implements LoginLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: LoginPolicy,
    private readonly maxKeys = 100_000,
  ) {}

  private entry(key: string, now: number): Entry {
    const e = this.entries.get(key);
    if (e && e.expires > now) return e;
    this.entries.delete(key);
    return { n: 0, next: 0, expires: 0 };
  }

  // Synchronous from reading to counting: attempts that arrive together are counted one by one.
  async begin(username: string, address: string, now = Date.now()): Promise<number> {
    const keys = limiterKeys(username, address);
    const [pair, addr] = keys.map((k) => this.entry(k, now)) as [Entry, Entry];
    const wait = Math.max(pair.next, addr.next) - now;
    if (wait > 0) return Math.ceil(wait / 1000);
    const frees = [this.policy.freeAttempts, this.policy.perAddressFreeAttempts];
    [pair, addr].forEach((e, i) => {
      e.n++;
      e.next = nextAllowedAt(e.n, frees[i]!, this.policy, now);
      e.expires = Math.max(now + this.policy.windowSeconds * 1000, e.next);
      this.entries.delete(keys[i]!);
      this.entries.set(keys[i]!, e);
    });
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return 0;
  }

  async succeeded(username: string, address: string): Promise<void> {
    const [pair, addr] = limiterKeys(username, address);
    this.entries.delete(pair);
    const e = this.entries.get(addr);
    if (e && e.n > 0) e.n--;
  }

  async close(): Promise<void> {}
}
