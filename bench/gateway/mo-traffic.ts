// MOs at the carrier simulator, and whether they reached their conversations: the gateway suite's
// load and its check that none was lost.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { CarrierSimulator } from '../../smpp-gateway/simulator/carrier-simulator.js';
import { stateQuery, threadQuery } from '../../workflows/contract/definitions.js';
import { threadId } from '../../workflows/contract/ids.js';
import { ConditionMissed, type Reporter } from '../reporter.js';
import { BIZ, CUSTOMERS, customer } from './config.js';

/** Open loop at `perSecond` for `count` MOs over the customers; ack times in ms. */
export async function moLoad(
  r: Reporter,
  sim: CarrierSimulator,
  count: number,
  perSecond: number,
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
    // Open loop: each MO at its due time, whatever became of the earlier ones.
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      sim.sendMo({ from: customer(i), to: BIZ, text: `${tag} message ${i}` }).then(
        (mo) => void (mo.status === 0 ? acks.push(mo.ackMs) : failed++),
        () => void failed++,
      ),
    );
  }
  await Promise.all(pending);
  return { acks, failed, seconds: (performance.now() - started) / 1000 };
}

/** Messages of `tag` that reached a conversation, over every customer's thread. */
async function countInConversations(client: Client, config: SwitchboardConfig, tag: string): Promise<number> {
  let total = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    const thread = await client.workflow
      .getHandle(threadId(config.temporal.instance, BIZ, customer(c)))
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

/** Polls until `count` MOs of `tag` have reached their conversations; the miss says how many did. */
export async function untilReached(
  r: Reporter,
  client: Client,
  config: SwitchboardConfig,
  tag: string,
  count: number,
): Promise<number> {
  for (;;) {
    // A conversation that has not run its first task yet answers no query: not there yet.
    const reached = await countInConversations(client, config, tag).catch(() => 0);
    r.progress(`${tag} MOs reached their conversations`, reached, count);
    if (reached >= count) return reached;
    if (Date.now() > r.deadline)
      throw new ConditionMissed(`benchmark condition not reached: ${reached} of ${count} ${tag} MOs in conversations`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
