// The routers at contact-center scale, on an on-disk dev server with the production hand-over
// sizes (1 MB inline, 192 KB chunks): 100,000 conversations waiting (BENCH_ROUTER_WAITING) across
// three groups (40,000 / 40,000 / 20,000: two of them above the inline limit, so they hand their
// list over through history), each router continuing as new several times, then offers and
// releases through two other groups.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { groupedConfig, routeWaiting } from '../harness/router-load.js';
import { historyClient, runSizes } from '../harness/router-history.js';
import { memoryEventBus } from '../platform/events/bus.js';
import { connectClient } from '../platform/temporal/connection.js';
import { Routers } from '../platform/temporal/routers.js';
import { startWorker } from '../worker/run-worker.js';
import { until, type Reporter } from './reporter.js';

const WAITING = Number(process.env.BENCH_ROUTER_WAITING ?? 100_000);
const OFFERS = Number(process.env.BENCH_ROUTER_OFFERS ?? 6_000);
const WAITING_QUEUES = ['support', 'sales', 'q-a', 'q-b', 'q-d']; // nobody logged in: they wait
const KB = 1024;
/** The inline limit (workflows/router/carry.ts): above it, about 30 B a waiting, the list goes through history. */
const INLINE = 1024 * KB;

export async function runRouterBench(r: Reporter): Promise<void> {
  const dbFilename = join(mkdtempSync(join(tmpdir(), 'switchboard-router-bench-')), 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  // Continue-as-new every 150 events (batches of 100: 400 signals a big group), so each router hands its list over a few times while loaded.
  const base = groupedConfig({ historyLimit: 150 });
  // Two more groups for the offers: erin (q-c) and fred (q-e), each with room for 500 at once.
  const busy = (a: (typeof base.agents)[number]) => ({ ...a, capacity: 500 });
  const config = {
    ...base,
    queues: [...base.queues, { ...base.queues[0]!, id: 'q-e', name: 'q-e' }],
    agents: [
      ...base.agents.map((a) => (a.id === 'erin' ? busy(a) : a)),
      busy({ ...base.agents[0]!, id: 'fred', name: 'fred', username: 'fred', password: 'fred', queues: ['q-e'] }),
    ],
  };
  const worker = await startWorker({ config, bus: memoryEventBus(), address: env.address });
  const client = await connectClient(config, env.address);
  const routers = new Routers(client, config);
  const histories = await historyClient(env.address);
  const total = async (queues: string[]) =>
    (await routers.queues()).filter((q) => queues.includes(q.id)).reduce((n, q) => n + q.waiting, 0);
  try {
    await routers.ensure(config.temporal.historyLimit);
    let start = performance.now();
    r.progress('conversations routed', 0, WAITING);
    await routeWaiting(client, config, routers, { count: WAITING, queues: WAITING_QUEUES, batch: 100 });
    await until(r, 'conversations waiting', WAITING, () => total(WAITING_QUEUES), 2000);
    let seconds = (performance.now() - start) / 1000;
    r.row({
      name: `route signals into 3 group routers until all ${WAITING.toLocaleString('en-US')} wait`,
      rate: WAITING / seconds,
      unit: 'route/s',
      note: `${seconds.toFixed(0)} s`,
    });

    const waitingGroups = [...new Set(WAITING_QUEUES.map((q) => routers.groups.queues[q]!))];
    // Every hand-over under way completes: a group above the inline limit has handed over through
    // history at least once, and none is stashing.
    const settled = async () => {
      const views = await routers.queues();
      const all = await Promise.all(waitingGroups.map((k) => runSizes(histories, routers.id(k))));
      const big = (k: string) =>
        views.filter((q) => routers.groups.queues[q.id] === k).reduce((n, q) => n + q.waiting, 0) * 30 > INLINE;
      return all.every((x, i) => !x.handingOver && (x.stashed > 0 || !big(waitingGroups[i]!))) ? all : undefined;
    };
    let sizes = await settled();
    while (!sizes) {
      r.check();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      sizes = await settled();
    }
    const views = await routers.queues();
    for (const s of sizes) {
      const key = s.workflowId.split(':router:')[1]!;
      const waiting = views.filter((q) => routers.groups.queues[q.id] === key).reduce((n, q) => n + q.waiting, 0);
      r.row({
        name: `router ${key}: ${waiting.toLocaleString('en-US')} waiting, ${s.runs} runs, ${s.stashed} from history`,
        rate: s.maxPayload / KB,
        unit: 'KB max payload',
        target: '< 512 KB (warn), 2 MB (limit)',
        note:
          `max run input ${(s.maxInput / KB).toFixed(0)} KB; max task completion ${(s.maxTaskBytes / KB).toFixed(0)} KB;` +
          ` max run history ${(s.maxHistoryBytes / KB / KB).toFixed(1)} MB`,
      });
      r.check();
    }

    // Offers and releases: each routed conversation is offered to erin or fred at once; its
    // conversation does not exist, so the offer's signal fails and the router releases the slot.
    const offerQueues = ['q-c', 'q-e'];
    await routers.setStatus({ agentId: 'erin', status: 'AVAILABLE' });
    await routers.setStatus({ agentId: 'fred', status: 'AVAILABLE' });
    const slots = async () =>
      (await routers.agents())
        .filter((a) => a.id === 'erin' || a.id === 'fred')
        .reduce((n, a) => n + a.offers.length, 0);
    start = performance.now();
    await routeWaiting(client, config, routers, { count: OFFERS, queues: offerQueues });
    await until(r, 'offers released', 0, async () => -((await total(offerQueues)) + (await slots())), 500);
    seconds = (performance.now() - start) / 1000;
    r.row({
      name: `offers + releases through 2 group routers (${OFFERS.toLocaleString('en-US')} routed), ${WAITING.toLocaleString('en-US')} waiting elsewhere`,
      rate: (2 * OFFERS) / seconds,
      unit: 'ops/s',
      target: '>= 200/s',
      note: `${seconds.toFixed(1)} s; an op is one offer or one release`,
    });
  } finally {
    await worker.shutdown();
    await client.connection.close();
    await histories.connection.close();
    await env.teardown();
  }
}
