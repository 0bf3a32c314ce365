/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, INTEGRATOR_KEY } from '../../support/api-stack.js';
import type { ApiClient, EventStream } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';

// The seed scenario over real HTTP with SSE: three agents, the customer on the demo phone, and an
// integrator watching (conversationUpdates) and listing (conversations).

const SHORT = '12345'; // sales: alice and carol
const CUSTOMER = '+15557000002';

describe('seed scenario, three agents, over HTTP and SSE', () => {
  let stack: ApiStack;
  const agents: Record<string, ApiClient> = {};
  const streams: Record<string, EventStream<any>> = {};
  let integrator: ApiClient;
  let updates: EventStream<any>;
  let everything: EventStream<any>;
  let id: string;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 20 });
    for (const name of ['alice', 'bob', 'carol']) {
      agents[name] = await stack.login(stack.http(), name);
      streams[name] = await agents[name]!.subscribe(doc.AGENT_EVENTS);
      expect(streams[name]!.status).toBe(200);
    }
    integrator = stack.http(INTEGRATOR_KEY);
    updates = await integrator.subscribe(doc.CONVERSATION_UPDATES, { queueId: 'sales' });
    everything = await integrator.subscribe(doc.CONVERSATION_UPDATES, {});
  });
  afterAll(async () => {
    for (const s of Object.values(streams)) s.close();
    updates?.close();
    everything?.close();
    await stack?.stop();
  });

  const ok = (r: any) => {
    expect(r.userErrors).toEqual([]);
    return r;
  };
  const offered = (kind: string) => (e: any) =>
    e.data?.agentEvents.kind === 'OFFERED' && e.data.agentEvents.offer.kind === kind;
  const call = async (who: string, query: string, variables: Record<string, unknown>) =>
    ok((await agents[who]!.gql(query, variables)).r);

  it('the phone texts a short code; the only Available sales agent gets it and replies', async () => {
    ok((await agents.carol!.gql(doc.SET_STATUS, { status: 'AVAILABLE' })).setAgentStatus);
    const phoneEvents = await stack
      .http()
      .subscribe('subscription($p: String!) { phoneEvents(phoneNumber: $p) { direction text } }', { p: CUSTOMER });
    const sent = await stack.http().gql(
      `mutation($p: String!, $b: String!, $t: String!) {
      sendAsCustomer(phoneNumber: $p, businessNumber: $b, text: $t) { message { direction text } userErrors { code } } }`,
      { p: CUSTOMER, b: SHORT, t: 'Price for plan B?' },
    );
    expect(sent.sendAsCustomer.message).toEqual({ direction: 'INBOUND', text: 'Price for plan B?' });

    const e = await streams.carol!.next(offered('NEW'));
    expect(e.data.agentEvents.offer).toMatchObject({ queueName: 'Sales', phoneNumber: CUSTOMER, sourceNumber: SHORT });
    id = e.data.agentEvents.offer.conversation.id;
    await updates.next(
      (x) =>
        x.data?.conversationUpdates.conversation.id === id &&
        x.data.conversationUpdates.conversation.status === 'OFFERED',
    );
    await call('carol', doc.ACCEPT, { conversationId: id });
    await call('carol', doc.SEND, { conversationId: id, text: 'Plan B is $10 a month.' });
    const reply = await phoneEvents.next((x) => x.data?.phoneEvents.direction === 'OUTBOUND');
    expect(reply.data.phoneEvents.text).toBe('Plan B is $10 a month.');
    phoneEvents.close();
  });

  it('transfers to the support queue; bob takes it and invites alice, who exits', async () => {
    ok((await agents.bob!.gql(doc.SET_STATUS, { status: 'AVAILABLE' })).setAgentStatus);
    await call('carol', doc.TRANSFER, { conversationId: id, queueId: 'support' });
    await streams.bob!.next(offered('TRANSFER'));
    await call('bob', doc.ACCEPT, { conversationId: id });
    ok((await agents.alice!.gql(doc.SET_STATUS, { status: 'AVAILABLE' })).setAgentStatus);
    await call('bob', doc.CONFERENCE, { conversationId: id, agentId: 'alice' });
    await streams.alice!.next(offered('CONFERENCE'));
    await call('alice', doc.ACCEPT_CONFERENCE, { conversationId: id });
    const exited = await call('alice', doc.EXIT_CONFERENCE, { conversationId: id });
    expect(exited.conversation.status).toBe('ACTIVE');
  });

  it('an agent who still owes a wrap-up cannot be conferenced in until it submits it', async () => {
    const refused = (await agents.bob!.gql(doc.CONFERENCE, { conversationId: id, agentId: 'carol' })).r;
    expect(refused.userErrors).toMatchObject([{ code: 'NOT_AVAILABLE', field: 'agentId' }]);
    await call('carol', doc.WRAP_UP, { conversationId: id, reasonId: 'follow-up' });
    await call('bob', doc.CONFERENCE, { conversationId: id, agentId: 'carol' });
    await streams.carol!.next(offered('CONFERENCE'));
    await call('carol', doc.ACCEPT_CONFERENCE, { conversationId: id });
    const ended = await call('bob', doc.END_CONFERENCE, { conversationId: id });
    expect(ended.conversation.status).toBe('ACTIVE');
  });

  it('transfers to alice, who ends and wraps up; the integrator lists it as CLOSED', async () => {
    await call('bob', doc.TRANSFER, { conversationId: id, agentId: 'alice' });
    await streams.alice!.next(offered('TRANSFER'));
    await call('alice', doc.ACCEPT, { conversationId: id });
    await call('bob', doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' });
    await call('alice', doc.END, { conversationId: id });
    const closed = await call('alice', doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' });
    expect(closed.conversation.status).toBe('CLOSED');
    await everything.next(
      (x) =>
        x.data?.conversationUpdates.kind === 'WRAP_UP_SUBMITTED' &&
        x.data.conversationUpdates.conversation.status === 'CLOSED',
    );
    await expect
      .poll(
        async () =>
          (await integrator.gql(doc.CONVERSATIONS, { status: ['CLOSED'] })).conversations.edges.map(
            (e: any) => e.node.id,
          ),
        { timeout: 15_000 },
      )
      .toEqual([id]);
    const kinds = everything.received.map((e) => e.data?.conversationUpdates.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'MESSAGE_ADDED',
        'DELIVERY_UPDATED',
        'STATUS_CHANGED',
        'PARTICIPANT_JOINED',
        'PARTICIPANT_LEFT',
        'WRAP_UP_SUBMITTED',
      ]),
    );
    // The queue filter: once transferred to support, the conversation's events no longer reach the sales stream.
    expect(updates.received.length).toBeGreaterThan(0);
    expect(updates.received.length).toBeLessThan(everything.received.length);
    expect(updates.received.every((e) => e.data?.conversationUpdates.conversation.queue.id === 'sales')).toBe(true);
  });
});
