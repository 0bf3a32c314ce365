// MO at the carrier to OFFERED on a subscribed agent's SSE stream, with 50 agents logged in and
// subscribed: the real stack (simulator, SMPP gateway, workflows, API), an on-disk dev server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalTemporal } from '../harness/local-temporal.js';
import { FullStack } from '../harness/full-stack.js';
import { actUpdate } from '../workflows/contract/definitions.js';
import { listen } from '../platform/events/bus.js';
import type { Reporter } from './reporter.js';
import { latencyRow } from './stats.js';

const AGENTS = 50;
const OFFERS = Number(process.env.BENCH_OFFERS ?? 40);
/** Conversations cycled through the router at once: offered, accepted, ended, wrapped up (released). */
const CYCLED = Number(process.env.BENCH_ROUTER_CONVERSATIONS ?? 200);
/** Kept of the budget for the router phase. */
const ROUTER_PHASE_MS = 35_000;
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

export async function runOfferBench(r: Reporter): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-offer-bench-'));
  r.cleanup(() => rmSync(dir, { recursive: true, force: true }));
  const env = await startLocalTemporal({ dbFilename: join(dir, 'temporal.db') });
  r.cleanup(() => env.teardown());
  const stack = await FullStack.start({ address: env.address, ronaTimeoutSeconds: 3600, extraAgents: AGENTS - 3 });
  r.cleanup(() => stack.stop());
  const abort = new AbortController();
  r.cleanup(() => abort.abort());
  const waiting = new Map<string, () => void>();
  for (const [n, agent] of stack.config.agents.entries()) {
    r.progress('agents logged in and subscribed', n, stack.config.agents.length);
    r.check();
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
    r.progress('offers timed', i, OFFERS + 3);
    // Leave the router phase its time; the row says n.
    if (Date.now() > r.deadline - ROUTER_PHASE_MS && samples.length > 0) break;
    r.check();
    const phone = `+1555800${String(1000 + i)}`;
    const offered = new Promise<void>((resolve) => waiting.set(phone, resolve));
    const start = performance.now();
    await stack.simulator.sendMo({ from: phone, to: BIZ, text: `hello ${i}` });
    await offered;
    if (i >= 3) samples.push(performance.now() - start); // the first few warm the caches
  }
  r.row(
    latencyRow(`MO at the carrier -> OFFERED on the agent's stream (${AGENTS} agents subscribed)`, samples, {
      target: 'p99 <= 150 ms',
    }),
  );
  await routerThroughput(r, stack);
}

/**
 * The router's offers and releases per second: CYCLED customers text at once; every agent who is
 * offered one accepts, ends and wraps it up at once (Temporal Updates, as the API would), which
 * releases the slot for the next offer. (offers + releases) / the time from the first MO to the
 * last release.
 */
async function routerThroughput(r: Reporter, stack: FullStack): Promise<void> {
  let offers = 0;
  let releases = 0;
  const handled = new Set<string>();
  const failures: string[] = [];
  let allReleased!: () => void;
  const done = new Promise<void>((resolve) => (allReleased = resolve));
  const cycle = async (conversationId: string, agentId: string) => {
    const handle = stack.client.workflow.getHandle(conversationId);
    for (const action of [{ type: 'accept' }, { type: 'end' }, { type: 'wrapUp', reasonId: 'resolved' }] as const)
      await handle.executeUpdate(actUpdate, { args: [{ ...action, agentId }] });
    releases++;
    r.progress('conversations offered and released', releases, CYCLED);
    if (releases === CYCLED) allReleased();
  };
  const prefix = '+15558009';
  for (const agent of stack.config.agents) {
    const stop = listen(stack.bus.pubSub.subscribe('agent', agent.id), (e) => {
      // Only this phase's offers: the latency phase's were all made before these listeners.
      if (e.kind !== 'OFFERED' || !e.conversationId || handled.has(e.conversationId)) return;
      handled.add(e.conversationId);
      offers++;
      cycle(e.conversationId, agent.id).catch((error: unknown) => failures.push(String(error)));
    });
    r.cleanup(stop);
  }
  const start = performance.now();
  const sent = await Promise.all(
    Array.from({ length: CYCLED }, (_, i) =>
      stack.simulator.sendMo({ from: `${prefix}${String(i).padStart(3, '0')}`, to: BIZ, text: `cycle ${i}` }),
    ),
  );
  const refused = sent.filter((m) => m.status !== 0).length;
  if (refused > 0) throw new Error(`${refused} of ${CYCLED} MOs refused by the gateway`);
  await Promise.race([
    done,
    new Promise<void>((_, reject) => {
      const tick = setInterval(() => {
        try {
          if (failures.length > 0) throw new Error(`an agent's action failed: ${failures[0]}`);
          r.check();
        } catch (error) {
          clearInterval(tick);
          reject(error as Error);
        }
      }, 200);
      void done.then(() => clearInterval(tick));
    }),
  ]);
  const seconds = (performance.now() - start) / 1000;
  r.row({
    name: `router offers + releases (${CYCLED} conversations, ${AGENTS} agents)`,
    rate: (offers + releases) / seconds,
    unit: 'ops/s',
    target: '>= 200/s',
    note: `${offers} offers, ${releases} releases in ${seconds.toFixed(1)} s; each accepted, ended, wrapped up at once`,
  });
}
