import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from '../../../platform/with-timeout.js';

describe('withTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes on an answer in time and leaves no timer behind', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects once the time is up, naming what did not answer', async () => {
    const never = new Promise<never>(() => {});
    const named = withTimeout(never, 2000, 'temporal');
    const plain = withTimeout(never, 500);
    const results = Promise.allSettled([named, plain]);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await results).map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.status))).toEqual([
      'temporal: no answer within 2000 ms',
      'no answer within 500 ms',
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
