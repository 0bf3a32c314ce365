import { describe, expect, it } from 'vitest';
import { ConditionMissed, createReporter } from '../../../bench/reporter.js';
import { boundedRun, moTargets } from '../../../bench/mo-load.js';
import { expectedCounts, timedUntilShown, untilAllShown } from '../../../bench/mo-check.js';

// The bench's own plumbing: what it starts is stopped once each, last first; its MO spread is
// uniform over every open conversation and the same every run; its bounded phases stop on time.
describe('bench reporter clean-up', () => {
  it('runs every registered stop once, last first, and collects failures instead of throwing', async () => {
    const r = createReporter(60);
    const order: string[] = [];
    r.cleanup(() => order.push('dir'));
    r.cleanup(() => {
      throw new Error('server would not stop');
    });
    r.cleanup(async () => order.push('browser'));
    expect(await r.stopAll()).toEqual(['server would not stop']);
    expect(order).toEqual(['browser', 'dir']);
    expect(await r.stopAll()).toEqual([]);
    expect(order).toEqual(['browser', 'dir']);
  });
});

describe('MO spread', () => {
  it('is deterministic, in range, and reaches nearly every one of 10,000 conversations', () => {
    const a = moTargets(30_000, 10_000);
    expect(moTargets(30_000, 10_000)).toEqual(a);
    expect(a.every((t) => Number.isInteger(t) && t >= 0 && t < 10_000)).toBe(true);
    // 3 per conversation on average: a uniform spread leaves about e^-3 (5 %) untouched, a hot set far more.
    const distinct = new Set(a).size;
    expect(distinct).toBeGreaterThan(9_300);
    expect(distinct).toBeLessThan(9_700);
  });

  it('expects the opening message plus one per MO', () => {
    expect([...expectedCounts([3, 1, 3], 1)]).toEqual([
      [3, 3],
      [1, 2],
    ]);
  });
});

describe('bounded phases', () => {
  it('starts none after its stop time and reports how many landed', async () => {
    const r = createReporter(60);
    const { done, latencies } = await boundedRun(r, 'items', 0, 1_000, { concurrency: 4, stopAt: Date.now() - 1 }, () =>
      Promise.resolve(),
    );
    expect(done).toBe(0);
    expect(latencies).toEqual([]);
  });

  it('keeps no more than maxBehind started ahead of what is handled', async () => {
    const r = createReporter(60);
    let started = 0;
    let handled = 0;
    let worst = 0;
    await boundedRun(
      r,
      'items',
      0,
      200,
      { concurrency: 50, stopAt: Date.now() + 30_000, behind: async () => (handled = started), maxBehind: 20 },
      async () => {
        started++;
        worst = Math.max(worst, started - handled);
      },
    );
    expect(started).toBe(200);
    expect(worst).toBeLessThanOrEqual(20);
  });

  it('says how far the check got when the budget runs out', async () => {
    const r = createReporter(0.001);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const miss = untilAllShown(r, 'messages shown', new Map([[0, 2]]), async () => 1);
    await expect(miss).rejects.toBeInstanceOf(ConditionMissed);
    await expect(miss).rejects.toThrow('0 of 2 messages shown (1 workflows short)');
  });

  it('counts only the MOs of the conversations seen complete when the check is cut short', async () => {
    // Target 0 got two MOs and shows them; target 1 got one and never shows it in the check's time.
    const out = await timedUntilShown(createReporter(60), 'messages shown', performance.now(), [0, 1, 0], {
      settled: async () => true,
      count: async (i) => (i === 0 ? 3 : 0),
      onSettled: () => undefined,
      checkMs: 100,
    });
    expect(out.complete).toBe(false);
    expect(out.verdict).toBe(
      '1 of 2 conversations not seen complete in the 0.1 s check (not yet shown or lost); the rest showed 2 MOs, twice 0',
    );
  });
});
