// MOs spread uniformly at random over every open conversation (with the default cache most meet
// a cold workflow), timed until none has a task pending; every one must show in its
// conversation, once.
import { customerSearchValue } from '../../config/identifiers.js';
import { stateQuery, threadQuery } from '../../workflows/contract/definitions.js';
import { threadId } from '../../workflows/contract/ids.js';
import { CHECK_MS, customer, INBOUND, MO_ROW, moTargets, sendMoPhase } from '../mo-load.js';
import { noTaskPending, timedUntilShown } from '../mo-check.js';
import type { Reporter } from '../reporter.js';
import { BIZ, type WorkflowStack } from './stack.js';

const n = (x: number) => x.toLocaleString('en-US');

/** Returns the MO rate measured. */
export async function moSpread(r: Reporter, s: WorkflowStack, open: number): Promise<number> {
  const targets = moTargets(INBOUND, open);
  // Each customer's conversation from visibility, in pages: a query per thread would be a replay.
  const byCustomer = new Map<string, string>();
  for await (const w of s.client.workflow.list({
    query: `SbInstance = '${s.config.temporal.instance}' AND WorkflowType = 'conversationWorkflow'`,
  })) {
    const c = w.searchAttributes?.SbCustomer?.[0];
    if (typeof c === 'string') byCustomer.set(c, w.workflowId);
  }
  const conversationOf = new Map<number, string>();
  const count = async (i: number) => {
    let id = conversationOf.get(i) ?? byCustomer.get(customerSearchValue(s.config, customer(i)));
    if (!id) {
      id = (
        await s.client.workflow.getHandle(threadId(s.config.temporal.instance, BIZ, customer(i))).query(threadQuery)
      ).current!;
      conversationOf.set(i, id);
    }
    const state = await s.client.workflow.getHandle(id).query(stateQuery);
    return state.messages.filter((m) => m.direction === 'INBOUND').length;
  };
  s.meter.start();
  const start = performance.now();
  const sent = await sendMoPhase(r, 'MOs sent into open conversations', targets, s.text);
  const sentSeconds = (performance.now() - start) / 1000;
  // The MO's path: straight into the conversation (the thread only when it was not known).
  const path = (i: number) => [
    threadId(s.config.temporal.instance, BIZ, customer(i)),
    ...[byCustomer.get(customerSearchValue(s.config, customer(i)))].filter((id) => id !== undefined),
  ];
  let cpu = '';
  const { seconds, verdict, how, expected } = await timedUntilShown(
    r,
    'messages shown in open conversations',
    start,
    targets.slice(0, sent),
    {
      settled: (i) => noTaskPending(s.client, path(i)),
      count,
      onSettled: () => (cpu = s.meter.note(sent)),
      checkMs: CHECK_MS,
    },
  );
  const inboundRate = sent / seconds;
  r.row({
    name: MO_ROW,
    rate: inboundRate,
    unit: 'msg/s',
    target: '>= 300/s, none lost',
    note: `n=${sent} into ${n(expected.size)} of ${n(open)} open (uniform); ${verdict}; all accepted in ${sentSeconds.toFixed(1)} s; ${how}; ${cpu}`,
  });

  return inboundRate;
}
