/**
 * Throughput limit for submits. The burst is kept small (a tenth of a second's worth) because
 * carriers count per second: a full second's burst plus the steady rate would double the limit in
 * the first second.
 */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private readonly waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly burst = Math.max(1, Math.floor(perSecond / 10)),
  ) {
    this.tokens = burst;
  }

  /** Resolves when a token is available; callers are served in arrival order. */
  take(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.serve();
    });
  }

  /** Wakes every waiter without consuming tokens, so shutdown never hangs on the limiter. */
  releaseAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w();
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  private serve(): void {
    this.refill();
    while (this.waiters.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiters.shift()!();
    }
    if (this.waiters.length > 0 && !this.timer) {
      const waitMs = Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.serve();
      }, waitMs);
    }
  }
}
