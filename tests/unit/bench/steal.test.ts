import { describe, expect, it } from 'vitest';
import { parseCpuLine, stolenPercent } from '../../../bench/steal.js';

// The run's row saying how much of the machine it had: read from /proc/stat's `cpu` line.
describe('CPU time stolen by the hypervisor', () => {
  const stat = (steal: number, idle: number) =>
    `cpu  1000 10 200 ${idle} 5 0 5 ${steal} 0 0\ncpu0 500 5 100 ${idle / 2} 2 0 2 ${steal / 2} 0 0\n`;

  it('is the share of all CPU time between two readings that went to other guests', () => {
    const before = parseCpuLine(stat(100, 2000));
    const after = parseCpuLine(stat(350, 2750));
    expect(before).toEqual({ total: 3320, steal: 100 });
    expect(stolenPercent(before, after)).toBeCloseTo(25);
  });

  it('cannot be told from a line that is missing or malformed, or from no time passing', () => {
    expect(parseCpuLine('intr 12 3\n')).toBeUndefined();
    expect(parseCpuLine('cpu  1 2 three 4 5 6 7 8\n')).toBeUndefined();
    expect(parseCpuLine('cpu  1 2 3\n')).toBeUndefined();
    const now = parseCpuLine(stat(100, 2000));
    expect(stolenPercent(now, now)).toBeUndefined();
    expect(stolenPercent(undefined, now)).toBeUndefined();
  });
});
