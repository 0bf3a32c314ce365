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
