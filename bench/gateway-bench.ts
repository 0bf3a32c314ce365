// Gateway benchmark: `npx tsx bench/gateway-bench.ts` prints the rows; bench/run.ts may import
// runGatewayBench. Everything is real: a Temporal dev server of its own, the core worker and
// workflows, the gateway, and the carrier simulator on loopback (all on this machine's cores).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { validateConfig } from '../config/load.js';
import type { SwitchboardConfig } from '../config/schema.js';
import { encodeGsm7 } from '../platform/smpp-codec/gsm7.js';
import type { Gateway } from '../smpp-gateway/service/gateway.js';
import { silentLog } from '../smpp-gateway/service/log.js';
import { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { startProcess, writeConfigFile } from '../harness/child-process.js';
import { stateQuery, threadQuery } from '../workflows/contract/definitions.js';
import { threadId } from '../workflows/contract/ids.js';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { withTemporalAddress } from '../stack/address.js';
import { startStack } from '../stack/start-stack.js';
import { createReporter, type Reporter } from './reporter.js';

const BIZ = '+15551230000';
/** A carrier's submit_sm round trip; without one the window is never the limit on loopback. */
const CARRIER_DELAY_MS = 20;

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

function stats(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function benchConfig(simPort: number): SwitchboardConfig {
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
      temporal: { instance: 'bench', taskQueue: 'bench', dataDir: mkdtempSync(join(tmpdir(), 'sb-bench-')) },
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
  const env = await startLocalTemporal();
  // Receipts are left out (10 min away): the MT rows measure the bind, not receipt handling.
  const sim = new CarrierSimulator({ receiptDelayMs: 600_000, windowSize: 200 });
  await sim.start();
  const config = withTemporalAddress(benchConfig(sim.port), env.address);
  // The core worker in its own process, as deployed: the gateway's event loop is its own.
  const worker = await startProcess(
    'stack/main/worker.ts',
    { SWITCHBOARD_CONFIG: writeConfigFile(config), SWITCHBOARD_TEMPORAL_ADDRESS: env.address },
    /worker ready/,
  );
  // The gateway in this process, through the composition root, so its binds are at hand.
  const stack = await startStack(config, { parts: ['gateway'], gateway: { log: silentLog, waitForBinds: true } });
  const client = stack.client!;
  const gateway = stack.gateway!;
  try {
    await moLoad(sim, 100, 100, 50, 'warmup');

    const sequential: number[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await sim.sendMo({
        from: `+1555800${String(i % 50).padStart(4, '0')}`,
        to: BIZ,
        text: `seq message ${i}`,
      });
      if (r.status === 0) sequential.push(r.ackMs);
    }
    r.row({
      name: 'MO ack latency, one at a time',
      ...stats(sequential),
      unit: 'ms',
      note: `${sequential.length} MOs, deliver_sm to deliver_sm_resp`,
    });
    // The same signal without SMPP or the gateway: how much of the ack is Temporal's.
    const direct: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await submitCustomerText(client, config, {
        from: `+1555800${String(i % 50).padStart(4, '0')}`,
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

    const customers = 100;
    const load = await moLoad(sim, 3000, 300, customers, 'load');
    let reached = 0;
    for (let attempt = 0; attempt < 60 && reached < load.acks.length; attempt++) {
      reached = await countInConversations(client, config, customers, 'load');
      if (reached < load.acks.length) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    r.row({ name: 'MO ack latency at 300 MO/s offered', ...stats(load.acks), unit: 'ms' });
    r.row({
      name: 'MO sustained rate (300/s offered, 3000 MOs)',
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
    r.row({ name: 'submit_sm round trip (simulated carrier delay 20 ms)', ...rtt, unit: 'ms' });
    for (const [window, business] of [
      [10, BIZ],
      [50, '+18005550100'],
    ] as const) {
      await mtRate(gateway, business, 200, `warm${window}`);
      const rate = await mtRate(gateway, business, window * 100, `w${window}`);
      const theoretical = (window * 1000) / rtt.p50;
      r.row({
        name: `MT submit_sm rate, one bind, window ${window}`,
        rate: Math.round(rate),
        unit: 'submit_sm/s',
        note: `window/RTT = ${Math.round(theoretical)}/s; achieved ${Math.round((rate / theoretical) * 100)} %`,
      });
    }
  } finally {
    await stack.stop();
    await worker.kill('SIGTERM');
    await sim.stop();
    await env.teardown();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = createReporter(3600);
  await runGatewayBench(r);
  console.table(r.rows);
  process.exit(0);
}
