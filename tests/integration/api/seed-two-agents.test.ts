/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack } from '../../support/api-stack.js';
import type { ApiClient, EventStream } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';

// The seed scenario through the API alone, in process (yoga.fetch, SSE bodies read as streams):
// two agents, a customer, every action of the agent guide, and the receipts.

const BIZ = '+15551230000';
const CUSTOMER = '+15557000001';

describe('seed scenario, two agents, in process', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  let bob: ApiClient;
  let aliceEvents: EventStream<any>;
  let bobEvents: EventStream<any>;
  let id: string;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 20 });
    alice = await stack.login(stack.inProcess(), 'alice');
    bob = await stack.login(stack.inProcess(), 'bob');
    aliceEvents = await alice.subscribe(doc.AGENT_EVENTS);
    bobEvents = await bob.subscribe(doc.AGENT_EVENTS);
  });
  afterAll(async () => {
    aliceEvents?.close();
    bobEvents?.close();
    await stack?.stop();
  });

  const ok = (r: any) => {
    expect(r.userErrors).toEqual([]);
    return r;
  };
  const offered = (kind: string) => (e: any) =>
    e.data?.agentEvents.kind === 'OFFERED' && e.data.agentEvents.offer.kind === kind;

  it('logs in, goes Available and is told so on agentEvents', async () => {
    expect((await alice.gql(doc.ME)).me).toMatchObject({
      id: 'alice',
      name: 'Alice Smith',
      status: 'LOGGED_OUT',
      capacity: 5,
    });
    const set = await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    expect(ok(set.setAgentStatus).agent.status).toBe('AVAILABLE');
    const e = await aliceEvents.next((x) => x.data?.agentEvents.kind === 'STATUS_CHANGED');
    expect(e.data.agentEvents.agent).toMatchObject({ id: 'alice', status: 'AVAILABLE' });
  });

  it('offers a customer text to the Available agent, who accepts and replies', async () => {
    await stack.core.text(CUSTOMER, BIZ, 'Hi, my order is late');
    const e = await aliceEvents.next(offered('NEW'));
    const offer = e.data.agentEvents.offer;
    expect(offer).toMatchObject({ queueName: 'Support', phoneNumber: CUSTOMER, sourceNumber: BIZ, from: null });
    expect(Date.parse(offer.expiresAt)).toBeGreaterThan(Date.parse(offer.receivedAt));
    id = offer.conversation.id;
    expect((await alice.gql(doc.MY_OFFERS)).myOffers.map((o: any) => o.conversation.id)).toEqual([id]);

    const accepted = ok((await alice.gql(doc.ACCEPT, { conversationId: id })).r).conversation;
    expect(accepted).toMatchObject({ status: 'ACTIVE', owner: { id: 'alice' } });
    expect(accepted.messages.map((m: any) => m.text)).toEqual(['Hi, my order is late']);
    expect((await alice.gql(doc.MY_OFFERS)).myOffers).toEqual([]);
    expect((await alice.gql(doc.MY_CONVERSATIONS)).myConversations.map((c: any) => c.id)).toEqual([id]);

    const events = await alice.subscribe(doc.CONVERSATION_EVENTS, { id });
    const sent = ok(
      (await alice.gql(doc.SEND, { conversationId: id, text: 'Sorry! Checking now.', clientMessageId: 'm1' })).r,
    );
    expect(sent.message).toMatchObject({
      direction: 'OUTBOUND',
      deliveryStatus: 'PENDING',
      clientMessageId: 'm1',
      author: { id: 'alice' },
    });
    const again = ok(
      (await alice.gql(doc.SEND, { conversationId: id, text: 'Sorry! Checking now.', clientMessageId: 'm1' })).r,
    );
    expect(again.message.id).toBe(sent.message.id);
    await events.next(
      (x) =>
        x.data?.conversationEvents.kind === 'MESSAGE_ADDED' && x.data.conversationEvents.message.id === sent.message.id,
    );
    await events.next((x) => x.data?.conversationEvents.message?.deliveryStatus === 'SUBMITTED');
    await stack.delivery(id, { messageId: sent.message.id, status: 'DELIVERED' });
    const delivered = await events.next(
      (x) =>
        x.data?.conversationEvents.kind === 'DELIVERY_UPDATED' &&
        x.data.conversationEvents.message.deliveryStatus === 'DELIVERED',
    );
    expect(delivered.data.conversationEvents.message.id).toBe(sent.message.id);
    events.close();
    expect(stack.core.sent.filter((s) => s.messageId === sent.message.id)).toHaveLength(1);
    expect(stack.phone!.log.filter((m) => m.direction === 'OUTBOUND').map((m) => m.text)).toEqual([
      'Sorry! Checking now.',
    ]);
  });

  it('transfers to a queue: the other agent gets a TRANSFER offer, the first owes a wrap-up', async () => {
    ok((await bob.gql(doc.SET_STATUS, { status: 'AVAILABLE' })).setAgentStatus);
    const moved = ok((await alice.gql(doc.TRANSFER, { conversationId: id, queueId: 'support' })).r).conversation;
    expect(moved.wrapUpOwedBy.map((a: any) => a.id)).toEqual(['alice']);
    const e = await bobEvents.next(offered('TRANSFER'));
    expect(e.data.agentEvents.offer).toMatchObject({ from: { id: 'alice' }, conversation: { id } });
    expect((await alice.gql(doc.MY_CONVERSATIONS)).myConversations.map((c: any) => c.id)).toEqual([id]);
    expect(
      ok((await alice.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'follow-up' })).r).conversation.wrapUpOwedBy,
    ).toEqual([]);
    expect((await alice.gql(doc.MY_CONVERSATIONS)).myConversations).toEqual([]);
    ok((await bob.gql(doc.ACCEPT, { conversationId: id })).r);
  });

  it('transfers to an agent, who accepts', async () => {
    const moved = ok((await bob.gql(doc.TRANSFER, { conversationId: id, agentId: 'alice' })).r).conversation;
    expect(moved).toMatchObject({ status: 'OFFERED', offer: { kind: 'TRANSFER', from: { id: 'bob' } } });
    await aliceEvents.next(offered('TRANSFER'));
    const accepted = ok((await alice.gql(doc.ACCEPT, { conversationId: id })).r).conversation;
    expect(accepted).toMatchObject({ status: 'ACTIVE', owner: { id: 'alice' } });
    ok((await bob.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' })).r);
  });

  it('conferences: request, accept, both reply, End Conference; again, and Exit Conference', async () => {
    const requested = ok((await alice.gql(doc.CONFERENCE, { conversationId: id, agentId: 'bob' })).r).conversation;
    expect(requested.status).toBe('CONFERENCE_REQUESTED');
    await bobEvents.next(offered('CONFERENCE'));
    const joined = ok((await bob.gql(doc.ACCEPT_CONFERENCE, { conversationId: id })).r).conversation;
    expect(joined.status).toBe('CONFERENCE');
    expect(joined.messages.some((m: any) => m.direction === 'SYSTEM' && /Bob Jones has joined/.test(m.text))).toBe(
      true,
    );
    ok((await bob.gql(doc.SEND, { conversationId: id, text: 'Bob here, I can help.' })).r);
    expect((await bob.gql(doc.CONVERSATION_Q, { id })).conversation.status).toBe('CONFERENCE');
    const ended = ok((await alice.gql(doc.END_CONFERENCE, { conversationId: id })).r).conversation;
    expect(ended.status).toBe('ACTIVE');
    expect(ended.participants.find((p: any) => p.role === 'CONFERENCE').leftAt).not.toBeNull();

    ok((await alice.gql(doc.CONFERENCE, { conversationId: id, agentId: 'bob' })).r);
    await bobEvents.next(offered('CONFERENCE'));
    ok((await bob.gql(doc.ACCEPT_CONFERENCE, { conversationId: id })).r);
    const exited = ok((await bob.gql(doc.EXIT_CONFERENCE, { conversationId: id })).r).conversation;
    expect(exited.status).toBe('ACTIVE');
    ok((await alice.gql(doc.SEND, { conversationId: id, text: 'Anything else?' })).r);
  });

  it('ends, wraps up, and the closed conversation stays readable with its history', async () => {
    const ended = ok((await alice.gql(doc.END, { conversationId: id })).r).conversation;
    expect(ended).toMatchObject({ status: 'WRAP_UP', wrapUpOwedBy: [{ id: 'alice' }] });
    const closed = ok((await alice.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' })).r).conversation;
    expect(closed.status).toBe('CLOSED');
    expect(closed.wrapUps.map((w: any) => [w.agent.id, w.reason.id, w.auto])).toEqual([
      ['alice', 'follow-up', false],
      ['bob', 'resolved', false],
      ['alice', 'resolved', false],
    ]);
    expect((await alice.gql(doc.CONVERSATION_Q, { id })).conversation.status).toBe('CLOSED');
    expect((await alice.gql(doc.MY_CONVERSATIONS)).myConversations).toEqual([]);

    await stack.core.text(CUSTOMER, BIZ, 'One more thing');
    const next = await aliceEvents.next(offered('NEW'));
    const second = next.data.agentEvents.offer.conversation.id;
    expect(second).not.toBe(id);
    ok((await alice.gql(doc.ACCEPT, { conversationId: second })).r);
    expect((await alice.gql(doc.HISTORY, { id: second })).customerHistory).toEqual([{ id, status: 'CLOSED' }]);
  });
});
