/** One line of the benchmark table. Latencies in ms; `rate` per second. */
export interface Row {
  name: string;
  p50?: number;
  p95?: number;
  p99?: number;
  rate?: number;
  unit: string;
  target?: string;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function latencyRow(name: string, samples: number[], extra: Partial<Row> = {}): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    unit: 'ms',
    note: `n=${samples.length}`,
    ...extra,
  };
}

/**
 * Runs `task` for each item with at most `concurrency` in flight; returns each call's latency.
 * `each` sees the count done after every call; if it throws (a spent budget), no more are started.
 */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<unknown>,
  each?: (done: number) => void,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  let stopped = false;
  const lane = async () => {
    while (next < items.length && !stopped) {
      const item = items[next++]!;
      const start = performance.now();
      try {
        await task(item);
        latencies.push(performance.now() - start);
        each?.(latencies.length);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  // Every lane settles before this returns, so nothing started is still in flight after a stop.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return latencies;
}

function fmt(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits);
}

export function table(rows: Row[]): string {
  const header = '| benchmark | p50 | p95 | p99 | rate | unit | target | note |\n|---|---:|---:|---:|---:|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.rate, 0)} | ${r.unit} | ${r.target ?? ''} | ${r.note ?? ''} |`,
  );
  return [header, ...lines].join('\n');
}
