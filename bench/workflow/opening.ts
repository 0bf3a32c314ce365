// The workflow suite's opening: new conversations/s (from the carrier's signal to routed), then
// the open conversations the MOs go into, as fast as the server routes them, with the worker's RSS
// and the rate read at every 1,000 routed.
import { rssMb } from '../cpu.js';
import { blockRates, milestones } from '../milestones.js';
import { boundedRun, MAX_UNPROCESSED, NEW_ROW, OPEN, OPEN_CONCURRENCY, OPEN_ROW } from '../mo-load.js';
import { until, type Reporter } from '../reporter.js';
import { latencyRow } from '../stats.js';
import type { WorkflowStack } from './stack.js';

const NEW = Number(process.env.BENCH_NEW_CONVERSATIONS ?? 500);
/** Kept, of the budget, for what follows the opening of conversations: the MOs and the Updates. */
const RESERVE_MS = 110_000;
/** The new-conversation phase is bounded too: at most this long signalling. */
const NEW_MS = 60_000;
/** The RSS and the new-conversation rate are read at every this many open conversations. */
const MARK_EVERY = 1_000;
const n = (x: number) => x.toLocaleString('en-US');

export async function openConversations(r: Reporter, s: WorkflowStack) {
  // 1. New conversations: from the carrier's signal to routed (waiting in the router's queue).
  s.meter.start();
  let start = performance.now();
  const { done: created, latencies: signalLatency } = await boundedRun(
    r,
    'new conversations signalled',
    0,
    NEW,
    { concurrency: 50, stopAt: Date.now() + NEW_MS },
    (i) => s.text(i, 'hello', `new-${i}`),
  );
  await until(r, 'new conversations routed', created, s.waiting);
  const newRate = created / ((performance.now() - start) / 1000);
  r.row({
    name: NEW_ROW,
    rate: newRate,
    unit: 'conv/s',
    target: '>= 50/s',
    note: `n=${created}${created < NEW ? ` of ${NEW} (signalled for ${NEW_MS / 1000} s)` : ''}, 50 at once; ${s.meter.note(created)}`,
  });
  r.row(
    latencyRow("a new conversation's first MO accepted (takeMessage update-with-start)", signalLatency, { target: '' }),
  );

  // 2. The open conversations, as fast as the server takes them: many in flight, at most
  // MAX_UNPROCESSED not yet routed; stopped early if the budget would not leave room for what
  // follows. The worker's RSS and the rate are read at every MARK_EVERY routed (all of them wait in
  // the router: does each cost more as its waiting list grows? does RSS level off once the cache
  // is full?).
  s.meter.start();
  start = performance.now();
  const workerRss = () => rssMb(s.workerPid);
  const marks = milestones(MARK_EVERY, created, start);
  const routed = async () => {
    const w = await s.waiting();
    marks.record(w, performance.now(), workerRss);
    return w;
  };
  // Read every second too: the pacing reads it only while the opening waits for the router.
  const sampler = setInterval(() => void routed().catch(() => undefined), 1000);
  r.cleanup(() => clearInterval(sampler));
  const { done: open } = await boundedRun(
    r,
    'open conversations created',
    created,
    OPEN,
    { concurrency: OPEN_CONCURRENCY, stopAt: r.deadline - RESERVE_MS, behind: routed, maxBehind: MAX_UNPROCESSED },
    (i) => s.text(i, 'hello', `open-${i}`),
  ).finally(() => clearInterval(sampler));
  // What the floor opens as many of: the conversations the MOs below go into (handed on before the
  // wait, so a suite that misses from here on still gives the floor its count).
  r.handoff.openConversations = open;
  await until(r, 'open conversations routed', open, routed, 1000);
  marks.end(open, performance.now(), workerRss);
  const openSeconds = (performance.now() - start) / 1000;
  r.row({
    name: OPEN_ROW,
    rate: (open - created) / openSeconds,
    unit: 'conv/s',
    note: `${n(open)} open${open < OPEN ? ` (stopped at the budget: ${n(open)} of ${n(OPEN)})` : ''} in ${openSeconds.toFixed(0)} s; ${s.meter.note(open - created)}`,
  });
  r.row({
    name: `open conversations created, per ${n(MARK_EVERY)} routed (all waiting in the router)`,
    unit: 'conv/s',
    note: blockRates(marks.start, marks.marks),
  });
  const rssOpen = rssMb(s.workerPid);

  return { open, rssOpen, marks: marks.marks };
}
