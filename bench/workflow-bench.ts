// The durable core on an embedded (on-disk) dev server, the worker in its own process so its
// memory can be read: new conversations/s, inbound messages/s, Update round trips, RSS at N open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { Worker } from '@temporalio/worker';
import { connectClient, connectNative } from '../platform/temporal/connection.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { smsTaskQueue } from '../workflows/contract/activities.js';
import { actUpdate, stateQuery, threadQuery } from '../workflows/contract/definitions.js';
import { threadId } from '../workflows/contract/ids.js';
import { Routers } from '../platform/temporal/routers.js';
import { testConfig } from '../harness/test-config.js';
import { startProcess, writeConfigFile } from '../harness/child-process.js';
import { INBOUND, INBOUND_CONCURRENCY, INBOUND_POLL_MS, INBOUND_TARGETS, MO_ROW, moText } from './mo-load.js';
import { cpuMeter, rssMb } from './cpu.js';
import { until, type Reporter } from './reporter.js';
import { latencyRow, pool } from './stats.js';

const NEW = Number(process.env.BENCH_NEW_CONVERSATIONS ?? 500);
const OPEN = Number(process.env.BENCH_OPEN_CONVERSATIONS ?? 10000);
const OPEN_BATCH = 500;
const BIZ = '+15551230000';
const customer = (i: number) => `+1555${String(1000000 + i).slice(1)}`;

export async function runWorkflowBench(r: Reporter): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const dbFilename = join(dbDir, 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  const config = testConfig({ ronaTimeoutSeconds: 3600, capacity: 50 });
  const worker = await startProcess(
    'stack/main/worker.ts',
    { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: env.address },
    /worker ready/,
  );
  const client = await connectClient(config, env.address);
  const sms = await Worker.create({
    connection: await connectNative(config, env.address),
    taskQueue: smsTaskQueue(config.temporal.taskQueue),
    activities: { sendSms: async (r: { messageId: string }) => ({ carrierIds: [r.messageId], segments: 1 }) },
  });
  const smsDone = sms.run();
  const routers = new Routers(client, config);
  const waiting = async () => (await routers.queues()).reduce((n, q) => n + q.waiting, 0);
  const text = (i: number, body: string, id: string) =>
    submitCustomerText(client, config, {
      from: customer(i),
      to: BIZ,
      message: { id, text: body, receivedAt: new Date().toISOString() },
    });
  const meter = cpuMeter(env.address, worker.process.pid!);
  try {
    // 1. New conversations: from the carrier's signal to routed (waiting in the router's queue).
    meter.start();
    let start = performance.now();
    const signalLatency = await pool(
      [...Array(NEW).keys()],
      50,
      (i) => text(i, 'hello', `new-${i}`),
      (done) => (r.progress('new conversations signalled', done, NEW), r.check()),
    );
    await until(r, 'new conversations routed', NEW, waiting);
    const newRate = NEW / ((performance.now() - start) / 1000);
    r.row({
      name: 'new conversations (MO signal -> routed)',
      rate: newRate,
      unit: 'conv/s',
      target: '>= 50/s',
      note: `n=${NEW}; ${meter.note(NEW)}`,
    });
    r.row(latencyRow('MO signalWithStart accepted by Temporal', signalLatency, { target: '' }));

    // 2. Inbound messages into 50 open conversations; every one must show, once.
    const convs = INBOUND_TARGETS;
    const ids = await Promise.all(
      [...Array(convs).keys()].map(
        async (i) =>
          (await client.workflow.getHandle(threadId(config.temporal.instance, BIZ, customer(i))).query(threadQuery))
            .current!,
      ),
    );
    meter.start();
    start = performance.now();
    await pool(
      [...Array(INBOUND).keys()],
      INBOUND_CONCURRENCY,
      (n) => text(n % convs, moText(n), `in-${n}`),
      (done) => (r.progress('MOs sent into open conversations', done, INBOUND), r.check()),
    );
    const counts = async () =>
      (await Promise.all(ids.map((id) => client.workflow.getHandle(id).query(stateQuery)))).map(
        (s) => s.messages.filter((m) => m.direction === 'INBOUND').length,
      );
    const shown = async () => (await counts()).reduce((a, b) => a + b, 0);
    await until(r, 'messages shown in open conversations', convs + INBOUND, shown, INBOUND_POLL_MS);
    const inboundRate = INBOUND / ((performance.now() - start) / 1000);
    const total = await shown();
    r.row({
      name: MO_ROW,
      rate: inboundRate,
      unit: 'msg/s',
      target: '>= 300/s, none lost',
      note: `n=${INBOUND}, shown ${total - convs} (lost ${INBOUND - (total - convs)}); ${meter.note(INBOUND)}`,
    });

    // 3. Agent Update round trips: accept the offers, then replies.
    await routers.setStatus({ agentId: 'alice', status: 'AVAILABLE' });
    let offers: string[] = [];
    await until(
      r,
      'offers to alice',
      50,
      async () => (offers = (await routers.agents()).find((a) => a.id === 'alice')!.offers).length,
    );
    // The router reserves first; the conversation shows the offer when its `assigned` signal lands.
    await until(
      r,
      'offers shown by their conversations',
      offers.length,
      async () =>
        (await Promise.all(offers.map((id) => client.workflow.getHandle(id).query(stateQuery)))).filter(
          (s) => s.offer?.agentId === 'alice',
        ).length,
      500,
    );
    const accept = await pool(offers, 1, (id) =>
      client.workflow.getHandle(id).executeUpdate(actUpdate, { args: [{ type: 'accept', agentId: 'alice' }] }),
    );
    r.row(latencyRow('Update round trip: accept', accept, { target: 'p99 <= 50 ms' }));
    const sends = [...Array(300).keys()];
    const reply = await pool(sends, 4, (n) =>
      client.workflow.getHandle(offers[n % offers.length]!).executeUpdate(actUpdate, {
        args: [{ type: 'send', agentId: 'alice', text: `reply ${n}`, clientMessageId: `b${n}` }],
      }),
    );
    r.row(latencyRow('Update round trip: reply (4 agents at once)', reply, { target: 'p99 <= 50 ms' }));

    // 4. Many open conversations: the worker's memory with its bounded workflow cache. Creating
    // them is the slow part, so it goes in batches, each routed before the next, sized by the rate
    // seen so far to fit in what is left of the budget; the row says how many it reached.
    start = performance.now();
    let open = NEW;
    let rate = newRate;
    for (;;) {
      const left = (r.deadline - Date.now()) / 1000;
      const size = Math.min(OPEN_BATCH, OPEN - open, Math.floor(rate * left * 0.6));
      if (size < 1) break;
      const first = open;
      const batchStart = performance.now();
      await pool(
        [...Array(size).keys()],
        100,
        (i) => text(first + i, 'hello', `open-${first - NEW + i}`),
        (done) => (r.progress('open conversations created', first + done, OPEN), r.check()),
      );
      await until(r, 'open conversations routed', first + size, async () => (await waiting()) + 50, 500);
      open += size;
      rate = size / ((performance.now() - batchStart) / 1000);
    }
    const seconds = ((performance.now() - start) / 1000).toFixed(0);
    r.row({
      name: `worker RSS with ${open} open conversations`,
      rate: rssMb(worker.process.pid!),
      unit: 'MB',
      target: '< 1536 MB at 10,000',
      note: `${open < OPEN ? `stopped at the budget: ${open.toLocaleString('en-US')} of ${OPEN.toLocaleString('en-US')}` : `n=${OPEN}`}, created in ${seconds} s`,
    });
  } finally {
    sms.shutdown();
    await smsDone;
    await worker.kill('SIGTERM');
    await client.connection.close();
    await env.teardown();
    rmSync(dbDir, { recursive: true, force: true });
  }
}
