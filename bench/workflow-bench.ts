// The durable core on an embedded (on-disk) dev server, the worker in its own process so its
// memory can be read: new conversations/s, inbound messages/s, Update round trips, RSS at N open.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { Worker } from '@temporalio/worker';
import { connectClient, connectNative } from '../platform/temporal/connection.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { smsTaskQueue } from '../workflows/contract/activities.js';
import {
  actUpdate,
  agentsQuery,
  queuesQuery,
  setStatusUpdate,
  stateQuery,
  threadQuery,
} from '../workflows/contract/definitions.js';
import { routerId, threadId } from '../workflows/contract/ids.js';
import { testConfig } from '../harness/test-config.js';
import { startProcess, writeConfigFile } from '../harness/child-process.js';
import { latencyRow, pool, type Row } from './stats.js';

const NEW = Number(process.env.BENCH_NEW_CONVERSATIONS ?? 500);
const INBOUND = Number(process.env.BENCH_INBOUND_MESSAGES ?? 3000);
const OPEN = Number(process.env.BENCH_OPEN_CONVERSATIONS ?? 10000);
const BIZ = '+15551230000';
const customer = (i: number) => `+1555${String(1000000 + i).slice(1)}`;

/** Polls `probe`; polling is itself load on the server and worker, so heavy probes poll slowly. */
async function until(probe: () => Promise<boolean>, everyMs = 100, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A probe that times out under load (a query waits behind the work) means "not yet".
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('benchmark condition not reached');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** CPU seconds (user + system) a process has used: where the work goes, server or worker. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const serverPid = (port: string) =>
  Number(
    execFileSync('pgrep', ['-f', `start-dev.*--port ${port}`], { encoding: 'utf8' })
      .trim()
      .split('\n')[0],
  );

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export async function runWorkflowBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dbFilename = join(mkdtempSync(join(tmpdir(), 'switchboard-bench-')), 'temporal.db');
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
  const router = client.workflow.getHandle(routerId(config.temporal.instance));
  const waiting = async () => (await router.query(queuesQuery)).reduce((n, q) => n + q.waiting, 0);
  const text = (i: number, body: string, id: string) =>
    submitCustomerText(client, config, {
      from: customer(i),
      to: BIZ,
      message: { id, text: body, receivedAt: new Date().toISOString() },
    });
  const spid = serverPid(env.address.split(':').at(-1)!);
  const wpid = worker.process.pid!;
  const cpu = () => ({
    server: cpuSeconds(spid),
    worker: cpuSeconds(wpid),
    bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  const cpuNote = (before: ReturnType<typeof cpu>, n: number) => {
    const after = cpu();
    const per = (k: keyof typeof after) => (((after[k] - before[k]) / n) * 1000).toFixed(1);
    return `CPU ms per item: server ${per('server')}, worker ${per('worker')}, bench ${per('bench')}`;
  };
  try {
    // 1. New conversations: from the carrier's signal to routed (waiting in the router's queue).
    let before = cpu();
    let start = performance.now();
    const signalLatency = await pool([...Array(NEW).keys()], 50, (i) => text(i, 'hello', `new-${i}`));
    await until(async () => (await waiting()) >= NEW);
    const newRate = NEW / ((performance.now() - start) / 1000);
    rows.push({
      name: 'new conversations (MO signal -> routed)',
      rate: newRate,
      unit: 'conv/s',
      target: '>= 50/s',
      note: `n=${NEW}; ${cpuNote(before, NEW)}`,
    });
    rows.push(latencyRow('MO signalWithStart accepted by Temporal', signalLatency, { target: '' }));

    // 2. Inbound messages into 50 open conversations; every one must show, once.
    const convs = 50;
    const ids = await Promise.all(
      [...Array(convs).keys()].map(
        async (i) =>
          (await client.workflow.getHandle(threadId(config.temporal.instance, BIZ, customer(i))).query(threadQuery))
            .current!,
      ),
    );
    before = cpu();
    start = performance.now();
    await pool([...Array(INBOUND).keys()], 100, (n) => text(n % convs, `msg ${n}`, `in-${n}`));
    const counts = async () =>
      (await Promise.all(ids.map((id) => client.workflow.getHandle(id).query(stateQuery)))).map(
        (s) => s.messages.filter((m) => m.direction === 'INBOUND').length,
      );
    await until(async () => (await counts()).reduce((a, b) => a + b, 0) >= convs + INBOUND, 1000);
    const inboundRate = INBOUND / ((performance.now() - start) / 1000);
    const total = (await counts()).reduce((a, b) => a + b, 0);
    rows.push({
      name: 'inbound messages into open conversations',
      rate: inboundRate,
      unit: 'msg/s',
      target: '>= 300/s, none lost',
      note: `n=${INBOUND}, shown ${total - convs} (lost ${INBOUND - (total - convs)}); ${cpuNote(before, INBOUND)}`,
    });

    // 3. Agent Update round trips: accept the offers, then replies.
    await router.executeUpdate(setStatusUpdate, { args: [{ agentId: 'alice', status: 'AVAILABLE' }] });
    let offers: string[] = [];
    await until(
      async () => (offers = (await router.query(agentsQuery)).find((a) => a.id === 'alice')!.offers).length >= 50,
    );
    // The router reserves first; the conversation shows the offer when its `assigned` signal lands.
    await until(
      async () =>
        (await Promise.all(offers.map((id) => client.workflow.getHandle(id).query(stateQuery)))).every(
          (s) => s.offer?.agentId === 'alice',
        ),
      500,
    );
    const accept = await pool(offers, 1, (id) =>
      client.workflow.getHandle(id).executeUpdate(actUpdate, { args: [{ type: 'accept', agentId: 'alice' }] }),
    );
    rows.push(latencyRow('Update round trip: accept', accept, { target: 'p99 <= 50 ms' }));
    const sends = [...Array(300).keys()];
    const reply = await pool(sends, 4, (n) =>
      client.workflow.getHandle(offers[n % offers.length]!).executeUpdate(actUpdate, {
        args: [{ type: 'send', agentId: 'alice', text: `reply ${n}`, clientMessageId: `b${n}` }],
      }),
    );
    rows.push(latencyRow('Update round trip: reply (4 agents at once)', reply, { target: 'p99 <= 50 ms' }));

    // 4. Many open conversations: the worker's memory with its bounded workflow cache.
    start = performance.now();
    await pool([...Array(Math.max(0, OPEN - NEW)).keys()], 100, (i) => text(NEW + i, 'hello', `open-${i}`));
    await until(async () => (await waiting()) + 50 >= OPEN);
    rows.push({
      name: `worker RSS with ${OPEN} open conversations`,
      rate: rssMb(worker.process.pid!),
      unit: 'MB',
      target: '< 1536 MB',
      note: `created in ${((performance.now() - start) / 1000).toFixed(0)} s`,
    });
  } finally {
    sms.shutdown();
    await smsDone;
    await worker.kill('SIGTERM');
    await client.connection.close();
    await env.teardown();
  }
  return rows;
}
