// Records the thread history replay-keywords.test.ts replays: keywords that came while no
// conversation was open, then a conversation and texts into it, as the code before 'thread-inbound-rules' handled them (kept on the thread
// only). Run on that code (`git checkout ea3092d -- workflows/`): `npx tsx tests/workflow/record-keyword-history.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startLocalTemporal } from '../../harness/local-temporal.js';
import { findTemporalCli } from '../../platform/temporal/cli.js';
import { eventually } from '../support/eventually.js';
import { WorkflowStack } from '../support/workflow-stack.js';

const OUT = new URL('./histories-before-inbound-rules/', import.meta.url).pathname;
const BIZ = '+15551230000';
const CUSTOMER = '+15550000002';

const env = await startLocalTemporal();
const stack = await WorkflowStack.start({ address: env.address });
try {
  // One at a time, so each keyword is a workflow task of its own with nothing to command.
  const keywords = ['HELP', 'Yes', 'Cancel', 'Unstop', 'Info'];
  for (const [i, text] of keywords.entries()) {
    await stack.mo(CUSTOMER, BIZ, text, `kw-${i}`);
    await eventually(async () => {
      if ((await stack.thread(BIZ, CUSTOMER)).keywords.length <= i) throw new Error(`${text} not in yet`);
    });
  }
  // Then commands after them: a conversation started, and texts forwarded into it.
  await stack.mo(CUSTOMER, BIZ, 'hello', 'kw-hello');
  const id = await stack.conversationOf(BIZ, CUSTOMER);
  for (const text of ['are you there?', 'STOP', 'START']) {
    await stack.mo(CUSTOMER, BIZ, text, `kw-${text}`);
    await stack.until(id, (s) => s.messages.some((m) => m.text === text), text);
  }
  mkdirSync(OUT, { recursive: true });
  const workflowId = `${stack.config.temporal.instance}:thread:${BIZ}:${CUSTOMER}`;
  const json = execFileSync(
    findTemporalCli(),
    ['workflow', 'show', '--address', env.address, '-w', workflowId, '-o', 'json'],
    { encoding: 'utf8' },
  );
  writeFileSync(`${OUT}thread-keywords.json`, json);
  writeFileSync(`${OUT}index.json`, JSON.stringify({ 'thread-keywords': workflowId }, null, 2));
  console.log(`recorded: ${(JSON.parse(json) as { events: unknown[] }).events.length} events`);
} finally {
  await stack.stop();
  await env.teardown();
}
