import { describe, expect, it } from 'vitest';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../../worker/run-worker.js';
import { groupedConfig, routeWaiting } from '../../harness/router-load.js';
import { runSizes } from '../../harness/router-history.js';
import { routerStack } from '../support/router-stack.js';

// The hand-over above the inline limit, forced: 2 KB chunks and a 4 KB inline limit, so 1,000
// waiting in a group (about 30 KB packed) cross continue-as-new through the closing run's history
// in ~15 chunks over ~4 workflow tasks, every 60 events. Routes keep arriving from several lanes
// in small signals while the routers hand over, and agents change status meanwhile: every route
// must be counted exactly once, and every Update must answer with the change it made.
const WAITING = 2_000;
const QUEUES = ['support', 'sales', 'q-a', 'q-b']; // groups 'sales' and 'q-a'; nobody available
const CHUNK = 2 * 1024;
/** What a run's input or any event may hold: a chunk, agents and queues, a few late signals. */
const BOUND = 24 * 1024;

const KEYS = ['sales', 'q-a'];
const WAVES = 4;

const stack = routerStack(() => groupedConfig({ historyLimit: 60 }), { carryBytes: CHUNK, inlineMaxBytes: 2 * CHUNK });

const runId = async (key: string) => (await stack.client.workflow.getHandle(stack.routers.id(key)).describe()).runId;

/** Status changes that never make anyone available (an offer would take a conversation off the list). */
async function changeStatuses(done: () => boolean): Promise<number> {
  let n = 0;
  while (!done()) {
    for (const agentId of ['alice', 'dave']) {
      const idleCodeId = n % 2 === 0 ? 'break' : 'lunch';
      const view = await stack.routers.setStatus({ agentId, status: 'IDLE', idleCodeId });
      expect(view, agentId).toMatchObject({ id: agentId, status: 'IDLE', idleCodeId });
      n++;
    }
  }
  return n;
}

describe('the hand-over through history', () => {
  it(
    'keeps every route and status change while routers continue as new with stashed lists',
    { timeout: 600_000 },
    async () => {
      let counted = false;
      const statuses = changeStatuses(() => counted);
      // In waves, each until both routers have continued as new at least once since it began.
      for (let wave = 0; wave < WAVES; wave++) {
        const before = await Promise.all(KEYS.map(runId));
        await routeWaiting(stack.client, stack.config, stack.routers, {
          count: WAITING / WAVES,
          queues: QUEUES,
          batch: 5,
          concurrency: 6,
        });
        for (const [i, key] of KEYS.entries())
          await expect.poll(() => runId(key), { timeout: 60_000, interval: 200 }).not.toBe(before[i]);
      }
      const perQueue = WAITING / QUEUES.length;
      await expect
        .poll(
          async () => (await stack.routers.queues()).filter((q) => QUEUES.includes(q.id)).map((q) => [q.id, q.waiting]),
          {
            timeout: 240_000,
            interval: 1000,
          },
        )
        .toEqual(QUEUES.map((q) => [q, perQueue]));
      counted = true;
      expect(await statuses).toBeGreaterThanOrEqual(4);
      // Counted once, not more: a while later (more hand-overs meanwhile) the counts are the same.
      await stack.routers.ensure(stack.config.temporal.historyLimit, { carryBytes: CHUNK, inlineMaxBytes: 2 * CHUNK });
      const agents = await stack.routers.agents();
      expect(agents.find((a) => a.id === 'alice')).toMatchObject({ status: 'IDLE' });

      for (const key of KEYS) {
        const s = await runSizes(stack.histories, stack.routers.id(key));
        expect(s.stashed, key).toBeGreaterThanOrEqual(WAVES - 1);
        expect(s.carriers, key).toBe(0);
        expect(s.maxInput, key).toBeLessThan(BOUND);
        expect(s.maxPayload, key).toBeLessThan(BOUND);
        // A task records at most 4 chunks (plus its commands): the production sizes make that ~800 KB.
        expect(s.maxTaskBytes, key).toBeLessThan(4 * CHUNK + BOUND);
      }
      expect((await stack.routers.queues()).filter((q) => QUEUES.includes(q.id)).map((q) => q.waiting)).toEqual(
        QUEUES.map(() => perQueue),
      );
    },
  );

  it('a run that read its list from history and stashed it for the next replays without nondeterminism', async () => {
    const id = stack.routers.id('sales');
    const text = (data?: Uint8Array | null) => (data ? Buffer.from(data).toString('utf8') : '');
    let runId: string | undefined = (await stack.histories.workflow.getHandle(id).describe()).runId;
    for (let replayed = 0; runId;) {
      const history: temporal.api.history.v1.IHistory = await stack.histories.workflow
        .getHandle(id, runId)
        .fetchHistory();
      const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
      const markers = history.events!.flatMap((e) =>
        Object.values(e.markerRecordedEventAttributes?.details ?? {}).flatMap((p) => p.payloads ?? []),
      );
      const tagged = (run: string) => markers.some((p) => text(p.data).includes(`"carry":"${run}"`));
      const previous: string | undefined = started.continuedExecutionRunId || undefined;
      if (previous && tagged(previous) && tagged(runId)) {
        await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, id);
        if (++replayed === 2) return;
      }
      runId = previous;
    }
    expect.unreachable('no two runs that both took and stashed a list');
  });
});
