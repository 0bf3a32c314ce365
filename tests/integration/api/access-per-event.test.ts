/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack } from '../../support/api-stack.js';
import type { ApiClient, EventStream } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';

// Access is checked on every event, not only on subscribe (real HTTP and SSE): an agent whose
// offer lapsed, whose conference invite lapsed, or who transferred the conversation away gets no
// later event of it, and the stream ends with FORBIDDEN. A former participant reads what was
// said while it took part, and nothing after.

const BIZ = '+15551230000';
const ok = (r: any) => expect(r.r.userErrors).toEqual([]);

async function endsForbidden(stream: EventStream<any>): Promise<any[]> {
  await stream.done;
  const last = stream.received.at(-1);
  expect(last?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  return stream.received.slice(0, -1).map((e) => e.data.conversationEvents);
}

describe('access checked on every event', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  let bob: ApiClient;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 2 });
    alice = await stack.login(stack.http(), 'alice');
    bob = await stack.login(stack.http(), 'bob');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('an offer that lapsed: the stream ends with FORBIDDEN, later messages never reach it', async () => {
    await bob.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text('+15557300001', BIZ, 'first words');
    const id = await stack.core.conversationOf(BIZ, '+15557300001');
    await stack.core.until(id, (s) => s.offer?.agentId === 'bob');
    const stream = await bob.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect(stream.status).toBe(200);
    const agentStream = await bob.subscribe(doc.AGENT_EVENTS);
    const withdrawn = await agentStream.next((e) => e.data?.agentEvents.kind === 'OFFER_WITHDRAWN', 20_000);
    expect(withdrawn.data.agentEvents.conversation).toMatchObject({ id, messages: [] }); // no longer its to read
    const seen = await endsForbidden(stream);
    await stack.core.text('+15557300001', BIZ, 'said after the offer lapsed');
    await stack.core.until(id, (s) => s.messages.some((m) => m.text === 'said after the offer lapsed'));
    expect(JSON.stringify(seen)).not.toContain('said after');
    expect((await bob.raw(doc.CONVERSATION_Q, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    agentStream.close();
    await bob.gql(doc.SET_STATUS, { status: 'IDLE', idleCodeId: 'break' });
    // Alice takes it and closes it, so it is offered to no one in the tests below.
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.until(id, (s) => s.offer?.agentId === 'alice');
    for (const q of [doc.ACCEPT, doc.END]) ok(await alice.gql(q, { conversationId: id }));
    ok(await alice.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' }));
  });

  it('a conference invite that lapsed ends the invited agent’s stream', async () => {
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text('+15557300002', BIZ, 'need two of you');
    const id = await stack.core.conversationOf(BIZ, '+15557300002');
    await stack.core.until(id, (s) => s.offer?.agentId === 'alice');
    ok(await alice.gql(doc.ACCEPT, { conversationId: id }));
    await bob.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    ok(await alice.gql(doc.CONFERENCE, { conversationId: id, agentId: 'bob' }));
    await stack.core.until(id, (s) => s.offer?.agentId === 'bob');
    const stream = await bob.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect(stream.status).toBe(200);
    await endsForbidden(stream);
    expect((await stack.core.state(id)).offer).toBeUndefined();
    await bob.gql(doc.SET_STATUS, { status: 'IDLE', idleCodeId: 'break' });
  });

  it('after a transfer away, the former owner reads what was said while it took part, not what came after', async () => {
    await stack.core.text('+15557300003', BIZ, 'before the transfer');
    const id = await stack.core.conversationOf(BIZ, '+15557300003');
    await stack.core.until(id, (s) => s.offer?.agentId === 'alice');
    ok(await alice.gql(doc.ACCEPT, { conversationId: id }));
    const stream = await alice.subscribe(doc.CONVERSATION_EVENTS, { id });
    expect(stream.status).toBe(200);
    ok(await alice.gql(doc.SEND, { conversationId: id, text: 'one moment please' }));
    ok(await alice.gql(doc.TRANSFER, { conversationId: id, queueId: 'sales' }));
    await stack.core.text('+15557300003', BIZ, 'after the transfer');
    const seen = await endsForbidden(stream);
    expect(seen.some((e) => e.message?.text === 'one moment please')).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('after the transfer');
    await stack.core.until(id, (s) => s.messages.some((m) => m.text === 'after the transfer'));
    const read = (await alice.gql(doc.CONVERSATION_Q, { id })).conversation;
    const texts = read.messages.map((m: any) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['before the transfer', 'one moment please']));
    expect(texts).not.toContain('after the transfer');
    // It still owes its wrap-up and can submit it.
    ok(await alice.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' }));
  });
});
