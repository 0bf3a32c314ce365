import { describe, expect, it } from 'vitest';
import { Limiter, LimiterTimeoutError } from '../../../smpp-gateway/service/limiter.js';

describe('Limiter (bounded concurrent signalWithStart)', () => {
  it('runs at most `max` at once; the rest wait their turn, in order', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const jobs = [1, 2, 3, 4].map((n) =>
      limiter.run(5_000, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => releases.push(r));
        order.push(n);
        running--;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(2);
    while (releases.length > 0 || order.length < 4) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(limiter.inFlight).toBe(0);
  });

  it('a caller that gets no slot within its wait is refused (the carrier retries) and leaves the queue', async () => {
    const limiter = new Limiter(1);
    let release!: () => void;
    const busy = limiter.run(
      5_000,
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    await expect(limiter.run(30, async () => 'never')).rejects.toBeInstanceOf(LimiterTimeoutError);
    expect(limiter.queued).toBe(0);
    release();
    await busy;
    await expect(limiter.run(30, async () => 'ok')).resolves.toBe('ok');
  });
});
