import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { WorkflowStack } from '../support/workflow-stack.js';
import { startProcess, writeConfigFile, type Child } from '../../harness/child-process.js';

const BIZ = '+15551230000';

// The worker runs as a real process that the test kills with SIGKILL: no graceful shutdown, no
// chance to flush anything. Temporal holds the state; a new worker process picks it up.
describe('durability: the worker process dies and comes back', () => {
  let stack: WorkflowStack;
  let worker: Child | undefined;
  let configPath: string;

  const startWorker = async () => {
    worker = await startProcess(
      'stack/main/worker.ts',
      {
        SWITCHBOARD_CONFIG: configPath,
        SWITCHBOARD_TEMPORAL_ADDRESS: inject('temporalAddress'),
      },
      /worker ready/,
    );
  };

  beforeAll(async () => {
    stack = await WorkflowStack.start({ withWorker: false, ronaTimeoutSeconds: 3 });
    configPath = writeConfigFile(stack.config);
    await startWorker();
  });
  afterAll(async () => {
    await worker?.kill();
    await stack?.stop();
  });

  it('a RONA timer that fell due while no worker ran fires on restart', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text('+15557775001', BIZ, 'hello?');
    const id = await stack.conversationOf(BIZ, '+15557775001');
    const offered = await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
    await worker!.kill();
    // Wait (on the server's clock, via the offer's own deadline) until the timer is overdue.
    while (Date.now() < Date.parse(offered.offer!.expiresAt) + 500) await new Promise((r) => setTimeout(r, 100));
    await startWorker();
    const lapsed = await stack.until(id, (s) => s.status === 'QUEUED', 'RONA after restart');
    expect(lapsed.messages.filter((m) => m.direction === 'INBOUND')).toHaveLength(1);
    expect((await stack.agent('alice')).status).toBe('RONA');
  }, 90_000);

  it('a conversation carries on: messages sent while the worker was down show once, replies flow', async () => {
    await stack.setStatus('alice', 'AVAILABLE');
    await stack.text('+15557775002', BIZ, 'first');
    const id = await stack.conversationOf(BIZ, '+15557775002');
    await stack.until(id, (s) => s.offer?.agentId === 'alice', 'offer');
    await stack.act(id, { type: 'accept', agentId: 'alice' });
    await stack.act(id, { type: 'send', agentId: 'alice', text: 'reply one', clientMessageId: 'r1' });
    await worker!.kill();
    await stack.text('+15557775002', BIZ, 'while you were down', 'down-1');
    await stack.text('+15557775002', BIZ, 'while you were down', 'down-1'); // carrier redelivery
    await startWorker();
    const s = await stack.until(
      id,
      (x) => x.messages.some((m) => m.id === 'down-1'),
      'the message sent during the outage',
    );
    expect(s.messages.filter((m) => m.id === 'down-1')).toHaveLength(1);
    await stack.act(id, { type: 'send', agentId: 'alice', text: 'reply two', clientMessageId: 'r2' });
    const after = await stack.until(
      id,
      (x) => x.messages.filter((m) => m.deliveryStatus === 'SUBMITTED').length === 2,
      'both replies submitted',
    );
    expect(after.status).toBe('ACTIVE');
    expect(stack.sent.filter((r) => r.conversationId === id).map((r) => r.text)).toEqual(['reply one', 'reply two']);
  }, 90_000);
});
