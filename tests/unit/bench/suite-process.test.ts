import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSuiteProcess } from '../../../bench/suite-process.js';

// The runner forks every suite into a process of its own: what it measured survives its failure,
// its crash and its overrun, and nothing it started outlives it.
const fixtures = new URL('./suite-fixtures.ts', import.meta.url).href;
const run = (fn: string, budget = 30) =>
  runSuiteProcess({ name: fn, module: fixtures, fn, budget, handoff: {} }, 300, 5_000).outcome;

/** Gone, or a zombie waiting to be reaped (killed all the same). */
const gone = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

describe('a suite in its own process', () => {
  it('hands back its rows, returned rows and hand-off, and reports its clean-up', async () => {
    const out = await run('completes');
    expect(out.missed).toBeUndefined();
    expect(out.rows.map((r) => r.name)).toEqual(['measured', 'returned']);
    expect(out.handoff.openConversations).toBe(7);
    expect(out.cleanupErrors).toEqual([]);
  });

  it('keeps the rows measured before a miss and says how far it got', async () => {
    const out = await run('misses');
    expect(out.rows.map((r) => r.name)).toEqual(['measured before the miss']);
    expect(out.missed).toBe('benchmark condition not reached; got 3 of 10 things done');
    expect(out.cleanupErrors).toEqual([]);
  });

  it('survives a crash with its rows, and kills what the crashed suite started', async () => {
    const out = await run('crashes');
    expect(out.rows.map((r) => r.name)).toEqual(['measured before the crash']);
    expect(out.missed).toBe('its process ended (SIGKILL); got 2 of 5 steps');
    expect(out.cleanupErrors).toEqual(['the suite did not report its clean-up: its processes were killed']);
    const pid = Number(out.rows[0]!.note);
    await expect.poll(() => gone(pid), { timeout: 5_000 }).toBe(true);
  });

  it('stops a suite that overruns its budget, which still runs its clean-up', async () => {
    const out = await run('hangs', 0.5);
    expect(out.missed).toBe('budget of 0.5 s spent, and not stopped 0.3 s later; got 1 of 2 waits');
    expect(out.cleanupErrors).toEqual([]);
  });
});
