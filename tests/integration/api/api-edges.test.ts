/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../api/create-api.js';
import { createEventBus } from '../../../platform/events/redis-bus.js';
import { ApiStack, integratorKey } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';
import { startRedis } from '../../support/api-processes.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';
import { WorkflowStack } from '../../support/workflow-stack.js';

// The API's edges on a production-style configuration, over real HTTP: every argument checked
// (BAD_USER_INPUT naming it), subscriptions capped per caller, fan-out fields costed, /ready
// cached and silent about internals, introspection only with a credential, and the desktop
// served with a Content-Security-Policy.

const BIZ = '+15551230000';
const INLINE = 'console.log("start")';
const codeOf = (r: any) => r.errors?.[0]?.extensions;

describe('API edges (production-style configuration)', () => {
  let stack: ApiStack;
  let webRoot: string;
  let alice: ApiClient;
  let integrator: ApiClient;
  let id: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'sb-web-'));
    mkdirSync(join(webRoot, '_app'), { recursive: true });
    writeFileSync(
      join(webRoot, 'index.html'),
      `<!doctype html><title>desk</title><script type="module" src="/_app/a.js"></script><script>${INLINE}</script>`,
    );
    stack = await ApiStack.start({
      production: true,
      webRoot,
      ronaTimeoutSeconds: 30,
      adjust: (c) => ({ ...c, api: { ...c.api, maxSubscriptionsPerCaller: 3 } }),
    });
    alice = await stack.login(stack.http(), 'alice', 'alice');
    integrator = stack.http(integratorKey(stack.config));
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text('+15557400001', BIZ, 'hello');
    id = await stack.core.conversationOf(BIZ, '+15557400001');
    await stack.core.until(id, (s) => s.offer?.agentId === 'alice');
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('a malformed argument is BAD_USER_INPUT naming it, never an internal error', async () => {
    const huge = Buffer.from(JSON.stringify([1e20, 'x'])).toString('base64url');
    const cases: [ApiClient, string, Record<string, unknown>, string][] = [
      [integrator, doc.CONVERSATIONS, { after: 'not a cursor' }, 'after'],
      [integrator, doc.CONVERSATIONS, { after: huge }, 'after'],
      [integrator, doc.CONVERSATIONS, { after: Buffer.from('[1,2,3]').toString('base64url') }, 'after'],
      [integrator, doc.CONVERSATIONS, { first: 1000 }, 'first'],
      [integrator, doc.CONVERSATIONS, { first: -1 }, 'first'],
      [integrator, doc.CONVERSATIONS, { customerNumber: '555; DROP' }, 'customerNumber'],
      [integrator, doc.CONVERSATIONS, { queueId: 'a'.repeat(100) }, 'queueId'],
      [alice, doc.CONVERSATION_Q, { id: 'x'.repeat(5000) }, 'id'],
      [alice, doc.CONVERSATION_Q, { id: 'sb:conv:\u0000' }, 'id'],
      [alice, doc.SEND, { conversationId: id, text: 'x'.repeat(20_000) }, 'text'],
      [alice, doc.TRANSFER, { conversationId: id, queueId: '../../etc' }, 'queueId'],
      [alice, 'query($s: String) { agents(search: $s) { id } }', { s: 'a'.repeat(500) }, 'search'],
      [alice, doc.SET_STATUS, { status: 'IDLE', idleCodeId: 'no such code!' }, 'idleCodeId'],
      // GraphQL's own coercion errors get the same code, naming the variable.
      [integrator, doc.CONVERSATIONS, { first: 2 ** 40 }, 'first'],
      [integrator, doc.CONVERSATIONS, { first: 'ten' }, 'first'],
      [integrator, doc.CONVERSATIONS, { status: ['NOPE'] }, 'status'],
      [alice, doc.CONVERSATION_EVENTS, { id: 42.5 }, 'id'],
    ];
    for (const [client, query, variables, argument] of cases) {
      const r = await client.raw(query, variables);
      expect(codeOf(r), `${argument} ${JSON.stringify(variables).slice(0, 80)}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument,
      });
      expect(r.status).toBe(400);
    }
    expect((await stack.core.state(id)).status).toBe('OFFERED'); // nothing was done
  });

  it('subscriptions per caller are capped; closing one frees its slot', async () => {
    const open = await Promise.all([0, 1, 2].map(() => alice.subscribe(doc.AGENT_EVENTS)));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await alice.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect((await fourth.next()).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    open[0]!.close();
    await eventually(
      async () => {
        const again = await alice.subscribe(doc.AGENT_EVENTS);
        const first = await again.next(() => true, 2000).catch(() => undefined);
        again.close();
        if (first?.errors) throw new Error('still capped');
      },
      10_000,
      100,
    );
    for (const s of open) s.close();
  });

  it('fan-out fields carry a cost: aliases cannot multiply Temporal queries', async () => {
    const one = await alice.raw(doc.HISTORY, { id });
    expect(one.errors).toBeUndefined();
    const many = `query($id: ID!) { ${Array.from({ length: 6 }, (_, i) => `h${i}: customerHistory(conversationId: $id) { id }`).join(' ')} }`;
    const r = await alice.raw(many, { id });
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/fan-out cost 126 is over the limit of 100/);
  });

  it('/ready is cached for a second and names no internal address', async () => {
    const service = stack.core.client.workflowService;
    const original = service.getSystemInfo.bind(service);
    let calls = 0;
    service.getSystemInfo = ((...args: Parameters<typeof original>) => {
      calls++;
      return original(...args);
    }) as typeof original;
    try {
      // The first /ready of this API: 20 at once make one probe.
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${stack.url}/ready`).then((r) => r.json())),
      );
      expect(answers.every((a) => a.ready)).toBe(true);
      expect(calls).toBe(1);
    } finally {
      service.getSystemInfo = original;
    }
  });

  it('introspection is refused to anonymous callers, allowed to integrators and agents', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await stack.http().raw(query);
    expect(anonymous.data).toBeUndefined();
    expect(codeOf(anonymous)?.code).toBe('UNAUTHENTICATED');
    expect((await stack.http().raw('{ __type(name: "Query") { name } }')).data).toBeUndefined();
    expect((await integrator.gql(query)).__schema.queryType.name).toBe('Query');
    expect((await alice.gql(query)).__schema.queryType.name).toBe('Query');
  });

  it('the desktop comes with a Content-Security-Policy and the other security headers', async () => {
    const page = await fetch(`${stack.url}/conversations/1`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-eval');
    for (const res of [
      page,
      await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('/ready with Redis gone', () => {
  it('says failed, and nothing about addresses', async () => {
    const redis = await startRedis();
    const core = await WorkflowStack.start({ production: true });
    const bus = await createEventBus({ redisUrl: redis.url, instance: core.config.temporal.instance });
    const api = createApi({
      config: { ...core.config, api: { ...core.config.api, port: 0 }, web: { port: 0 } },
      client: core.client,
      bus,
    });
    const { url } = await api.listen();
    try {
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({
        ready: true,
        checks: { temporal: 'ok', redis: 'ok' },
      });
      await redis.stop();
      const body = await eventually(
        async () => {
          const res = await fetch(`${url}/ready`);
          if (res.status !== 503) throw new Error('still ready');
          return res.text();
        },
        20_000,
        300,
      );
      expect(JSON.parse(body)).toEqual({ ready: false, checks: { temporal: 'ok', redis: 'failed' } });
      expect(body).not.toMatch(/127\.0\.0\.1|redis:\/\/|\d{4,5}/);
    } finally {
      await api.close();
      await bus.close();
      await core.stop();
    }
  });
});

describe('in a demo', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await ApiStack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('anyone may introspect', async () => {
    expect((await stack.http().gql('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
  });
});
