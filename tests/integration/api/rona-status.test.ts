/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack } from '../../support/api-stack.js';
import type { ApiClient, EventStream } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';

// RONA (2 s in the test configuration), status changes, logout, and the replay of open offers
// to a desktop that (re)subscribes.

const BIZ = '+18005550100';

describe('RONA and agent status through the API', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  let events: EventStream<any>;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 2 });
    alice = await stack.login(stack.http(), 'alice');
    events = await alice.subscribe(doc.AGENT_EVENTS);
  });
  afterAll(async () => {
    events?.close();
    await stack?.stop();
  });

  const kind = (k: string) => (e: any) => e.data?.agentEvents.kind === k;

  it('an offer not accepted in time is withdrawn and the agent goes to RONA until it changes it', async () => {
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text('+15557000003', BIZ, 'anyone there?');
    const offer = await events.next(kind('OFFERED'));
    const id = offer.data.agentEvents.offer.conversation.id;
    const withdrawn = await events.next(kind('OFFER_WITHDRAWN'));
    expect(withdrawn.data.agentEvents.conversation).toMatchObject({ id });
    const rona = await events.next((e) => kind('STATUS_CHANGED')(e) && e.data.agentEvents.agent.status === 'RONA');
    expect(rona.data.agentEvents.agent.statusReason).toMatch(/within 2 s/);
    expect((await alice.gql(doc.ME)).me.status).toBe('RONA');
    expect((await alice.gql(doc.MY_OFFERS)).myOffers).toEqual([]);
    // The lapsed offer gave her no hold on the conversation: reading it is refused.
    const read = await alice.raw(doc.CONVERSATION_Q, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('RONA cannot be chosen; Available brings the waiting conversation back first', async () => {
    const r = (await alice.gql(doc.SET_STATUS, { status: 'RONA' })).setAgentStatus;
    expect(r.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: 'status' }]);
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    const again = await events.next(kind('OFFERED'));
    expect(again.data.agentEvents.offer.kind).toBe('NEW');
  });

  it('replays the open offer to a new subscription, then Idle needs a known idle code', async () => {
    const offers = (await alice.gql(doc.MY_OFFERS)).myOffers;
    expect(offers).toHaveLength(1);
    const second = await alice.subscribe(doc.AGENT_EVENTS);
    const replayed = await second.next(kind('OFFERED'));
    expect(replayed.data.agentEvents.offer.conversation.id).toBe(offers[0].conversation.id);
    second.close();
    const missing = (await alice.gql(doc.SET_STATUS, { status: 'IDLE' })).setAgentStatus;
    expect(missing.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: 'idleCodeId' }]);
    const unknown = (await alice.gql(doc.SET_STATUS, { status: 'IDLE', idleCodeId: 'nap' })).setAgentStatus;
    expect(unknown.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: 'idleCodeId' }]);
    const idle = (await alice.gql(doc.SET_STATUS, { status: 'IDLE', idleCodeId: 'lunch' })).setAgentStatus;
    expect(idle.agent).toMatchObject({ status: 'IDLE', idleCode: { id: 'lunch' } });
    await events.next((e) => kind('STATUS_CHANGED')(e) && e.data.agentEvents.agent.status === 'IDLE');
  });

  it('logout sets LOGGED_OUT and revokes the token; LOGGED_OUT cannot be set as a status', async () => {
    const wrong = (await alice.gql(doc.SET_STATUS, { status: 'LOGGED_OUT' })).setAgentStatus;
    expect(wrong.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
    const out = (await alice.gql(doc.LOGOUT)).logout;
    expect(out).toMatchObject({ agent: { id: 'alice', status: 'LOGGED_OUT' }, userErrors: [] });
    // The stream of the revoked token ends; the router has the agent LOGGED_OUT.
    await events.done;
    expect(events.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.core.agent('alice')).status).toBe('LOGGED_OUT');
    expect((await alice.raw(doc.ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
