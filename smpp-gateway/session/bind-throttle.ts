// Failed binds per peer address: each failure doubles the wait before that address's next bind
// is even looked at (initial, 2x, 4x ... up to max), so guessing passwords costs the guesser
// time, not us CPU. A success clears the address. Pure: the caller owns the clock.

interface BindThrottleOptions {
  initialMs: number;
  maxMs: number;
  /** Addresses remembered at most; the oldest is forgotten first, so memory stays bounded. */
  maxAddresses?: number;
  /** An address without a failure for this long starts afresh (default 15 min). */
  forgetAfterMs?: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
}

export class BindThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly opts: BindThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long a bind from `address` must wait before it is authenticated. */
  delayFor(address: string): number {
    const entry = this.fresh(address);
    if (!entry) return 0;
    const wait = Math.min(this.opts.maxMs, this.opts.initialMs * 2 ** Math.min(entry.failures - 1, 30));
    return Math.max(0, entry.lastFailureAt + wait - this.now());
  }

  failed(address: string): void {
    const entry = this.fresh(address);
    this.entries.delete(address); // re-inserted last: Map order is age order for eviction
    this.entries.set(address, { failures: (entry?.failures ?? 0) + 1, lastFailureAt: this.now() });
    const max = this.opts.maxAddresses ?? 10_000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(address: string): void {
    this.entries.delete(address);
  }

  private fresh(address: string): Entry | undefined {
    const entry = this.entries.get(address);
    if (entry && this.now() - entry.lastFailureAt > (this.opts.forgetAfterMs ?? 15 * 60_000)) {
      this.entries.delete(address);
      return undefined;
    }
    return entry;
  }
}
