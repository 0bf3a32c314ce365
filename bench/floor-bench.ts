// The floor: the workflow suite's load (as many open workflows as its MOs went into, opened the
// same way; the same signals and payload, uniform spread over them, concurrency and check) on the
// same on-disk dev server and worker settings (cache included, so most signals meet a cold
// workflow), into a workflow that only counts. Switchboard's MO and new-conversation rates are
// read as shares of these rates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { testConfig } from '../harness/test-config.js';
import { startProcess, stopWithin, writeConfigFile } from '../harness/child-process.js';
import { connectClient } from '../platform/temporal/connection.js';
import { threadIdFor } from '../config/identifiers.js';
import { customerMessageSignal } from '../workflows/contract/definitions.js';
import { floorCountQuery, floorWorkflow } from './floor/workflow.js';
import {
  customer,
  CHECK_MS,
  FLOOR_OPEN_ROW,
  FLOOR_ROW,
  INBOUND,
  moTargets,
  MAX_UNPROCESSED,
  OPEN,
  OPEN_CONCURRENCY,
  boundedRun,
  sendMoPhase,
} from './mo-load.js';
import { noTaskPending, timedUntilShown, untilAllShown } from './mo-check.js';
import { cpuMeter } from './cpu.js';
import { firstNotDone } from './floor/handled.js';
import type { Reporter } from './reporter.js';

const BIZ = '+15551230000';
/** Kept for the MO phase and its check, of the budget. */
const RESERVE_MS = 70_000;
/** Opened when the floor runs without the workflow suite before it and no size is given: it fits the budget. */
const ALONE_OPEN = 3_000;
const n = (x: number) => x.toLocaleString('en-US');

export async function runFloorBench(r: Reporter): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'switchboard-floor-'));
  r.cleanup(() => rmSync(dbDir, { recursive: true, force: true }));
  const dbFilename = join(dbDir, 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  r.cleanup(() => env.teardown());
  const config = testConfig({ ronaTimeoutSeconds: 3600, capacity: 50 });
  const worker = await startProcess(
    'bench/floor/worker.ts',
    { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: env.address },
    /floor worker ready/,
  );
  r.cleanup(() => stopWithin(worker));
  const client = await connectClient(config, env.address);
  r.cleanup(() => client.connection.close());
  const meter = cpuMeter(env.address, worker.process.pid!);
  const number = config.numbers.find((x) => x.number === BIZ)!;
  const id = (i: number) => threadIdFor(config, BIZ, customer(i));
  // The thread's own signalWithStart, argument for argument; only the workflow type differs.
  const text = (i: number, body: string, messageId: string) =>
    client.workflow.signalWithStart(floorWorkflow, {
      workflowId: id(i),
      taskQueue: config.temporal.taskQueue,
      args: [{ maxHistory: config.temporal.historyLimit }],
      signal: customerMessageSignal,
      signalArgs: [
        {
          message: { id: messageId, text: body, receivedAt: new Date().toISOString() },
          businessNumber: BIZ,
          customerNumber: customer(i),
          numberType: number.type,
          queueId: number.queue,
        },
      ],
    });
  const count = (i: number) => client.workflow.getHandle(id(i)).query(floorCountQuery);

  // The open workflows first, as many as the workflow suite's MOs went into (when it ran before).
  const want = r.handoff.openConversations ?? (process.env.BENCH_OPEN_CONVERSATIONS ? OPEN : ALONE_OPEN);
  const from =
    r.handoff.openConversations !== undefined
      ? "the workflow suite's count"
      : process.env.BENCH_OPEN_CONVERSATIONS
        ? 'BENCH_OPEN_CONVERSATIONS'
        : 'the default run alone';
  const processed = async (i: number) => !(await client.workflow.getHandle(id(i)).describe()).raw.pendingWorkflowTask;
  // Paced as the workflow suite's opening: at most as many opened as not yet processed (no first
  // task pending), so the server is not swamped with thousands of pending first tasks.
  let started = 0;
  let handled = 0;
  meter.start();
  let start = performance.now();
  const opened = await boundedRun(
    r,
    'floor workflows opened',
    0,
    want,
    {
      concurrency: OPEN_CONCURRENCY,
      stopAt: r.deadline - RESERVE_MS,
      behind: async () => (handled = await firstNotDone(handled, started, (i) => processed(i).catch(() => false))),
      maxBehind: MAX_UNPROCESSED,
    },
    (i) => {
      started = Math.max(started, i + 1);
      return text(i, 'hello', `new-${i}`);
    },
  );
  const open = opened.done;
  // Opened once the last ones opened have no task pending (the queue's backlog does not see the
  // worker's sticky queue, so it reads empty while thousands of first tasks still wait there).
  const last = new Map([...Array(Math.min(100, open)).keys()].map((k) => [open - 1 - k, 1]));
  await untilAllShown(r, 'last floor workflows opened with no task pending', last, async (i) =>
    (await processed(i)) ? 1 : 0,
  );
  const openSeconds = (performance.now() - start) / 1000;
  r.row({
    name: FLOOR_OPEN_ROW,
    rate: open / openSeconds,
    unit: 'conv/s',
    note: `${n(open)} of ${n(want)} (${from}) in ${openSeconds.toFixed(0)} s, ${OPEN_CONCURRENCY} at once, at most ${MAX_UNPROCESSED} not yet processed${open < want ? '; stopped at the budget' : ''}; ${meter.note(open)}`,
  });
  const targets = moTargets(INBOUND, open);
  meter.start();
  start = performance.now();
  const sent = await sendMoPhase(r, 'floor signals sent', targets, text);
  let cpu = '';
  const { seconds, verdict, how, expected } = await timedUntilShown(
    r,
    'floor signals counted',
    start,
    targets.slice(0, sent),
    {
      settled: (i) => noTaskPending(client, [id(i)]),
      count,
      onSettled: () => (cpu = meter.note(sent)),
      checkMs: CHECK_MS,
    },
  );
  const rate = sent / seconds;
  r.row({
    name: FLOOR_ROW,
    rate,
    unit: 'msg/s',
    note: `n=${sent} into ${n(expected.size)} of ${n(open)} open workflows; ${verdict}; ${how}; ${cpu}`,
  });
}
