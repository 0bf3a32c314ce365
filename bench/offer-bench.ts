// MO at the carrier to OFFERED on a subscribed agent's SSE stream, with 50 agents logged in and
// subscribed: the real stack (simulator, SMPP gateway, workflows, API), an on-disk dev server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { FullStack } from '../harness/full-stack.js';
import { latencyRow, type Row } from './stats.js';

const AGENTS = 50;
const OFFERS = Number(process.env.BENCH_OFFERS ?? 40);
const BIZ = '+15551230000';

async function gql(url: string, query: string, token?: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return ((await res.json()) as { data: Record<string, any> }).data; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Reads an agentEvents SSE stream and calls back with each OFFERED offer's phone number. */
async function subscribe(
  url: string,
  token: string,
  onOffer: (phone: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription { agentEvents { kind offer { phoneNumber } } }' }),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((l) => l.startsWith('data:'))
          ?.slice(5);
        buffer = buffer.slice(end + 2);
        const event = data
          ? (JSON.parse(data) as { data?: { agentEvents?: { kind: string; offer?: { phoneNumber: string } } } }).data
              ?.agentEvents
          : undefined;
        if (event?.kind === 'OFFERED' && event.offer) onOffer(event.offer.phoneNumber);
      }
    }
  })();
}

export async function runOfferBench(): Promise<Row[]> {
  const dbFilename = join(mkdtempSync(join(tmpdir(), 'switchboard-offer-bench-')), 'temporal.db');
  const env = await startLocalTemporal({ dbFilename });
  const stack = await FullStack.start({ address: env.address, ronaTimeoutSeconds: 3600, extraAgents: AGENTS - 3 });
  const abort = new AbortController();
  const waiting = new Map<string, () => void>();
  try {
    for (const agent of stack.config.agents) {
      const token = (
        await gql(
          stack.url,
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          undefined,
          { u: agent.username, p: agent.password },
        )
      ).login.token as string;
      await gql(stack.url, 'mutation { setAgentStatus(status: AVAILABLE) { userErrors { code } } }', token);
      await subscribe(stack.url, token, (phone) => waiting.get(phone)?.(), abort.signal);
    }
    const samples: number[] = [];
    for (let i = 0; i < OFFERS + 3; i++) {
      const phone = `+1555800${String(1000 + i)}`;
      const offered = new Promise<void>((resolve) => waiting.set(phone, resolve));
      const start = performance.now();
      await stack.simulator.sendMo({ from: phone, to: BIZ, text: `hello ${i}` });
      await offered;
      if (i >= 3) samples.push(performance.now() - start); // the first few warm the caches
    }
    return [
      latencyRow(`MO at the carrier -> OFFERED on the agent's stream (${AGENTS} agents subscribed)`, samples, {
        target: 'p99 <= 150 ms',
      }),
    ];
  } finally {
    abort.abort();
    await stack.stop();
    await env.teardown();
  }
}
