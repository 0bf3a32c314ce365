// Suites for the runner's own test (suite-process.test.ts): each behaves as a real one can, in the
// process the runner forks for it.
import { spawn } from 'node:child_process';
import { ConditionMissed, type Reporter } from '../../../bench/reporter.js';

/** Waits until everything sent so far over the IPC channel has been written (messages keep order). */
const flushed = () => new Promise((resolve) => process.send!({ kind: 'rows', rows: [] }, resolve));

export async function completes(r: Reporter) {
  r.row({ name: 'measured', p50: 1, unit: 'ms' });
  r.progress('items', 10, 10);
  r.handoff.openConversations = 7;
  r.cleanup(() => undefined);
  return [{ name: 'returned', unit: '' }];
}

export async function misses(r: Reporter) {
  r.row({ name: 'measured before the miss', unit: '' });
  r.progress('things done', 3, 10);
  await Promise.resolve();
  throw new ConditionMissed('benchmark condition not reached');
}

/** Starts a process of its own, then dies as if the OOM killer took it: no clean-up runs. */
export async function crashes(r: Reporter) {
  const left = spawn('sleep', ['300'], { stdio: 'ignore' });
  r.row({ name: 'measured before the crash', unit: '', note: String(left.pid) });
  r.progress('steps', 2, 5);
  r.cleanup(() => left.kill());
  await flushed();
  process.kill(process.pid, 'SIGKILL');
}

/** Ignores its budget: the runner has to stop it, and its clean-up still runs. */
export async function hangs(r: Reporter) {
  r.progress('waits', 1, 2);
  r.cleanup(() => undefined);
  await new Promise(() => undefined);
}
