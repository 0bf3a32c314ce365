// The MO load the workflow suite and the floor share, so the floor is measured on the same work:
// as many open workflows, created as many at once, then as many signals spread uniformly at random
// over all of them (so with the default worker cache most land on a cold workflow), as many in
// flight, every one checked as shown.
import type { Reporter } from './reporter.js';

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
