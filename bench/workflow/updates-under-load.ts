// Agent Update round trips (accept one at a time, reply 4 at once) while MOs go on at half the
// peak rate just measured: an agent's wait while the worker is busy.
import { retryRefusedUpdate } from '../../platform/temporal/update-retry.js';
import { actUpdate, stateQuery } from '../../workflows/contract/definitions.js';
import { backgroundLoad, boundedRun, moTargets, moText } from '../mo-load.js';
import { until, type Reporter } from '../reporter.js';
import { latencyRow } from '../stats.js';
import type { WorkflowStack } from './stack.js';

export async function updatesUnderLoad(r: Reporter, s: WorkflowStack, open: number, inboundRate: number) {
  const half = inboundRate / 2;
  const stopLoad = backgroundLoad(half, (k) => {
    const t = moTargets(1, open, 1000 + k)[0]!;
    return s.text(t, moText(k), `bg-${k}`);
  });
  r.cleanup(stopLoad);
  await s.routers.setStatus({ agentId: 'alice', status: 'AVAILABLE' });
  let offers: string[] = [];
  await until(
    r,
    'offers to alice',
    50,
    async () => (offers = (await s.routers.agents()).find((a) => a.id === 'alice')!.offers).length,
  );
  // The router reserves first; the conversation shows the offer when its `assigned` signal lands.
  await until(
    r,
    'offers shown by their conversations',
    offers.length,
    async () =>
      (await Promise.all(offers.map((id) => s.client.workflow.getHandle(id).query(stateQuery)))).filter(
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
        s.client.workflow
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
        s.client.workflow.getHandle(accepted[k % accepted.length]!).executeUpdate(actUpdate, {
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
