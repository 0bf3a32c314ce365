import { describe, expect, it } from 'vitest';
import { groupedConfig, routeWaiting } from '../../harness/router-load.js';
import { runSizes } from '../../harness/router-history.js';
import { routerStack } from '../support/router-stack.js';

// Many waiting conversations across several routing groups, routed straight into the routers'
// signals, 20 routes a signal (no agent is logged in, so all of them wait). 6,000 here, continuing
// as new every 60 events so every router hands its packed list over many times; the larger sizes
// are the bench's router suite (bench/router-bench.ts).
const WAITING = 6_000;
/** Packed JSON per waiting conversation, at most (measured: about 30 B), plus agents and queues. */
const BYTES_PER_WAITING = 40;
const QUEUES = ['support', 'sales', 'q-a', 'q-b', 'q-c', 'q-d'];

const stack = routerStack(() => groupedConfig({ historyLimit: 60 }));

describe('routers at scale', () => {
  it(
    'four groups, four routers; every waiting conversation is kept across their runs',
    { timeout: 600_000 },
    async () => {
      expect(stack.routers.keys).toEqual(['q-a', 'q-c', 'q-d', 'sales']);
      await routeWaiting(stack.client, stack.config, stack.routers, { count: WAITING, queues: QUEUES, batch: 20 });
      const perQueue = WAITING / QUEUES.length;
      await expect
        .poll(async () => (await stack.routers.queues()).map((q) => [q.id, q.waiting]), {
          timeout: 240_000,
          interval: 1000,
        })
        .toEqual(QUEUES.map((q) => [q, perQueue]));

      // Each router has handed over at least once (one may still be handing over when the counts
      // are complete: the closing run answers queries until it continues as new).
      for (const k of stack.routers.keys) {
        const runs = async () => (await runSizes(stack.client, stack.routers.id(k))).runs;
        await expect.poll(runs, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(1);
      }
      const sizes = await Promise.all(stack.routers.keys.map((k) => runSizes(stack.client, stack.routers.id(k))));
      for (const s of sizes) {
        // No run starts with more than its group's packed list (plus the agents and queues) in its
        // input, and no event carries more: 2 queues of 1,000 are about 60 KB.
        const bound = 2 * perQueue * BYTES_PER_WAITING + 8 * 1024;
        expect(s.maxInput, s.workflowId).toBeLessThan(bound);
        expect(s.maxPayload, s.workflowId).toBeLessThan(bound);
      }
    },
  );

  it('agents of a group see their own queues only, and a status change reaches their router', async () => {
    const erin = await stack.routers.setStatus({ agentId: 'erin', status: 'IDLE', idleCodeId: 'break' });
    expect(erin).toMatchObject({ id: 'erin', status: 'IDLE', queues: ['q-c'] });
    const agents = await stack.routers.agents();
    expect(agents.map((a) => a.id)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(agents.find((a) => a.id === 'alice')!.status).toBe('LOGGED_OUT');
  });
});
