// Two small bounded structures for the gateway's one-hop inbound (platform/temporal/direct-inbound.ts).

/** A Map that forgets its least recently used entry past `limit`: memory stays bounded. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('LruMap limit must be a positive integer');
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: moving the key to the end makes the first one the oldest.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

export class ChainFullError extends Error {
  override name = 'ChainFullError';
}

/**
 * Runs jobs one at a time per key, in the order they came, different keys concurrently. A key
 * leaves the map when its last job settles, and a key already holding `maxPerKey` jobs refuses
 * the next (the caller turns that into "try again"): the map is bounded by the jobs in flight.
 */
export class KeyedChain {
  private readonly tails = new Map<string, { tail: Promise<unknown>; jobs: number }>();
  constructor(private readonly maxPerKey: number) {}

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const entry = this.tails.get(key) ?? { tail: Promise.resolve(), jobs: 0 };
    if (entry.jobs >= this.maxPerKey) return Promise.reject(new ChainFullError(`${entry.jobs} jobs queued on one key`));
    const result = entry.tail.then(job, job);
    entry.jobs += 1;
    entry.tail = result.then(
      () => this.settled(key),
      () => this.settled(key),
    );
    this.tails.set(key, entry);
    return result;
  }

  private settled(key: string): void {
    const entry = this.tails.get(key);
    if (!entry) return;
    entry.jobs -= 1;
    if (entry.jobs === 0) this.tails.delete(key);
  }

  /** Keys with a job queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
