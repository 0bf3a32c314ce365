import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../../worker/run-worker.js';

// Histories recorded from earlier code (tests/workflow/record-histories.ts) must replay on the
// current code: a change that breaks determinism fails here, before it breaks running conversations.
// Each set stays: `histories` from before signals left from local activities, `histories-one-hop` after.
const SETS = ['histories', 'histories-one-hop'];

describe.each(SETS)('replay of recorded histories (%s)', (set) => {
  const DIR = new URL(`./${set}/`, import.meta.url).pathname;
  const ids = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as Record<string, string>;
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');

  it('has histories to replay', () => {
    expect(files.sort()).toEqual(['conversation.json', 'router.json', 'thread.json']);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = JSON.parse(readFileSync(DIR + file, 'utf8')) as { events: unknown[] };
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, ids[file.replace('.json', '')]);
  });
});
