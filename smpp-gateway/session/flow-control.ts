// Pacing: exponential backoff with jitter (rebinds, throttling) and the submit token bucket.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Fraction of each delay that is randomised, so many gateways do not rebind in lockstep. */
  jitter: number;
}

export const DEFAULT_REBIND_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, jitter: 0.3 };
export const DEFAULT_THROTTLE_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 8_000, jitter: 0.3 };

/** Exponential backoff with jitter; attempt 0 is the first retry. */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const base = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  const spread = base * opts.jitter;
  return Math.max(0, Math.round(base - spread + random() * 2 * spread));
}

/** A cancellable wait: a shutdown must not sit out a minute-long backoff. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

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
