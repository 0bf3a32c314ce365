// What the workflow suite measures: an embedded (on-disk) dev server, the worker as deployed in
// its own process (default cache, so its memory can be read), a stand-in SMS activity, and the
// gateway's way in (straight into a known open conversation, else through the thread).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../../harness/local-temporal.js';
import { testConfig } from '../../harness/test-config.js';
import { startProcess, stopWithin, writeConfigFile } from '../../harness/child-process.js';
import { connectClient } from '../../platform/temporal/connection.js';
import { DirectInbound } from '../../platform/temporal/direct-inbound.js';
import { Routers } from '../../platform/temporal/routers.js';
import { cpuMeter } from '../cpu.js';
import { customer } from '../mo-load.js';
import type { Reporter } from '../reporter.js';
import { startSmsStandIn } from '../sms-stand-in.js';

export const BIZ = '+15551230000';

export type WorkflowStack = Awaited<ReturnType<typeof startWorkflowStack>>;

export async function startWorkflowStack(r: Reporter) {
  const dbDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  r.cleanup(() => rmSync(dbDir, { recursive: true, force: true }));
  const env = await startLocalTemporal({ dbFilename: join(dbDir, 'temporal.db') });
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
  await startSmsStandIn(r, config, env.address);
  const routers = new Routers(client, config);
  const inbound = new DirectInbound(client, config);
  return {
    config,
    client,
    routers,
    workerPid: worker.process.pid!,
    meter: cpuMeter(env.address, worker.process.pid!),
    /** Conversations waiting in the routers' queues (nobody is logged in: all of them). */
    waiting: async () => (await routers.queues()).reduce((n, q) => n + q.waiting, 0),
    /** Customer `i` texts `body`, as the gateway hands it in. */
    text: (i: number, body: string, id: string) =>
      inbound.submit(
        { from: customer(i), to: BIZ, message: { id, text: body, receivedAt: new Date().toISOString() } },
        Date.now() + 10_000,
      ),
  };
}
