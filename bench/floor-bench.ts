// The floor: the workflow suite's MO load (the same signals and payload, as many open workflows,
// the same uniform spread over them, concurrency and check) on the same on-disk dev server and
// worker settings (cache included, so most signals meet a cold workflow), into a workflow that
// only counts. Switchboard's MO rate is read as a share of this rate.
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
  FLOOR_ROW,
  INBOUND,
  moTargets,
  OPEN,
  OPEN_CONCURRENCY,
  boundedRun,
  sendMoPhase,
  untilAllShown,
  noTaskPending,
  timedUntilShown,
} from './mo-load.js';
import { cpuMeter } from './cpu.js';
import type { Reporter } from './reporter.js';

const BIZ = '+15551230000';
/** Kept for the MO phase and its check, of the budget. */
const RESERVE_MS = 100_000;

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
  const number = config.numbers.find((n) => n.number === BIZ)!;
  // The thread's own signalWithStart, argument for argument; only the workflow type differs.
  const text = (i: number, body: string, id: string) =>
    client.workflow.signalWithStart(floorWorkflow, {
      workflowId: threadIdFor(config, BIZ, customer(i)),
      taskQueue: config.temporal.taskQueue,
      args: [{ maxHistory: config.temporal.historyLimit }],
      signal: customerMessageSignal,
      signalArgs: [
        {
          message: { id, text: body, receivedAt: new Date().toISOString() },
          businessNumber: BIZ,
          customerNumber: customer(i),
          numberType: number.type,
          queueId: number.queue,
        },
      ],
    });
  const count = (i: number) => client.workflow.getHandle(threadIdFor(config, BIZ, customer(i))).query(floorCountQuery);

  // The open workflows first, as the workflow suite's MOs go into conversations already open.
  let start = performance.now();
  const opened = await boundedRun(
    r,
    'floor workflows opened',
    0,
    OPEN,
    { concurrency: OPEN_CONCURRENCY, stopAt: r.deadline - RESERVE_MS },
    (i) => text(i, 'hello', `new-${i}`),
  );
  const open = opened.done;
  // Opened once the last ones opened have no task pending (the queue's backlog does not see the
  // worker's sticky queue, so it reads empty while thousands of first tasks still wait there).
  const last = new Map([...Array(Math.min(100, open)).keys()].map((k) => [open - 1 - k, 1]));
  await untilAllShown(r, 'last floor workflows opened with no task pending', last, async (i) =>
    (await noTaskPending(client, [threadIdFor(config, BIZ, customer(i))])) ? 1 : 0,
  );
  const openRate = open / ((performance.now() - start) / 1000);
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
      settled: (i) => noTaskPending(client, [threadIdFor(config, BIZ, customer(i))]),
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
    note: `n=${sent} into ${expected.size} of ${open} open workflows (opened at ${openRate.toFixed(0)}/s); ${verdict}; ${how}; ${cpu}`,
  });
}
