/* eslint-disable @typescript-eslint/no-explicit-any -- the benchmark reads GraphQL answers by shape; a wrong one throws */
// The API's mutation round trip over real HTTP: acceptConversation and sendMessage, each a
// GraphQL POST that becomes one Temporal Update (the caller waits for the workflow's answer).
// Starts its own on-disk dev server, then worker and API through the composition root (stack/),
// and an SMS double on the gateway's task queue; one agent, sequential calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { listen } from '../platform/events/bus.js';
import { submitCustomerText } from '../platform/temporal/inbound.js';
import { actUpdate } from '../workflows/contract/definitions.js';
import { testConfig } from '../harness/test-config.js';
import { withTemporalAddress } from '../stack/address.js';
import { startStack } from '../stack/start-stack.js';
import type { Reporter } from './reporter.js';
import { startSmsStandIn } from './sms-stand-in.js';
import { latencyRow } from './stats.js';

const N = Number(process.env.BENCH_API_ROUND_TRIPS ?? 200);
const WARMUP = 20;
/** Round trips stop this long before the budget ends, so the rows of what was measured are kept. */
const SOFT_STOP_MS = 8_000;
const BIZ = '+15551230000';

export async function runApiBench(r: Reporter): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-api-bench-'));
  r.cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const env = await startLocalTemporal({ dbFilename: join(dir, 'temporal.db') });
  r.cleanup(() => env.teardown());
  const base = testConfig({ ronaTimeoutSeconds: 3600, capacity: 50 });
  const config = withTemporalAddress(
    { ...base, api: { ...base.api, host: '127.0.0.1', port: 0 }, web: { port: 0 } },
    env.address,
  );
  await startSmsStandIn(r, config, env.address);
  const stack = await startStack(config, { parts: ['worker', 'api'] });
  r.cleanup(() => stack.stop());
  const client = stack.client!;
  const bus = stack.bus!;
  const url = stack.api!.url;
  let token = '';
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`bench request failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const accepts: number[] = [];
  const sends: number[] = [];
  const direct: number[] = [];
  token = (await post('mutation { login(username: "alice", password: "alice") { token } }')).login.token;
  await post('mutation { setAgentStatus(status: AVAILABLE) { agent { id } } }');
  for (let i = 0; i < WARMUP + N; i++) {
    r.progress('API round trips (accept, send, end, wrap-up)', i, WARMUP + N);
    // Near the budget's end: stop and report what was measured (the rows say n).
    if (Date.now() > r.deadline - SOFT_STOP_MS && accepts.length > 0) break;
    r.check();
    const offered = new Promise<string>((resolve) => {
      const stop = listen(bus.pubSub.subscribe('agent', 'alice'), (e) => {
        if (e.kind === 'OFFERED' && e.conversationId) {
          stop();
          resolve(e.conversationId);
        }
      });
    });
    await submitCustomerText(client, config, {
      from: `+1555${String(2000000 + i).slice(1)}`,
      to: BIZ,
      message: { id: `bench-${i}`, text: 'hello', receivedAt: new Date().toISOString() },
    });
    const conversationId = await offered;
    let start = performance.now();
    const accepted = await post(
      'mutation($c: ID!) { acceptConversation(conversationId: $c) { conversation { id status } userErrors { code } } }',
      { c: conversationId },
    );
    const acceptMs = performance.now() - start;
    start = performance.now();
    const sent = await post(
      'mutation($c: ID!, $m: ID) { sendMessage(conversationId: $c, text: "On it!", clientMessageId: $m) { message { id deliveryStatus } userErrors { code } } }',
      { c: conversationId, m: `m-${i}` },
    );
    const sendMs = performance.now() - start;
    if (accepted.acceptConversation.userErrors.length || sent.sendMessage.userErrors.length)
      throw new Error('bench action rejected');
    // Baseline: the same Update straight from a Temporal client, without HTTP and GraphQL.
    start = performance.now();
    await client.workflow
      .getHandle(conversationId)
      .executeUpdate(actUpdate, { args: [{ type: 'send', agentId: 'alice', text: 'Direct.' }] });
    const directMs = performance.now() - start;
    if (i >= WARMUP) {
      accepts.push(acceptMs);
      sends.push(sendMs);
      direct.push(directMs);
    }
    await post('mutation($c: ID!) { endConversation(conversationId: $c) { userErrors { code } } }', {
      c: conversationId,
    });
    await post('mutation($c: ID!) { submitWrapUp(conversationId: $c, reasonId: "resolved") { userErrors { code } } }', {
      c: conversationId,
    });
  }
  const rate = (xs: number[]) => (xs.length ? 1000 / (xs.reduce((a, b) => a + b, 0) / xs.length) : 0); // sequential calls/s
  const note = 'HTTP POST -> Temporal Update -> answer; on-disk dev server, sequential';
  r.row(
    latencyRow('API mutation round trip: acceptConversation', accepts, {
      rate: rate(accepts),
      target: 'p99 <= 75 ms',
      note: `n=${accepts.length}; ${note}`,
    }),
    latencyRow('API mutation round trip: sendMessage', sends, {
      rate: rate(sends),
      target: 'p99 <= 75 ms',
      note: `n=${sends.length}; ${note}`,
    }),
    latencyRow('baseline: the same send Update from a Temporal client', direct, {
      rate: rate(direct),
      note: `n=${direct.length}; what the API adds is the difference`,
    }),
    latencyRow('API mutation round trip: send + accept', [...accepts, ...sends], {
      rate: rate([...accepts, ...sends]),
      target: 'p99 <= 75 ms',
      note: `n=${accepts.length + sends.length}`,
    }),
  );
}

// Run alone: BENCH_ONLY=api npm run bench
