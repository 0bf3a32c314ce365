// Login attempts, per username and per client address, in a sliding window. In memory: each API
// process limits on its own, which bounds guessing to (processes x limit) per window.

export interface RateLimitOptions {
  windowMs: number;
  maxPerUsername: number;
  maxPerIp: number;
  /** Entries kept at most; the oldest keys go first, so memory stays bounded under a flood. */
  maxKeys?: number;
}

export const DEFAULT_LOGIN_LIMITS: RateLimitOptions = { windowMs: 5 * 60_000, maxPerUsername: 10, maxPerIp: 100 };

export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_LOGIN_LIMITS) {}

  /** Seconds to wait before another attempt is allowed, or 0 if one may go ahead now. */
  check(username: string, ip: string, now = Date.now()): number {
    return Math.max(
      this.wait(`u:${username.toLowerCase()}`, this.options.maxPerUsername, now),
      this.wait(`ip:${ip}`, this.options.maxPerIp, now),
    );
  }

  /** Only failures count (a shift of agents behind one NAT logs in at once); success clears the username. */
  record(username: string, ip: string, success: boolean, now = Date.now()): void {
    const user = `u:${username.toLowerCase()}`;
    if (success) {
      this.attempts.delete(user);
      return;
    }
    this.push(user, now);
    this.push(`ip:${ip}`, now);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.attempts.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, list);
    return list;
  }

  private wait(key: string, max: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < max) return 0;
    return Math.max(1, Math.ceil((list[list.length - max]! + this.options.windowMs - now) / 1000));
  }

  private push(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.attempts.delete(key);
    this.attempts.set(key, list);
    const maxKeys = this.options.maxKeys ?? 100_000;
    while (this.attempts.size > maxKeys) this.attempts.delete(this.attempts.keys().next().value!);
  }
}
