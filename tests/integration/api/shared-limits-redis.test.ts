import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { startApiProcesses, startRedis } from '../../support/api-processes.js';
import * as doc from '../../support/api-documents.js';
import { LOGIN } from '../../support/api-stack.js';
import { WorkflowStack } from '../../support/workflow-stack.js';

// Two API processes (stack/main/api.ts) with one Redis: the sign-in limit is one limit across both,
// and a logout through one revokes the token on the other, ending its open streams there too.

const FREE = 3;

describe('sign-in limits and revocation shared through Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let core: WorkflowStack;
  let apis: Awaited<ReturnType<typeof startApiProcesses>> | undefined;
  const urls: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    core = await WorkflowStack.start({ ronaTimeoutSeconds: 20 });
    const address = inject('temporalAddress');
    const config = {
      ...core.config,
      redis: { url: redis.url },
      temporal: { ...core.config.temporal, address },
      auth: { ...core.config.auth, login: { ...core.config.auth.login, freeAttempts: FREE, baseDelaySeconds: 60 } },
    };
    apis = await startApiProcesses(config);
    urls.push(...apis.urls);
  });
  afterAll(async () => {
    await apis?.stop();
    await core?.stop();
    await redis?.stop();
  });

  const client = (i: number, token?: string) => new ApiClient((url, init) => fetch(url, init), urls[i]!, token);

  it('wrong passwords spread over both processes count against one limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client(i % 2).raw(LOGIN, { username: 'bob', password: 'wrong' })),
    );
    expect(answers.filter((a) => a.data?.login?.userErrors?.[0]?.code === 'NOT_ALLOWED')).toHaveLength(FREE);
    expect((await client(1).raw(LOGIN, { username: 'bob', password: 'bob' })).errors?.[0]?.extensions?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('logout through A revokes the token on B and ends B’s stream with FORBIDDEN', async () => {
    const token = (await client(0).gql(LOGIN, { username: 'alice', password: 'alice' })).login.token;
    const onB = client(1, token);
    expect((await onB.gql(doc.ME)).me.id).toBe('alice');
    const events = await onB.subscribe(doc.AGENT_EVENTS);
    expect(events.status).toBe(200);
    expect((await client(0, token).gql(doc.LOGOUT)).logout.userErrors).toEqual([]);
    await events.done;
    expect(events.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await onB.raw(doc.ME);
    expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
