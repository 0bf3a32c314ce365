import { describe, expect, it } from 'vitest';
import { ChainFullError, KeyedChain, LruMap } from '../../../platform/keyed-chain.js';

/** A job the test finishes by hand. */
function gate(): { promise: Promise<void>; open(): void; fail(e: Error): void } {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('LruMap', () => {
  it('keeps at most its limit, forgetting the least recently used', () => {
    const lru = new LruMap<string, number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('c', 3);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('d', 4);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([1, 3, 4]);
    expect(lru.size).toBe(3);
  });

  it('stays bounded under many distinct keys, and a delete forgets at once', () => {
    const lru = new LruMap<string, string>(100);
    for (let i = 0; i < 100_000; i++) lru.set(`thread-${i}`, `conversation-${i}`);
    expect(lru.size).toBe(100);
    expect(lru.get('thread-99999')).toBe('conversation-99999');
    expect(lru.get('thread-0')).toBeUndefined();
    lru.delete('thread-99999');
    expect(lru.get('thread-99999')).toBeUndefined();
    expect(lru.size).toBe(99);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
    expect(() => new LruMap(1.5)).toThrow(RangeError);
  });
});

describe('KeyedChain', () => {
  it('runs the jobs of one key one at a time in order, other keys alongside', async () => {
    const chain = new KeyedChain(10);
    const order: string[] = [];
    const first = gate();
    const a1 = chain.run('a', async () => {
      order.push('a1 start');
      await first.promise;
      order.push('a1 end');
    });
    const a2 = chain.run('a', async () => void order.push('a2'));
    const b1 = chain.run('b', async () => void order.push('b1'));
    await b1;
    expect(order).toEqual(['a1 start', 'b1']); // b did not wait for a
    first.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('a failed job fails its caller only; the next job of the key still runs', async () => {
    const chain = new KeyedChain(10);
    const failing = chain.run('a', async () => {
      throw new Error('boom');
    });
    const next = chain.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('forgets a key once its jobs are done, and refuses past maxPerKey (bounded memory)', async () => {
    const chain = new KeyedChain(2);
    const held = gate();
    const one = chain.run('a', () => held.promise);
    const two = chain.run('a', async () => undefined);
    await expect(chain.run('a', async () => undefined)).rejects.toBeInstanceOf(ChainFullError);
    expect(chain.size).toBe(1);
    held.open();
    await Promise.all([one, two]);
    await Promise.resolve();
    expect(chain.size).toBe(0);
    // Many keys, each done: nothing is kept.
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => chain.run(`k${i}`, async () => i)));
    await Promise.resolve();
    expect(chain.size).toBe(0);
  });
});
