/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, INTEGRATOR_KEY } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';

// Who may do what, and the typed rejections: each expected failure is a userErrors code that
// changed nothing; auth failures are GraphQL errors.

const BIZ = '+15551230000';

describe('rejections and access control', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  let bob: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 30 });
    alice = await stack.login(stack.inProcess(), 'alice');
    bob = await stack.login(stack.inProcess(), 'bob');
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text('+15557000004', BIZ, 'help');
    id = await stack.core.conversationOf(BIZ, '+15557000004');
    await stack.core.until(id, (s) => s.status === 'OFFERED');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
  const errorsOf = async (client: ApiClient, query: string, vars: Record<string, unknown>) =>
    (await client.gql(query, vars)).r.userErrors;

  it('needs a token; a bad or expired one is UNAUTHENTICATED (401)', async () => {
    const none = await stack.http().raw(doc.ME);
    expect([none.status, code(none)]).toEqual([401, 'UNAUTHENTICATED']);
    const garbage = await stack.http('not-a-token').raw(doc.ME);
    expect([garbage.status, code(garbage)]).toEqual([401, 'UNAUTHENTICATED']);
    const { token } = await stack.api.services.tokens.issue(
      'alice',
      Date.now() - (stack.config.auth.tokenTtlSeconds + 60) * 1000,
    );
    const expired = await stack.http(token).raw(doc.ME);
    expect([expired.status, code(expired)]).toEqual([401, 'UNAUTHENTICATED']);
    const noAction = await stack.http().raw(doc.ACCEPT, { conversationId: id });
    expect(code(noAction)).toBe('UNAUTHENTICATED');
  });

  it('wrong password is a userError; login does not say which part was wrong', async () => {
    const r = (
      await stack
        .http()
        .gql(`mutation { login(username: "alice", password: "nope") { token userErrors { code field } } }`)
    ).login;
    expect(r).toEqual({ token: null, userErrors: [{ code: 'NOT_ALLOWED', field: null }] });
    const unknown = (
      await stack.http().gql(`mutation { login(username: "mallory", password: "x") { token userErrors { code } } }`)
    ).login;
    expect(unknown.userErrors).toEqual([{ code: 'NOT_ALLOWED' }]);
  });

  it("agent B can neither act on, read, nor subscribe to agent A's conversation", async () => {
    expect(await errorsOf(bob, doc.ACCEPT, { conversationId: id })).toMatchObject([{ code: 'NOT_ALLOWED' }]);
    expect(code(await bob.raw(doc.CONVERSATION_Q, { id }))).toBe('FORBIDDEN');
    expect(code(await bob.raw(doc.HISTORY, { id }))).toBe('FORBIDDEN');
    const sub = await bob.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect((await sub.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    sub.close();
    ok(await alice.gql(doc.ACCEPT, { conversationId: id }));
    for (const [query, vars] of [
      [doc.SEND, { text: 'hi' }],
      [doc.END, {}],
      [doc.TRANSFER, { queueId: 'sales' }],
      [doc.CONFERENCE, { agentId: 'carol' }],
      [doc.END_CONFERENCE, {}],
      [doc.EXIT_CONFERENCE, {}],
      [doc.WRAP_UP, { reasonId: 'resolved' }],
    ] as const) {
      expect(await errorsOf(bob, query, { conversationId: id, ...vars }), query).toMatchObject([
        { code: 'NOT_ALLOWED' },
      ]);
    }
    expect(
      (await alice.gql(doc.CONVERSATION_Q, { id })).conversation.messages.filter((m: any) => m.direction !== 'INBOUND'),
    ).toEqual([]);
  });

  it('message text: empty and 1001 characters are INVALID_INPUT on text; 1000 is fine', async () => {
    expect(await errorsOf(alice, doc.SEND, { conversationId: id, text: '' })).toMatchObject([
      { code: 'INVALID_INPUT', field: 'text' },
    ]);
    expect(await errorsOf(alice, doc.SEND, { conversationId: id, text: '   ' })).toMatchObject([
      { code: 'INVALID_INPUT', field: 'text' },
    ]);
    expect(await errorsOf(alice, doc.SEND, { conversationId: id, text: 'x'.repeat(1001) })).toMatchObject([
      { code: 'INVALID_INPUT', field: 'text' },
    ]);
    expect(await errorsOf(alice, doc.SEND, { conversationId: id, text: '😀'.repeat(1000) })).toEqual([]);
  });

  it('unknown ids are NOT_FOUND, with the field at fault', async () => {
    const ghost = `${stack.config.temporal.instance}:conv:does-not-exist`;
    expect(await errorsOf(alice, doc.ACCEPT, { conversationId: ghost })).toMatchObject([
      { code: 'NOT_FOUND', field: 'conversationId' },
    ]);
    expect(
      await errorsOf(alice, doc.ACCEPT, { conversationId: `${stack.config.temporal.instance}:router` }),
    ).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await alice.gql(doc.CONVERSATION_Q, { id: ghost })).conversation).toBeNull();
    expect(await errorsOf(alice, doc.TRANSFER, { conversationId: id, queueId: 'nowhere' })).toMatchObject([
      { code: 'NOT_FOUND', field: 'queueId' },
    ]);
    expect(await errorsOf(alice, doc.TRANSFER, { conversationId: id, agentId: 'nobody' })).toMatchObject([
      { code: 'NOT_FOUND', field: 'agentId' },
    ]);
    expect(await errorsOf(alice, doc.TRANSFER, { conversationId: id })).toMatchObject([{ code: 'INVALID_INPUT' }]);
    expect(await errorsOf(alice, doc.CONFERENCE, { conversationId: id, agentId: 'bob' })).toMatchObject([
      { code: 'NOT_AVAILABLE', field: 'agentId' },
    ]);
  });

  it('each wrong state is INVALID_STATE, and changes nothing', async () => {
    const before = (await alice.gql(doc.CONVERSATION_Q, { id })).conversation;
    expect(await errorsOf(alice, doc.ACCEPT, { conversationId: id })).toMatchObject([{ code: 'INVALID_STATE' }]);
    expect(await errorsOf(alice, doc.ACCEPT_CONFERENCE, { conversationId: id })).toMatchObject([
      { code: 'INVALID_STATE' },
    ]);
    expect(await errorsOf(alice, doc.END_CONFERENCE, { conversationId: id })).toMatchObject([
      { code: 'INVALID_STATE' },
    ]);
    expect(await errorsOf(alice, doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' })).toMatchObject([
      { code: 'INVALID_STATE' },
    ]);
    expect(await errorsOf(alice, doc.CONFERENCE, { conversationId: id, agentId: 'alice' })).toMatchObject([
      { code: 'INVALID_INPUT', field: 'agentId' },
    ]);
    expect((await alice.gql(doc.CONVERSATION_Q, { id })).conversation).toEqual(before);
    ok(await alice.gql(doc.END, { conversationId: id }));
    expect(await errorsOf(alice, doc.SEND, { conversationId: id, text: 'late' })).toMatchObject([
      { code: 'INVALID_STATE' },
    ]);
    expect(await errorsOf(alice, doc.END, { conversationId: id })).toMatchObject([{ code: 'INVALID_STATE' }]);
    expect(await errorsOf(alice, doc.WRAP_UP, { conversationId: id, reasonId: 'nope' })).toMatchObject([
      { code: 'NOT_FOUND', field: 'reasonId' },
    ]);
  });

  it('integrator operations need an API key; an agent token is FORBIDDEN, none UNAUTHENTICATED', async () => {
    expect(code(await alice.raw(doc.CONVERSATIONS, {}))).toBe('FORBIDDEN');
    expect(code(await stack.http().raw(doc.CONVERSATIONS, {}))).toBe('UNAUTHENTICATED');
    const sub = await alice.subscribe(doc.CONVERSATION_UPDATES, {});
    expect((await sub.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    sub.close();
    const integrator = stack.inProcess(INTEGRATOR_KEY);
    await expect
      .poll(
        async () =>
          (await integrator.gql(doc.CONVERSATIONS, { customerNumber: '+15557000004' })).conversations.edges.length,
      )
      .toBe(1);
    expect(code(await integrator.raw(doc.ME))).toBe('FORBIDDEN');
    expect(code(await integrator.raw(doc.ACCEPT, { conversationId: id }))).toBe('FORBIDDEN');
    expect(code(await integrator.raw(doc.CONVERSATIONS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
  });

  it('a subscription ends with UNAUTHENTICATED when its token expires', async () => {
    const ttl = stack.config.auth.tokenTtlSeconds;
    const { token } = await stack.api.services.tokens.issue('bob', Date.now() - (ttl - 2) * 1000);
    const sub = await stack.http(token).subscribe(doc.AGENT_EVENTS);
    expect(sub.status).toBe(200);
    const last = await sub.next((e) => !!e.errors, 10_000);
    expect(last.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await sub.done;
    expect(sub.ended).toBe(true);
  });
});

function ok(data: any) {
  expect(data.r.userErrors).toEqual([]);
  return data.r;
}
