// The floor: the workflow suite's MO load (the same signals, payload, open workflows, concurrency
// and polling) on the same on-disk dev server and worker settings, into a workflow that only
// counts. Switchboard's MO rate is read as a share of this rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { testConfig } from '../harness/test-config.js';
import { startProcess, writeConfigFile } from '../harness/child-process.js';
import { connectClient } from '../platform/temporal/connection.js';
import { threadIdFor } from '../config/identifiers.js';
import { customerMessageSignal } from '../workflows/contract/definitions.js';
import { floorCountQuery, floorWorkflow } from './floor/workflow.js';
import { INBOUND, INBOUND_CONCURRENCY, INBOUND_POLL_MS, INBOUND_TARGETS, FLOOR_ROW, moText } from './mo-load.js';
import { cpuMeter } from './cpu.js';
import { until, type Reporter } from './reporter.js';
import { pool } from './stats.js';

const BIZ = '+15551230000';
const customer = (i: number) => `+1555${String(1000000 + i).slice(1)}`;

export async function runFloorBench(r: Reporter): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'switchboard-floor-'));
  const dbFilename = join(dbDir, 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  const config = testConfig({ ronaTimeoutSeconds: 3600, capacity: 50 });
  const worker = await startProcess(
    'bench/floor/worker.ts',
    { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: env.address },
    /floor worker ready/,
  );
  const client = await connectClient(config, env.address);
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
  const ids = [...Array(INBOUND_TARGETS).keys()].map((i) => threadIdFor(config, BIZ, customer(i)));
  const seen = async () =>
    (await Promise.all(ids.map((id) => client.workflow.getHandle(id).query(floorCountQuery)))).reduce(
      (a, b) => a + b,
      0,
    );
  try {
    // The open workflows first, as the workflow suite's MOs go into conversations already open.
    await pool([...Array(INBOUND_TARGETS).keys()], INBOUND_CONCURRENCY, (i) => text(i, 'hello', `new-${i}`));
    await until(r, 'floor workflows open', INBOUND_TARGETS, seen);
    meter.start();
    const start = performance.now();
    await pool(
      [...Array(INBOUND).keys()],
      INBOUND_CONCURRENCY,
      (n) => text(n % INBOUND_TARGETS, moText(n), `in-${n}`),
      (done) => (r.progress('floor signals sent', done, INBOUND), r.check()),
    );
    await until(r, 'floor signals counted', INBOUND_TARGETS + INBOUND, seen, INBOUND_POLL_MS);
    const rate = INBOUND / ((performance.now() - start) / 1000);
    const lost = INBOUND_TARGETS + INBOUND - (await seen());
    r.row({
      name: FLOOR_ROW,
      rate,
      unit: 'msg/s',
      note: `n=${INBOUND} into ${INBOUND_TARGETS} workflows, lost ${lost}; ${meter.note(INBOUND)}`,
    });
  } finally {
    await worker.kill('SIGTERM');
    await client.connection.close();
    await env.teardown();
    rmSync(dbDir, { recursive: true, force: true });
  }
}
