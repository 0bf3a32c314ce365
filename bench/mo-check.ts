// Whether every MO showed in its conversation (or floor workflow), once: the MO phase's check and
// its end, shared by the workflow suite and the floor so both are timed the same way.
import type { Client } from '@temporalio/client';
import { ConditionMissed, type Reporter } from './reporter.js';

/** How many MOs each target gets, plus `base` (the message that opened it). */
export function expectedCounts(targets: number[], base: number): Map<number, number> {
  const expected = new Map<number, number>();
  for (const t of targets) expected.set(t, (expected.get(t) ?? base) + 1);
  return expected;
}

/**
 * Waits until every workflow in `expected` shows its count (`count` reads one), re-reading only
 * the ones not there yet, `concurrency` at a time. Throws a ConditionMissed at the deadline; at
 * `stopAt`, if given, returns what it found so far (`short`: workflows not seen complete).
 */
export async function untilAllShown(
  r: Reporter,
  what: string,
  expected: Map<number, number>,
  count: (i: number) => Promise<number>,
  concurrency = 20,
  stopAt = Infinity,
): Promise<{ shown: number; extra: number; passes: number; short: number }> {
  const want = [...expected.values()].reduce((a, b) => a + b, 0);
  let pending = [...expected.keys()];
  let shown = 0;
  let extra = 0;
  for (let passes = 1; ; passes++) {
    const left: number[] = [];
    let next = 0;
    const lane = async () => {
      // A pass over thousands of workflows under load is long: the budget is watched inside it.
      while (next < pending.length && Date.now() <= Math.min(r.deadline, stopAt)) {
        const i = pending[next++]!;
        const got = await count(i).catch(() => -1); // a query timed out under load: not yet
        if (got >= expected.get(i)!) {
          shown += expected.get(i)!;
          extra += got - expected.get(i)!;
        } else left.push(i);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    r.progress(what, shown, want);
    pending = [...left, ...pending.slice(next)];
    if (pending.length === 0 || Date.now() > stopAt) return { shown, extra, passes, short: pending.length };
    if (Date.now() > r.deadline)
      throw new ConditionMissed(
        `benchmark condition not reached: ${shown} of ${want} ${what} (${pending.length} workflows short)`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** True once none of these workflows has a workflow task pending: read from the server, no replay. */
export async function noTaskPending(client: Client, ids: string[]): Promise<boolean> {
  for (const id of ids) {
    if ((await client.workflow.getHandle(id).describe()).raw.pendingWorkflowTask) return false;
  }
  return true;
}

/**
 * The MO phase's end: when the last-sent targets (up to 100 of them, the likeliest to be behind)
 * have no workflow task pending (`settled`, a server read, no replay), if the message check then
 * finds every message at once; else when the check finished. The check, a query per workflow (a
 * replay for a cold one), is not timed when it need not be, and gets at most `checkMs`: what it
 * could not check in that time, the verdict says.
 */
export async function timedUntilShown(
  r: Reporter,
  what: string,
  start: number,
  sent: number[],
  o: {
    settled: (i: number) => Promise<boolean>;
    count: (i: number) => Promise<number>;
    onSettled: () => void;
    checkMs: number;
  },
) {
  const expected = expectedCounts(sent, 1);
  const recent = new Map<number, number>();
  for (let k = sent.length - 1; k >= 0 && recent.size < 100; k--) recent.set(sent[k]!, 1);
  await untilAllShown(r, `${what}: last targets with no task pending`, recent, async (i) =>
    (await o.settled(i)) ? 1 : 0,
  );
  const drained = performance.now();
  o.onSettled();
  // Within the suite's budget too: a check cut short is a verdict, not a miss that loses the rate.
  const stopAt = Math.min(Date.now() + o.checkMs, r.deadline - 5_000);
  const { shown, extra, passes, short } = await untilAllShown(r, what, expected, o.count, 20, stopAt);
  const checked = performance.now();
  const end = passes === 1 && short === 0 ? drained : checked;
  const how =
    passes === 1 && short === 0
      ? `timed to no task pending; messages checked after, untimed, in ${((checked - drained) / 1000).toFixed(0)} s`
      : `timed to the message check's end (${passes} passes)`;
  // `shown` counts each complete target's opening message too; those not seen complete add nothing.
  const got = shown - (expected.size - short);
  const verdict =
    short === 0
      ? `every one shown: ${got} of ${sent.length} (lost ${sent.length - got}, twice ${extra})`
      : `${short} of ${expected.size} conversations not seen complete in the ${o.checkMs / 1000} s check (not yet shown or lost); the rest showed ${got} MOs, twice ${extra}`;
  return { seconds: (end - start) / 1000, verdict, how, complete: short === 0, expected };
}
