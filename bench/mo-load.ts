// The MO load the workflow suite and the floor share, so the floor is measured on the same work:
// as many open workflows, created as many at once, then as many signals spread uniformly at random
// over all of them (so with the default worker cache most land on a cold workflow), as many in
// flight, every one checked as shown.
import type { Client } from '@temporalio/client';
import { ConditionMissed, type Reporter } from './reporter.js';

export const INBOUND = Number(process.env.BENCH_INBOUND_MESSAGES ?? 3000);
/** Open workflows the MOs are spread over. */
export const OPEN = Number(process.env.BENCH_OPEN_CONVERSATIONS ?? 10000);
/** Signals in flight at once while opening them (as many as the server takes without refusing). */
export const OPEN_CONCURRENCY = 200;
/** Opened but not yet processed (routed, or first task done), at most: the system's own pace. */
export const MAX_UNPROCESSED = 300;
/** The MOs are sent for at most this long (then the ones sent are the count): a bounded phase. */
export const MO_SEND_MS = Number(process.env.BENCH_MO_SEND_S ?? 15) * 1000;
/** The per-conversation check after the MO phase gets at most this long (it is a replay each). */
export const CHECK_MS = Number(process.env.BENCH_MO_CHECK_S ?? 40) * 1000;
/** MOs in flight at once. */
export const INBOUND_CONCURRENCY = 100;
/** The MO text of the n-th message: the same payload size in both suites. */
export const moText = (n: number) => `msg ${n}`;
export const customer = (i: number) => `+1555${String(1000000 + i).slice(1)}`;

export const MO_ROW = 'inbound messages into open conversations';
export const FLOOR_ROW = 'floor: the same signals into a trivial workflow';
export const NEW_ROW = 'new conversations (MO signal -> routed)';
export const OPEN_ROW = `open conversations created (${OPEN_CONCURRENCY} at once)`;
export const FLOOR_OPEN_ROW = 'floor: as many workflows opened the same way';

/** Which open workflow (0..open-1) each of `count` MOs goes to: uniform, seeded, the same every run. */
export function moTargets(count: number, open: number, seed = 0x5eed): number[] {
  let a = seed >>> 0;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return Array.from({ length: count }, () => Math.floor(next() * open));
}

/**
 * Runs task(first..target-1) with `concurrency` in flight, starting none after `stopAt` (epoch ms)
 * and, with `behind`, none while more than `maxBehind` started ones are not yet handled (behind()
 * says how many are, read at most twice a second): the system's pace, with a bounded backlog, so
 * what is left to drain at the stop fits the budget. Resolves once every started one has landed.
 */
export async function boundedRun(
  r: Reporter,
  what: string,
  first: number,
  target: number,
  o: { concurrency: number; stopAt: number; behind?: () => Promise<number>; maxBehind?: number },
  task: (i: number) => Promise<unknown>,
): Promise<{ done: number; latencies: number[] }> {
  // The suite's own budget bounds every phase too, with a moment left to report.
  const stopAt = Math.min(o.stopAt, r.deadline - 3_000);
  let next = first;
  let done = first;
  let handled = first;
  let readAt = 0;
  const latencies: number[] = [];
  // Waits for more to be handled: reads behind() if it was not read in the last half second.
  const wait = async () => {
    if (Date.now() - readAt > 500) {
      readAt = Date.now();
      handled = await o.behind!().catch(() => handled);
    } else await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const lane = async () => {
    for (;;) {
      if (next >= target || Date.now() >= stopAt) return;
      // Checked and claimed with no await between, so lanes together cannot overshoot.
      if (o.behind && next - handled >= (o.maxBehind ?? 300)) {
        await wait();
        continue;
      }
      const i = next++;
      const t = performance.now();
      await task(i);
      latencies.push(performance.now() - t);
      r.progress(what, ++done, target);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  return { done, latencies };
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

/** An open-loop load of `perSecond` calls of `send` until stopped: the background for a latency. */
export function backgroundLoad(perSecond: number, send: (n: number) => Promise<unknown>) {
  const started = performance.now();
  let sent = 0;
  let failed = 0;
  let stopped = false;
  const inFlight = new Set<Promise<unknown>>();
  const loop = (async () => {
    while (!stopped) {
      const due = started + (sent * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped) break;
      const p = send(sent++).catch(() => void failed++);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await Promise.all(inFlight);
    return { sent, failed, perSecond: sent / ((performance.now() - started) / 1000) };
  };
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
  const got = shown - expected.size;
  const verdict =
    short === 0
      ? `every one shown: ${got} of ${sent.length} (lost ${sent.length - got}, twice ${extra})`
      : `${short} of ${expected.size} conversations not seen complete in the ${o.checkMs / 1000} s check (not yet shown or lost); the rest showed ${got} MOs, twice ${extra}`;
  return { seconds: (end - start) / 1000, verdict, how, complete: short === 0, expected };
}

/** How many MOs each target gets, plus `base` (the message that opened it). */
export function expectedCounts(targets: number[], base: number): Map<number, number> {
  const expected = new Map<number, number>();
  for (const t of targets) expected.set(t, (expected.get(t) ?? base) + 1);
  return expected;
}

/**
 * The MO phase both the floor and Switchboard run, so the ratio compares like with like: the same
 * spread (`targets`), concurrency and sending time. Returns how many were sent.
 */
export async function sendMoPhase(
  r: Reporter,
  what: string,
  targets: number[],
  text: (target: number, body: string, id: string) => Promise<unknown>,
): Promise<number> {
  const { done } = await boundedRun(
    r,
    what,
    0,
    INBOUND,
    { concurrency: INBOUND_CONCURRENCY, stopAt: Date.now() + MO_SEND_MS },
    (k) => text(targets[k]!, moText(k), `in-${k}`),
  );
  return done;
}
