import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../platform/events/redis-bus.js';
import type { EventBus } from '../../../platform/events/bus.js';
import { startWorker, type RunningWorker } from '../../../worker/run-worker.js';
import { ApiClient } from '../../support/api-client.js';
import { startApiProcesses, startRedis } from '../../support/api-processes.js';
import * as doc from '../../support/api-documents.js';
import { LOGIN } from '../../support/api-stack.js';
import { WorkflowStack } from '../../support/workflow-stack.js';

// Two API processes (stack/main/api.ts) behind one Redis: what an agent does through one reaches its
// subscription on the other, because the worker publishes through Redis and both APIs listen.

const BIZ = '+15551230000';

describe('two API processes sharing events through Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let core: WorkflowStack;
  let bus: EventBus;
  let worker: RunningWorker;
  let apis: Awaited<ReturnType<typeof startApiProcesses>> | undefined;
  const urls: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    core = await WorkflowStack.start({ withWorker: false, ronaTimeoutSeconds: 20 });
    const address = inject('temporalAddress');
    const config = { ...core.config, redis: { url: redis.url }, temporal: { ...core.config.temporal, address } };
    bus = await createEventBus({ redisUrl: redis.url, instance: config.temporal.instance });
    worker = await startWorker({ config, bus, address });
    apis = await startApiProcesses(config);
    urls.push(...apis.urls);
  });
  afterAll(async () => {
    await apis?.stop();
    await worker?.shutdown();
    await bus?.close();
    await core?.stop();
    await redis?.stop();
  });

  const client = (i: number, token?: string) => new ApiClient((url, init) => fetch(url, init), urls[i]!, token);

  it('both are ready (Temporal and Redis)', async () => {
    for (const url of urls) {
      const res = await fetch(`${url}/ready`);
      expect(await res.json()).toEqual({ ready: true, checks: { temporal: 'ok', redis: 'ok' } });
    }
  });

  it('a status change, an offer and an accept made through A reach subscribers on B', async () => {
    const login = (await client(0).gql(LOGIN, { username: 'alice', password: 'alice' })).login;
    const onA = client(0, login.token);
    const onB = client(1, login.token); // the same signed token works on every API process
    const events = await onB.subscribe(doc.AGENT_EVENTS);
    expect(events.status).toBe(200);

    await onA.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await events.next(
      (e) => e.data?.agentEvents.kind === 'STATUS_CHANGED' && e.data.agentEvents.agent.status === 'AVAILABLE',
    );

    await core.text('+15557000005', BIZ, 'hello from far away');
    const offer = await events.next((e) => e.data?.agentEvents.kind === 'OFFERED');
    const id = offer.data.agentEvents.offer.conversation.id;
    const conversationOnB = await onB.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect((await onA.gql(doc.ACCEPT, { conversationId: id })).r.userErrors).toEqual([]);
    const joined = await conversationOnB.next((e) => e.data?.conversationEvents.kind === 'PARTICIPANT_JOINED');
    expect(joined.data.conversationEvents.conversation).toMatchObject({ id, status: 'ACTIVE' });
    events.close();
    conversationOnB.close();
  });
});
