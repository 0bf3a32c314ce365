// How much of the machine the run had: the share of CPU time the hypervisor gave to other guests
// while a suite ran (the `steal` column of /proc/stat). On a shared virtual machine the same code
// measures very differently from one day to the next; this row says how far a run was from the
// machine's full speed.

/** Jiffies of all CPUs since boot: everything, and what was stolen. */
export interface CpuTimes {
  total: number;
  steal: number;
}

/** Reads the machine's `cpu` line: user nice system idle iowait irq softirq steal (guest ones are in user). */
export function parseCpuLine(stat: string): CpuTimes | undefined {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  const fields = line?.trim().split(/\s+/).slice(1, 9).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7]! };
}

/** Percent of the CPU time between two readings that was stolen; undefined if it cannot be told. */
export function stolenPercent(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}
