// One suite in a process of its own (forked by bench/suite-process.ts): whatever the suite leaves
// behind (heap, native memory of a worker, timers, sockets) ends with this process, and a suite that
// crashes it costs only itself. Its rows and progress go to the runner as they happen, over IPC, so
// a crash keeps what was measured up to it.
import { ConditionMissed, createReporter, type Handoff } from './reporter.js';
import type { Row } from './stats.js';
import type { SuiteMessage, SuiteOrder } from './suite-protocol.js';

/** Progress is reported per item in some loops: sent at most this often (the latest step). */
const PROGRESS_EVERY_MS = 500;
type Suite = (r: ReturnType<typeof createReporter>) => Promise<Row[] | void>;

// Once the runner is gone there is no one to tell: the message is dropped, not thrown.
const send = (message: SuiteMessage) =>
  new Promise<void>((resolve) => (process.connected ? process.send!(message, () => resolve()) : resolve()));
const order = JSON.parse(process.env.BENCH_SUITE_ORDER ?? 'null') as SuiteOrder | null;
if (!order || !process.send) {
  console.error('bench/suite-child.ts is started by bench/run.ts');
  process.exit(2);
}

let lastStep = '';
let sentAt = 0;
const flushProgress = () => {
  sentAt = Date.now();
  void send({ kind: 'progress', howFar: lastStep });
};
const handoff: Handoff = order.handoff;
const r = createReporter(order.budget, handoff, {
  rows: (rows) => void send({ kind: 'rows', rows }),
  progress(howFar) {
    lastStep = howFar;
    if (Date.now() - sentAt >= PROGRESS_EVERY_MS) flushProgress();
  },
});

// Stopped by the runner (the budget overrun, Ctrl-C, a CI timeout), or the runner is gone (its IPC
// channel closed): stop what the suite started.
const stopNow = (code: number) => () =>
  void r
    .stopAll()
    .then((errors) => send({ kind: 'cleaned', errors }))
    .finally(() => process.exit(code));
process.once('SIGTERM', stopNow(143));
process.once('disconnect', stopNow(1));
// An error no one caught (often inside a client library once a server is stopped) is a row, not a
// crash: the suite may still finish.
const stray = (error: unknown) => {
  console.error('an error the suite did not catch:', error);
  const why = error instanceof Error ? error.message : String(error);
  void send({ kind: 'stray', why: why.slice(0, 160) });
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);

const finish = async (message: SuiteMessage) => {
  flushProgress();
  await send(message);
  const errors = await r.stopAll();
  await send({ kind: 'cleaned', errors });
  // Exit explicitly: a suite may still hold sockets or timers.
  process.exit(0);
};
try {
  const mod = (await import(order.module)) as Record<string, Suite>;
  const run = mod[order.fn];
  if (!run) throw new Error(`${order.module} has no ${order.fn}`);
  const returned = (await run(r)) ?? [];
  await finish({ kind: 'end', returned, handoff });
} catch (error) {
  const why = error instanceof Error ? error.message : String(error);
  console.error(`the ${order.name} benchmark did not complete:`, error instanceof ConditionMissed ? why : error);
  await finish({ kind: 'failed', why, howFar: r.howFar(), handoff });
}
