// The durable core on an embedded (on-disk) dev server, the worker in its own process (default
// cache) so its memory can be read: new conversations/s; 10,000 open conversations, created as fast
// as the server routes them; MOs spread uniformly over all of them (most meet a cold workflow);
// Update round trips while MOs go on at half that rate; RSS with them open. Every phase is bounded.
import { rssMb } from './cpu.js';
import { rssCurve } from './milestones.js';
import { OPEN } from './mo-load.js';
import type { Reporter } from './reporter.js';
import { moSpread } from './workflow/mo-spread.js';
import { openConversations } from './workflow/opening.js';
import { startWorkflowStack } from './workflow/stack.js';
import { updatesUnderLoad } from './workflow/updates-under-load.js';

const n = (x: number) => x.toLocaleString('en-US');

export async function runWorkflowBench(r: Reporter): Promise<void> {
  const s = await startWorkflowStack(r);
  const { open, rssOpen, marks } = await openConversations(r, s);
  const inboundRate = await moSpread(r, s, open);
  // The worker's memory once the MOs have been through the conversations (its cache full).
  const rssAfter = rssMb(s.workerPid);
  r.row({
    name: `worker RSS with ${n(open)} open conversations`,
    rate: Math.max(rssOpen, rssAfter),
    unit: 'MB',
    target: '<= 1536 MB at 10,000',
    note: `while opening: ${rssCurve(marks)}; ${rssOpen.toFixed(0)} MB once opened, ${rssAfter.toFixed(0)} MB after the MOs; cache ${process.env.SWITCHBOARD_MAX_CACHED_WORKFLOWS ?? 1000} workflows${open < OPEN ? `; stopped at the budget: ${n(open)} of ${n(OPEN)}` : ''}`,
  });

  await updatesUnderLoad(r, s, open, inboundRate);
}
