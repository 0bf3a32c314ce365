import { describe, expect, it } from 'vitest';
import { groupedConfig, routeWaiting } from '../../harness/router-load.js';
import { routerStack } from '../support/router-stack.js';

// The hand-over through history with payload encryption on: the chunks are ciphertext in the
// closing run's markers, and the next run's local activity decodes them with the worker's codec.
// 600 waiting in one group (about 18 KB packed) at 2 KB chunks and a 4 KB inline limit.
const WAITING = 600;
const QUEUES = ['support', 'sales'];
const CHUNK = 2 * 1024;

const stack = routerStack(() => groupedConfig({ historyLimit: 60, encryption: true }), {
  carryBytes: CHUNK,
  inlineMaxBytes: 2 * CHUNK,
});

const waiting = async () =>
  (await stack.routers.queues()).filter((q) => QUEUES.includes(q.id)).reduce((n, q) => n + q.waiting, 0);

describe('the hand-over through history, encrypted', () => {
  it(
    'reads ciphertext chunks back: every route counted, and the router past its hand-overs',
    { timeout: 300_000 },
    async () => {
      const id = stack.routers.id('sales');
      const first = (await stack.client.workflow.getHandle(id).describe()).runId;
      await routeWaiting(stack.client, stack.config, stack.routers, {
        count: WAITING,
        queues: QUEUES,
        batch: 5,
        concurrency: 4,
      });
      await expect.poll(waiting, { timeout: 120_000, interval: 500 }).toBe(WAITING);
      const runId0 = async () => (await stack.client.workflow.getHandle(id).describe()).runId;
      await expect.poll(runId0, { timeout: 120_000, interval: 500 }).not.toBe(first);
      // An Update waits while a run reads its list back: its answer means the reading is done.
      await expect(
        stack.routers.setStatus({ agentId: 'alice', status: 'IDLE', idleCodeId: 'break' }),
      ).resolves.toMatchObject({
        status: 'IDLE',
      });
      expect(await waiting()).toBe(WAITING);

      // Several runs, and at least one started from a stash: its input is ciphertext, so this looks
      // for what only a stashed hand-over writes: markers of the next run's chunk reads.
      let runId: string | undefined = (await stack.client.workflow.getHandle(id).describe()).runId;
      expect(runId).not.toBe(first);
      let markers = 0;
      let plaintext = false;
      for (; runId;) {
        const history = await stack.histories.workflow.getHandle(id, runId).fetchHistory();
        for (const e of history.events ?? []) {
          const payloads = Object.values(e.markerRecordedEventAttributes?.details ?? {}).flatMap(
            (p) => p.payloads ?? [],
          );
          if (payloads.length > 0) markers++;
          plaintext ||= payloads.some((p) => p.data && Buffer.from(p.data).includes('"carry"'));
        }
        runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      }
      // One hand-over of the whole list is ~9 chunks: stashed by one run, read by the next.
      expect(markers).toBeGreaterThanOrEqual(15);
      expect(plaintext).toBe(false);
    },
  );
});
