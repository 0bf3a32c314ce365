import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../../worker/run-worker.js';

// A thread recorded on the code before 'thread-inbound-rules' (record-keyword-history.ts): HELP,
// Yes, Cancel, Unstop and Info while no conversation was open (kept on the thread only, no
// command), then a text that started one. Runs like it must finish as they began.
const DIR = new URL('./histories-before-inbound-rules/', import.meta.url).pathname;
const ids = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as Record<string, string>;

describe('replay of a thread from before the inbound rules', () => {
  it('keywords with no conversation open replay without nondeterminism', async () => {
    const history = JSON.parse(readFileSync(`${DIR}thread-keywords.json`, 'utf8')) as { events: unknown[] };
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, ids['thread-keywords']);
  });
});
