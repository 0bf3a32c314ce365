// At most `max` calls to Temporal at once (signalWithStart for MOs, signals for receipts): a
// flood of peers must not open unbounded concurrent RPCs. A caller that cannot get a slot within
// its deadline is refused, so the carrier is told to retry instead of the queue growing.

export class LimiterTimeoutError extends Error {
  override name = 'LimiterTimeoutError';
}

export class Limiter {
  private active = 0;
  private readonly waiting: { start(): void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly max: number) {}

  get inFlight(): number {
    return this.active;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `fn` once a slot is free, waiting at most `waitMs` for it. */
  async run<T>(waitMs: number, fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: () => {
            clearTimeout(entry.timer);
            resolve();
          },
          timer: setTimeout(() => {
            const i = this.waiting.indexOf(entry);
            if (i >= 0) this.waiting.splice(i, 1);
            reject(new LimiterTimeoutError(`no Temporal slot within ${waitMs} ms (${this.max} calls in flight)`));
          }, waitMs),
        };
        this.waiting.push(entry);
      });
    } else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next.start(); // the slot passes straight on: active stays the same
      else this.active--;
    }
  }
}
