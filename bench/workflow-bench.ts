// The durable core on an embedded (on-disk) dev server, the worker in its own process (default
// cache) so its memory can be read: new conversations/s; 10,000 open conversations, created as fast
// as the server routes them; MOs spread uniformly over all of them (most meet a cold workflow);
// Update round trips while MOs go on at half that rate; RSS with them open. Every phase is bounded.
import { retryRefusedUpdate } from '../platform/temporal/update-retry.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { Worker } from '@temporalio/worker';
import { connectClient, connectNative } from '../platform/temporal/connection.js';
import { DirectInbound } from '../platform/temporal/direct-inbound.js';
import { smsTaskQueue } from '../workflows/contract/activities.js';
import { actUpdate, stateQuery, threadQuery } from '../workflows/contract/definitions.js';
import { threadId } from '../workflows/contract/ids.js';
import { Routers } from '../platform/temporal/routers.js';
import { testConfig } from '../harness/test-config.js';
import { customerSearchValue } from '../config/identifiers.js';
import { startProcess, stopWithin, writeConfigFile } from '../harness/child-process.js';
import {
  backgroundLoad,
  customer,
  CHECK_MS,
  INBOUND,
  MAX_UNPROCESSED,
  MO_ROW,
  NEW_ROW,
  moTargets,
  moText,
  OPEN,
  OPEN_CONCURRENCY,
  OPEN_ROW,
  boundedRun,
  sendMoPhase,
  noTaskPending,
  timedUntilShown,
} from './mo-load.js';
import { cpuMeter, rssMb } from './cpu.js';
import { until, type Reporter } from './reporter.js';
import { latencyRow } from './stats.js';
import { blockRates, milestones, rssCurve } from './milestones.js';

const NEW = Number(process.env.BENCH_NEW_CONVERSATIONS ?? 500);
const BIZ = '+15551230000';
/** Kept, of the budget, for what follows the opening of conversations: the MOs and the Updates. */
const RESERVE_MS = 110_000;
/** The new-conversation phase is bounded too: at most this long signalling. */
const NEW_MS = 60_000;
/** The RSS and the new-conversation rate are read at every this many open conversations. */
const MARK_EVERY = 1_000;
const n = (x: number) => x.toLocaleString('en-US');

export async function runWorkflowBench(r: Reporter): Promise<void> {
  const dbDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  r.cleanup(() => rmSync(dbDir, { recursive: true, force: true }));
  const dbFilename = join(dbDir, 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  r.cleanup(() => env.teardown());
  const config = testConfig({ ronaTimeoutSeconds: 3600, capacity: 50 });
  // The worker as deployed, default cache (SWITCHBOARD_MAX_CACHED_WORKFLOWS unset: 1,000).
  const worker = await startProcess(
    'stack/main/worker.ts',
    {
      SWITCHBOARD_CONFIG: writeConfigFile(config),
      SWITCHBOARD_TEMPORAL_ADDRESS: env.address,
      SWITCHBOARD_MAX_CACHED_WORKFLOWS: process.env.SWITCHBOARD_MAX_CACHED_WORKFLOWS ?? '1000',
    },
    /worker ready/,
  );
  r.cleanup(() => stopWithin(worker));
  const client = await connectClient(config, env.address);
  r.cleanup(() => client.connection.close());
  const sms = await Worker.create({
    connection: await connectNative(config, env.address),
    taskQueue: smsTaskQueue(config.temporal.taskQueue),
    activities: { sendSms: async (r: { messageId: string }) => ({ carrierIds: [r.messageId], segments: 1 }) },
  });
  const smsDone = sms.run();
  r.cleanup(async () => {
    sms.shutdown();
    await smsDone;
  });
  const routers = new Routers(client, config);
  const waiting = async () => (await routers.queues()).reduce((n, q) => n + q.waiting, 0);
  // The gateway's way in: straight into a known open conversation, else through the thread.
  const inbound = new DirectInbound(client, config);
  const text = (i: number, body: string, id: string) =>
    inbound.submit(
      { from: customer(i), to: BIZ, message: { id, text: body, receivedAt: new Date().toISOString() } },
      Date.now() + 10_000,
    );
  const meter = cpuMeter(env.address, worker.process.pid!);
  // 1. New conversations: from the carrier's signal to routed (waiting in the router's queue).
  meter.start();
  let start = performance.now();
  const { done: created, latencies: signalLatency } = await boundedRun(
    r,
    'new conversations signalled',
    0,
    NEW,
    { concurrency: 50, stopAt: Date.now() + NEW_MS },
    (i) => text(i, 'hello', `new-${i}`),
  );
  await until(r, 'new conversations routed', created, waiting);
  const newRate = created / ((performance.now() - start) / 1000);
  r.row({
    name: NEW_ROW,
    rate: newRate,
    unit: 'conv/s',
    target: '>= 50/s',
    note: `n=${created}${created < NEW ? ` of ${NEW} (signalled for ${NEW_MS / 1000} s)` : ''}, 50 at once; ${meter.note(created)}`,
  });
  r.row(
    latencyRow("a new conversation's first MO accepted (takeMessage update-with-start)", signalLatency, { target: '' }),
  );

  // 2. The open conversations, as fast as the server takes them: many in flight, at most
  // MAX_UNPROCESSED not yet routed; stopped early if the budget would not leave room for what
  // follows. The worker's RSS and the rate are read at every MARK_EVERY routed (all of them wait in
  // the router: does each cost more as its waiting list grows? does RSS level off once the cache
  // is full?).
  meter.start();
  start = performance.now();
  const workerRss = () => rssMb(worker.process.pid!);
  const marks = milestones(MARK_EVERY, created, start);
  const routed = async () => {
    const w = await waiting();
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
    (i) => text(i, 'hello', `open-${i}`),
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
    note: `${n(open)} open${open < OPEN ? ` (stopped at the budget: ${n(open)} of ${n(OPEN)})` : ''} in ${openSeconds.toFixed(0)} s; ${meter.note(open - created)}`,
  });
  r.row({
    name: `open conversations created, per ${n(MARK_EVERY)} routed (all waiting in the router)`,
    unit: 'conv/s',
    note: blockRates(marks.start, marks.marks),
  });
  const rssOpen = rssMb(worker.process.pid!);

  // 3. MOs spread uniformly at random over every open conversation (most are not in the worker's
  // cache); every one must show in its conversation, once.
  const targets = moTargets(INBOUND, open);
  // Each customer's conversation from visibility, in pages: a query per thread would be a replay.
  const byCustomer = new Map<string, string>();
  for await (const w of client.workflow.list({
    query: `SbInstance = '${config.temporal.instance}' AND WorkflowType = 'conversationWorkflow'`,
  })) {
    const c = w.searchAttributes?.SbCustomer?.[0];
    if (typeof c === 'string') byCustomer.set(c, w.workflowId);
  }
  const conversationOf = new Map<number, string>();
  const count = async (i: number) => {
    let id = conversationOf.get(i) ?? byCustomer.get(customerSearchValue(config, customer(i)));
    if (!id) {
      id = (await client.workflow.getHandle(threadId(config.temporal.instance, BIZ, customer(i))).query(threadQuery))
        .current!;
      conversationOf.set(i, id);
    }
    const s = await client.workflow.getHandle(id).query(stateQuery);
    return s.messages.filter((m) => m.direction === 'INBOUND').length;
  };
  meter.start();
  start = performance.now();
  const sent = await sendMoPhase(r, 'MOs sent into open conversations', targets, text);
  const sentSeconds = (performance.now() - start) / 1000;
  // The MO's path: straight into the conversation (the thread only when it was not known).
  const path = (i: number) => [
    threadId(config.temporal.instance, BIZ, customer(i)),
    ...[byCustomer.get(customerSearchValue(config, customer(i)))].filter((id) => id !== undefined),
  ];
  let cpu = '';
  const { seconds, verdict, how, expected } = await timedUntilShown(
    r,
    'messages shown in open conversations',
    start,
    targets.slice(0, sent),
    {
      settled: (i) => noTaskPending(client, path(i)),
      count,
      onSettled: () => (cpu = meter.note(sent)),
      checkMs: CHECK_MS,
    },
  );
  const inboundRate = sent / seconds;
  r.row({
    name: MO_ROW,
    rate: inboundRate,
    unit: 'msg/s',
    target: '>= 300/s, none lost',
    note: `n=${sent} into ${n(expected.size)} of ${n(open)} open (uniform); ${verdict}; all accepted in ${sentSeconds.toFixed(1)} s; ${how}; ${cpu}`,
  });

  // The worker's memory once the MOs have been through the conversations (its cache full).
  const rssAfter = rssMb(worker.process.pid!);
  r.row({
    name: `worker RSS with ${n(open)} open conversations`,
    rate: Math.max(rssOpen, rssAfter),
    unit: 'MB',
    target: '<= 1536 MB at 10,000',
    note: `while opening: ${rssCurve(marks.marks)}; ${rssOpen.toFixed(0)} MB once opened, ${rssAfter.toFixed(0)} MB after the MOs; cache ${process.env.SWITCHBOARD_MAX_CACHED_WORKFLOWS ?? 1000} workflows${open < OPEN ? `; stopped at the budget: ${n(open)} of ${n(OPEN)}` : ''}`,
  });

  // 4. Agent Update round trips with MOs going on at half the peak rate just measured.
  const half = inboundRate / 2;
  const stopLoad = backgroundLoad(half, (k) => {
    const t = moTargets(1, open, 1000 + k)[0]!;
    return text(t, moText(k), `bg-${k}`);
  });
  r.cleanup(stopLoad);
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
  const { latencies: accept } = await boundedRun(
    r,
    'accepts under load',
    0,
    offers.length,
    { concurrency: 1, stopAt: Date.now() + 20_000 },
    // As the API sends them: one the server refuses while a task is failed is offered again.
    (k) =>
      retryRefusedUpdate(() =>
        client.workflow
          .getHandle(offers[k]!)
          .executeUpdate(actUpdate, { args: [{ type: 'accept', agentId: 'alice' }] }),
      ),
  );
  const accepted = offers.slice(0, accept.length);
  const { latencies: reply } = await boundedRun(
    r,
    'replies under load',
    0,
    300,
    { concurrency: 4, stopAt: Date.now() + 20_000 },
    (k) =>
      retryRefusedUpdate(() =>
        client.workflow.getHandle(accepted[k % accepted.length]!).executeUpdate(actUpdate, {
          args: [{ type: 'send', agentId: 'alice', text: `reply ${k}`, clientMessageId: `b${k}` }],
        }),
      ),
  );
  const load = await stopLoad();
  const under = `under ${load.perSecond.toFixed(0)} MO/s (half of the peak ${inboundRate.toFixed(0)}; ${load.sent} sent, ${load.failed} failed)`;
  r.row(
    latencyRow('Update round trip: accept, at half peak load', accept, {
      target: 'p99 <= 50 ms',
      note: `n=${accept.length}; ${under}`,
    }),
  );
  r.row(
    latencyRow('Update round trip: reply (4 agents at once), at half peak load', reply, {
      target: 'p99 <= 50 ms',
      note: `n=${reply.length}; ${under}`,
    }),
  );
}
