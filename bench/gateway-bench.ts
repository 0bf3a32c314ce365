// Gateway benchmark (`BENCH_ONLY=gateway npm run bench`). Everything is real: a Temporal dev
// server of its own with an on-disk database, the core worker in its own process, the gateway,
// the carrier simulator on loopback, and Kannel's bearerbox as the peer for MTs (all on this
// machine's cores). MOs go into conversations already open, one at a time and at 150 MO/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { silentLog } from '../smpp-gateway/service/log.js';
import { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { startProcess, stopWithin, writeConfigFile } from '../harness/child-process.js';
import { withTemporalAddress } from '../stack/address.js';
import { startStack } from '../stack/start-stack.js';
import type { Reporter } from './reporter.js';
import { cpuMeter } from './cpu.js';
import { latencyRow } from './stats.js';
import { BIZ, CUSTOMERS, benchConfig, customer } from './gateway/config.js';
import { moLoad, untilReached } from './gateway/mo-traffic.js';
import { measureMtRates } from './gateway/mt-rates.js';

const LOAD_RATE = 150;
const LOAD_MOS = Number(process.env.BENCH_GATEWAY_MOS ?? 3000);

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
  r.row(
    latencyRow('MO ack latency, one at a time, into open conversations', sequential, {
      note: `${sequential.length} MOs, deliver_sm to deliver_sm_resp, on-disk server`,
    }),
  );
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
  r.row(latencyRow('signalWithStart alone (no SMPP, no gateway)', direct, { note: 'the floor under the MO ack' }));

  meter.start();
  const load = await moLoad(r, sim, LOAD_MOS, LOAD_RATE, 'load');
  const cpu = meter.note(load.acks.length);
  const reached = await untilReached(r, client, config, 'load', load.acks.length);
  r.row(
    latencyRow(`MO ack latency at ${LOAD_RATE} MO/s, into open conversations`, load.acks, {
      target: 'p99 <= 50 ms',
      note: `${LOAD_MOS} MOs into ${CUSTOMERS} open; ${cpu.replace('bench', 'gateway+simulator')}`,
    }),
  );
  r.row({
    name: `MO sustained rate (${LOAD_RATE}/s offered, ${LOAD_MOS} MOs)`,
    rate: Math.round(load.acks.length / load.seconds),
    unit: 'MO/s',
    note: `${load.acks.length} acked, ${load.failed} refused, ${reached} reached conversations, lost ${load.acks.length - reached}`,
  });

  await measureMtRates(r, sim, gateway);
}
