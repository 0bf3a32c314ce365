/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { Redis } from 'ioredis';
import { inject, afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../../api/create-api.js';
import type { SwitchboardConfig } from '../../../config/schema.js';
import type { EventBus } from '../../../platform/events/bus.js';
import { createEventBus } from '../../../platform/events/redis-bus.js';
import { startWorker, type RunningWorker } from '../../../worker/run-worker.js';
import { ApiClient, type EventStream } from '../../support/api-client.js';
import { startRedis } from '../../support/api-processes.js';
import * as doc from '../../support/api-documents.js';
import { LOGIN } from '../../support/api-stack.js';
import { WorkflowStack } from '../../support/workflow-stack.js';

// The worker and the API apart, Redis between them (a real redis-server). What Redis carries is
// checked before any stream sees it; when the API's subscription drops and comes back, every open
// stream ends with STREAM_RESET, so a desktop reads state again and misses nothing offered meanwhile.

const BIZ = '+15551230000';

async function endsWith(stream: EventStream<any>, code: string): Promise<void> {
  await stream.done;
  expect(stream.received.at(-1)?.errors?.[0]?.extensions?.code).toBe(code);
}

describe('events over Redis: outages and garbage', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let core: WorkflowStack;
  let config: SwitchboardConfig;
  const buses: EventBus[] = [];
  let worker: RunningWorker;
  let api: Api;
  let alice: ApiClient;

  beforeAll(async () => {
    redis = await startRedis();
    core = await WorkflowStack.start({ withWorker: false, ronaTimeoutSeconds: 120 });
    const address = inject('temporalAddress');
    config = {
      ...core.config,
      redis: { url: redis.url },
      api: { ...core.config.api, host: '127.0.0.1', port: 0 },
      web: { port: 0 },
    };
    const bus = () => createEventBus({ redisUrl: redis.url, instance: config.temporal.instance });
    buses.push(await bus(), await bus());
    worker = await startWorker({ config, bus: buses[0]!, address });
    api = createApi({ config, client: core.client, bus: buses[1]! });
    const { url } = await api.listen();
    const http = new ApiClient((u, init) => fetch(u, init), url);
    alice = http.withToken((await http.gql(LOGIN, { username: 'alice', password: 'alice' })).login.token);
  });
  /** Sets alice's status and waits for the stream to tell it (so the stream is live). */
  async function setStatus(stream: EventStream<any>, status: 'IDLE' | 'AVAILABLE'): Promise<void> {
    await alice.gql(doc.SET_STATUS, { status, ...(status === 'IDLE' ? { idleCodeId: 'break' } : {}) });
    await stream.next(
      (e) => e.data?.agentEvents.kind === 'STATUS_CHANGED' && e.data.agentEvents.agent.status === status,
    );
  }

  afterAll(async () => {
    await api?.close();
    await worker?.shutdown();
    for (const bus of buses) await bus.close();
    await core?.stop();
    await redis?.stop();
  });

  it('a malformed message on the channel is logged without its content and ignored; events still flow', async () => {
    const warn = vi.spyOn(console, 'warn');
    const events = await alice.subscribe(doc.AGENT_EVENTS);
    const admin = new Redis(redis.url);
    try {
      const channel = `switchboard:events:${config.temporal.instance}`;
      const secret = 'secret words from +15557779999';
      const bad = { kind: 'CONVERSATION_UPDATED', at: 'now', agentId: 'alice', summary: { participants: secret } };
      for (const message of [
        `not json: ${secret}`,
        JSON.stringify({ conversation: secret, agent: [] }),
        JSON.stringify({ conversation: [], agent: [bad] }),
        JSON.stringify({ conversation: [], agent: [], pad: 'x'.repeat(2_000_000) }),
        '',
      ])
        await admin.publish(channel, message);
      await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
      const next = await events.next((e) => e.data?.agentEvents.kind === 'STATUS_CHANGED');
      expect(next.data.agentEvents.agent.status).toBe('AVAILABLE');
      expect(events.received.every((e) => !e.errors)).toBe(true);
      const lines = warn.mock.calls.map((c) => c.join(' ')).filter((l) => l.includes('ignored a bus message'));
      for (const problem of ['not JSON', 'not a batch', 'oversized'])
        expect(
          lines.some((l) => l.includes(problem)),
          problem,
        ).toBe(true);
      expect(lines.join('\n')).not.toMatch(/secret|7779999/);
    } finally {
      warn.mockRestore();
      admin.disconnect();
      events.close();
    }
  });

  it('a subscription connection killed by Redis resets every open stream; new streams get events', async () => {
    const agent = await alice.subscribe(doc.AGENT_EVENTS);
    const admin = new Redis(redis.url);
    try {
      await setStatus(agent, 'IDLE');
      await admin.client('KILL', 'TYPE', 'pubsub');
      await endsWith(agent, 'STREAM_RESET');
      const again = await alice.subscribe(doc.AGENT_EVENTS);
      await setStatus(again, 'AVAILABLE');
      again.close();
    } finally {
      admin.disconnect();
    }
  });

  it('Redis down and back: the stream is reset and what was offered meanwhile is there to read', async () => {
    const agent = await alice.subscribe(doc.AGENT_EVENTS);
    await setStatus(agent, 'IDLE');
    await setStatus(agent, 'AVAILABLE');
    await redis.stop();
    await core.text('+15557880001', BIZ, 'texted while Redis was down');
    const id = await core.conversationOf(BIZ, '+15557880001');
    await core.until(id, (s) => s.offer?.agentId === 'alice', 'the offer');
    redis = await startRedis(redis.port);
    await endsWith(agent, 'STREAM_RESET');
    // What the desktop does on a reset: read state, and subscribe again (open offers are replayed).
    const state = await alice.gql(doc.MY_OFFERS);
    expect(state.myOffers.map((o: any) => o.conversation.id)).toContain(id);
    const again = await alice.subscribe(doc.AGENT_EVENTS);
    const replayed = await again.next((e) => e.data?.agentEvents.kind === 'OFFERED');
    expect(replayed.data.agentEvents.offer.conversation.id).toBe(id);
    again.close();
  });
});
