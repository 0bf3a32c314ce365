// Gateway benchmark (`BENCH_ONLY=gateway npm run bench`). Everything is real: a Temporal dev
// server of its own with an on-disk database, the core worker in its own process, the gateway,
// the carrier simulator on loopback, and Kannel's bearerbox as the peer for MTs (all on this
// machine's cores). MOs go into conversations already open, one at a time and at 150 MO/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { validateConfig } from '../config/load.js';
import type { SwitchboardConfig } from '../config/schema.js';
import { encodeGsm7 } from '../platform/smpp-codec/gsm7.js';
import type { Gateway } from '../smpp-gateway/service/gateway.js';
import { silentLog } from '../smpp-gateway/service/log.js';
import { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { startProcess, stopWithin, writeConfigFile } from '../harness/child-process.js';
import { stateQuery, threadQuery } from '../workflows/contract/definitions.js';
import { threadId } from '../workflows/contract/ids.js';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { withTemporalAddress } from '../stack/address.js';
import { startStack } from '../stack/start-stack.js';
import { ConditionMissed, type Reporter } from './reporter.js';
import { cpuMeter } from './cpu.js';
import { kannelRate, simulatorRate } from './kannel-peer.js';

const BIZ = '+15551230000';
/** A carrier's submit_sm round trip; without one the window is never the limit on loopback. */
const CARRIER_DELAY_MS = 20;
/** Customers whose conversations the MOs go into: opened by the warm-up. */
const CUSTOMERS = 100;
const LOAD_RATE = 150;
const LOAD_MOS = Number(process.env.BENCH_GATEWAY_MOS ?? 3000);

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

function stats(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function benchConfig(simPort: number, dataDir: string): SwitchboardConfig {
  const bind = (id: string, windowSize: number) => ({
    id,
    host: '127.0.0.1',
    port: simPort,
    systemId: id,
    password: 'bench',
    windowSize,
    maxSubmitsPerSecond: 100_000,
    responseTimeoutSeconds: 10,
  });
  return validateConfig(
    {
      demo: true,
      temporal: { instance: 'bench', taskQueue: 'bench', dataDir },
      auth: { jwtSecret: 'bench-secret-not-for-production' },
      queues: [{ id: 'support', name: 'Support' }],
      agents: [{ id: 'alice', name: 'Alice', username: 'alice', password: 'alice', queues: ['support'] }],
      numbers: [
        { number: BIZ, type: 'LONGCODE', queue: 'support', bind: 'w10' },
        { number: '+18005550100', type: 'TOLL_FREE', queue: 'support', bind: 'w50' },
      ],
      idleCodes: [{ id: 'break', name: 'Break' }],
      wrapUp: { reasons: [{ id: 'resolved', name: 'Resolved' }], defaultReasonId: 'resolved' },
      smpp: { binds: [bind('w10', 10), bind('w50', 50)] },
    },
    'bench configuration',
  );
}

/** Open loop at `perSecond` for `count` MOs over `customers` numbers; ack times in ms. */
async function moLoad(
  r: Reporter,
  sim: CarrierSimulator,
  count: number,
  perSecond: number,
  customers: number,
  tag: string,
): Promise<{ acks: number[]; failed: number; seconds: number }> {
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const acks: number[] = [];
  let failed = 0;
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) {
      r.progress(`${tag} MOs sent at ${perSecond}/s`, i, count);
      r.check();
    }
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const from = `+1555800${String(i % customers).padStart(4, '0')}`;
    pending.push(
      sim.sendMo({ from, to: BIZ, text: `${tag} message ${i}` }).then(
        (r) => {
          if (r.status === 0) acks.push(r.ackMs);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { acks, failed, seconds: (performance.now() - started) / 1000 };
}

/** Messages of `tag` that reached a conversation, over every customer's thread. */
async function countInConversations(
  client: Client,
  config: SwitchboardConfig,
  customers: number,
  tag: string,
): Promise<number> {
  let total = 0;
  for (let c = 0; c < customers; c++) {
    const thread = await client.workflow
      .getHandle(threadId(config.temporal.instance, BIZ, `+1555800${String(c).padStart(4, '0')}`))
      .query(threadQuery)
      // A customer whose every MO was refused (the gateway sheds load) has no thread at all.
      .catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) return { conversations: [] as string[] };
        throw error;
      });
    for (const id of thread.conversations) {
      const s = await client.workflow.getHandle(id).query(stateQuery);
      total += s.messages.filter((m) => m.direction === 'INBOUND' && m.text.startsWith(`${tag} `)).length;
    }
  }
  return total;
}

async function mtRate(gateway: Gateway, business: string, count: number, tag: string): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      gateway.sender.send({
        conversationId: 'bench:conv:none',
        messageId: `${tag}-${i}`,
        text: `${tag} reply ${i}`,
        businessNumber: business,
        numberType: business === BIZ ? 'LONGCODE' : 'TOLL_FREE',
        customerNumber: '+15558100000',
      }),
    ),
  );
  return count / ((performance.now() - started) / 1000);
}

// Rows go to the reporter as they are measured, so a later step's failure keeps the earlier ones.
export async function runGatewayBench(r: Reporter): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-gateway-bench-'));
  r.cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const env = await startLocalTemporal({ dbFilename: join(dir, 'temporal.db') });
  r.cleanup(() => env.teardown());
  // Receipts are left out (10 min away): the MT rows measure the bind, not receipt handling.
  const sim = new CarrierSimulator({ receiptDelayMs: 600_000, windowSize: 200 });
  await sim.start();
  r.cleanup(() => sim.stop());
  const config = withTemporalAddress(benchConfig(sim.port, mkdtempSync(join(dir, 'data-'))), env.address);
  // The core worker in its own process, as deployed: the gateway's event loop is its own.
  const worker = await startProcess(
    'stack/main/worker.ts',
    { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: env.address },
    /worker ready/,
  );
  r.cleanup(() => stopWithin(worker));
  // The gateway in this process, through the composition root, so its binds are at hand.
  const stack = await startStack(config, { parts: ['gateway'], gateway: { log: silentLog, waitForBinds: true } });
  r.cleanup(() => stack.stop());
  const client = stack.client!;
  const gateway = stack.gateway!;
  const meter = cpuMeter(env.address, worker.process.pid!);
  const customer = (i: number) => `+1555800${String(i % CUSTOMERS).padStart(4, '0')}`;

  // Opens every customer's conversation, so what follows goes into open ones.
  // One at a time, each until acked (a busy machine makes the gateway shed some at first).
  for (let i = 0; i < CUSTOMERS; i++) {
    r.progress('conversations opened over SMPP', i, CUSTOMERS);
    r.check();
    while ((await sim.sendMo({ from: customer(i), to: BIZ, text: `warmup message ${i}` })).status !== 0) r.check();
  }
  await untilReached(r, client, config, 'warmup', CUSTOMERS);

  const sequential: number[] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 20 === 0) {
      r.progress('MOs acked one at a time', i, 300);
      r.check();
    }
    const mo = await sim.sendMo({ from: customer(i), to: BIZ, text: `seq message ${i}` });
    if (mo.status === 0) sequential.push(mo.ackMs);
  }
  r.row({
    name: 'MO ack latency, one at a time, into open conversations',
    ...stats(sequential),
    unit: 'ms',
    note: `${sequential.length} MOs, deliver_sm to deliver_sm_resp, on-disk server`,
  });
  // The same signal without SMPP or the gateway: how much of the ack is Temporal's.
  const direct: number[] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 20 === 0) {
      r.progress('signalWithStarts one at a time', i, 300);
      r.check();
    }
    const t = performance.now();
    await submitCustomerText(client, config, {
      from: customer(i),
      to: BIZ,
      message: { id: `direct-${i}`, text: `direct ${i}`, receivedAt: new Date().toISOString() },
    });
    direct.push(performance.now() - t);
  }
  r.row({
    name: 'signalWithStart alone (no SMPP, no gateway)',
    ...stats(direct),
    unit: 'ms',
    note: 'the floor under the MO ack',
  });

  meter.start();
  const load = await moLoad(r, sim, LOAD_MOS, LOAD_RATE, CUSTOMERS, 'load');
  const cpu = meter.note(load.acks.length);
  const reached = await untilReached(r, client, config, 'load', load.acks.length);
  r.row({
    name: `MO ack latency at ${LOAD_RATE} MO/s, into open conversations`,
    ...stats(load.acks),
    unit: 'ms',
    target: 'p99 <= 50 ms',
    note: `${LOAD_MOS} MOs into ${CUSTOMERS} open; ${cpu.replace('bench', 'gateway+simulator')}`,
  });
  r.row({
    name: `MO sustained rate (${LOAD_RATE}/s offered, ${LOAD_MOS} MOs)`,
    rate: Math.round(load.acks.length / load.seconds),
    unit: 'MO/s',
    note: `${load.acks.length} acked, ${load.failed} refused, ${reached} reached conversations, lost ${load.acks.length - reached}`,
  });

  sim.knobs.submitDelayMs = CARRIER_DELAY_MS;
  const w10 = gateway.sessions.get('w10')!;
  const rtts: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await w10.submit({
      source: BIZ,
      destination: '+15558100000',
      parts: [{ shortMessage: encodeGsm7(`rtt ${i}`), dataCoding: 0 }],
    });
    rtts.push(performance.now() - t);
  }
  const rtt = stats(rtts);
  r.row({ name: `submit_sm round trip (simulated carrier delay ${CARRIER_DELAY_MS} ms)`, ...rtt, unit: 'ms' });
  const gatewayRates = new Map<number, number>();
  for (const [window, business] of [
    [10, BIZ],
    [50, '+18005550100'],
  ] as const) {
    r.progress(`MTs through the gateway, window ${window}`, 0, window * 100);
    await mtRate(gateway, business, 200, `warm${window}`);
    const from = sim.knobs.submitTimes.length;
    const rate = await mtRate(gateway, business, window * 100, `w${window}`);
    const atSim = simulatorRate(sim, from).rate;
    gatewayRates.set(window, atSim);
    const theoretical = (window * 1000) / rtt.p50;
    r.row({
      name: `MT submit_sm rate, one bind, window ${window}: gateway`,
      rate: Math.round(atSim),
      unit: 'submit_sm/s',
      note: `at the simulator, first to last; ${Math.round(rate)}/s send() to answer; window/RTT = ${Math.round(theoretical)}/s, achieved ${Math.round((atSim / theoretical) * 100)} %`,
    });
    r.check();
  }
  // The peer, on the same simulator, window and carrier delay.
  for (const window of [10, 50]) {
    const kannel = await kannelRate(r, sim, window, window * 100);
    const ours = gatewayRates.get(window)!;
    r.row({
      name: `MT submit_sm rate, one bind, window ${window}: Kannel bearerbox`,
      rate: Math.round(kannel.rate),
      unit: 'submit_sm/s',
      note: `at the simulator, first to last, queued in bearerbox first (sendsms took ${Math.round(kannel.injectRate)}/s)`,
    });
    r.row({
      name: `gateway submit_sm/s vs Kannel, window ${window}`,
      unit: 'ratio',
      target: '>= 1 (>= Kannel)',
      note: `${(ours / kannel.rate).toFixed(2)} (${Math.round(ours)} / ${Math.round(kannel.rate)} submit_sm/s)`,
    });
  }
}

/** Polls until `count` MOs of `tag` have reached their conversations; the miss says how many did. */
async function untilReached(
  r: Reporter,
  client: Client,
  config: SwitchboardConfig,
  tag: string,
  count: number,
): Promise<number> {
  for (;;) {
    // A conversation that has not run its first task yet answers no query: not there yet.
    const reached = await countInConversations(client, config, CUSTOMERS, tag).catch(() => 0);
    r.progress(`${tag} MOs reached their conversations`, reached, count);
    if (reached >= count) return reached;
    if (Date.now() > r.deadline)
      throw new ConditionMissed(`benchmark condition not reached: ${reached} of ${count} ${tag} MOs in conversations`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
