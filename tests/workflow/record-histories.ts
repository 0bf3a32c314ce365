// Records the histories the replay test replays: `npm run record-histories [dir]` (default
// histories-one-hop, the newest set). Run it when a workflow change is meant to change histories,
// into a new directory listed in replay.test.ts, so the sets recorded before still replay.
// MOs take the gateway's path (platform/temporal/direct-inbound.ts); one goes by signalWithStart.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startLocalTemporal } from '../../harness/local-temporal.js';
import { findTemporalCli } from '../../platform/temporal/cli.js';
import { WorkflowStack } from '../support/workflow-stack.js';
import { DirectInbound } from '../../platform/temporal/direct-inbound.js';

const OUT = new URL(`./${process.argv[2] ?? 'histories-one-hop'}/`, import.meta.url).pathname;
const BIZ = '+15551230000';

const env = await startLocalTemporal();
const stack = await WorkflowStack.start({ address: env.address, ronaTimeoutSeconds: 1, autoWrapUpSeconds: 1 });
let gateway = new DirectInbound(stack.client, stack.config);
const mo = (body: string, id: string) =>
  gateway.submit(
    { from: '+15550000001', to: BIZ, message: { id, text: body, receivedAt: new Date().toISOString() } },
    Date.now() + 5_000,
  );
try {
  // Every kind of step once: RONA, accept, reply, conference (join, exit), transfers, end, auto wrap-up.
  await stack.setStatus('alice', 'AVAILABLE');
  await mo('hello', 'rec-1');
  const id = await stack.conversationOf(BIZ, '+15550000001');
  await stack.until(id, (s) => s.status === 'QUEUED' && s.offerSeq === 1, 'RONA');
  await stack.setStatus('alice', 'AVAILABLE');
  await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
  await stack.act(id, { type: 'accept', agentId: 'alice' });
  await stack.act(id, { type: 'send', agentId: 'alice', text: 'Hi there', clientMessageId: 'a1' });
  // Into the open conversation: straight in, by the thread's signal, by its update (a fresh gateway).
  await mo('straight in', 'rec-1b');
  await stack.text('+15550000001', BIZ, 'by signalWithStart', 'rec-1c');
  gateway = new DirectInbound(stack.client, stack.config);
  await mo('by the update', 'rec-1d');
  await stack.until(id, (s) => s.messages.filter((m) => m.direction === 'INBOUND').length === 4, 'texts in');
  await stack.setStatus('bob', 'AVAILABLE');
  await stack.act(id, { type: 'requestConference', agentId: 'alice', targetId: 'bob' });
  await stack.act(id, { type: 'acceptConference', agentId: 'bob' });
  await stack.act(id, { type: 'exitConference', agentId: 'bob' });
  await stack.act(id, { type: 'transferToAgent', agentId: 'alice', targetId: 'bob' });
  await stack.act(id, { type: 'accept', agentId: 'bob' });
  await stack.act(id, { type: 'wrapUp', agentId: 'alice', reasonId: 'resolved' });
  await stack.act(id, { type: 'transferToQueue', agentId: 'bob', queueId: 'support' });
  await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer after transfer to queue');
  await stack.act(id, { type: 'accept', agentId: 'alice' });
  await stack.act(id, { type: 'end', agentId: 'alice' });
  await mo('after end', 'rec-2'); // into the ended conversation: redirected to the thread
  await stack.conversationOf(BIZ, '+15550000001', 1);
  await stack.until(id, (s) => s.status === 'CLOSED', 'auto wrap-up');

  mkdirSync(OUT, { recursive: true });
  const thread = await stack.thread(BIZ, '+15550000001');
  const ids = {
    conversation: id,
    thread: `${stack.config.temporal.instance}:thread:${BIZ}:+15550000001`,
    router: stack.router('alice').workflowId,
  };
  // Workflow ids are part of what replays (a child's id derives from its parent's), so keep them.
  writeFileSync(`${OUT}index.json`, JSON.stringify(ids, null, 2));
  for (const [name, workflowId] of Object.entries(ids)) {
    // The CLI's JSON is the format Worker.runReplayHistory reads (and what `temporal workflow show` gives support).
    const json = execFileSync(
      findTemporalCli(),
      ['workflow', 'show', '--address', env.address, '-w', workflowId, '-o', 'json'],
      { encoding: 'utf8' },
    );
    writeFileSync(`${OUT}${name}.json`, json);
    console.log(`recorded ${name}: ${(JSON.parse(json) as { events: unknown[] }).events.length} events`);
  }
  console.log(`thread holds ${thread.conversations.length} conversations`);
} finally {
  await stack.stop();
  await env.teardown();
}
