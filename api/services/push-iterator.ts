// A subscription's stream: events are pushed in by a listener and pulled by the GraphQL executor.
// Not an async generator on purpose: a generator awaiting its next event ignores return() until
// that event comes, so a client that disconnects would keep its bus listener alive until then.

export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  private finished = false;
  private failure: unknown;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly maxBuffered = 10_000) {}

  /** Runs when the stream ends for any reason (client gone, expiry, failure). */
  onEnd(cleanup: () => void): void {
    if (this.finished) cleanup();
    else this.cleanups.push(cleanup);
  }

  push(value: T): void {
    if (this.finished) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value, done: false });
      return;
    }
    this.buffer.push(value);
    // A consumer this far behind has lost track anyway; it resynchronises from queries.
    if (this.buffer.length > this.maxBuffered) this.buffer.shift();
  }

  /** Ends the stream with an error (after what is already buffered). */
  fail(error: unknown): void {
    if (this.finished) return;
    this.failure = error;
    this.finish();
    if (this.waiter && this.buffer.length === 0) {
      const w = this.waiter;
      this.waiter = undefined;
      this.failure = undefined;
      w.reject(error);
    }
  }

  async next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return { value: this.buffer.shift()!, done: false };
    if (this.failure !== undefined) {
      const error = this.failure;
      this.failure = undefined;
      throw error;
    }
    if (this.finished) return { value: undefined, done: true };
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  async return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.failure = undefined;
    this.finish();
    if (this.waiter) {
      this.waiter.resolve({ value: undefined, done: true });
      this.waiter = undefined;
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
