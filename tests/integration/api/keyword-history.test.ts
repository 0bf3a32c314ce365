/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, INTEGRATOR_KEY } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';

// Issue 13: a keyword that came while no conversation was open is not hidden on the thread. The
// agent who later takes the customer sees it in customerHistory, and integrators in `conversations`.

const BIZ = '+15551230000';
const CUSTOMER = '+15557790001';
const HISTORY = `query($id: ID!) { customerHistory(conversationId: $id) {
  id status optedOut participants { role } messages { direction text } } }`;

describe('keywords with no conversation open, through the API', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 30 });
    alice = await stack.login(stack.inProcess(), 'alice');
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('an opt-out shows in the next conversation (optedOut) and in its customerHistory', async () => {
    await stack.core.mo(CUSTOMER, BIZ, 'Cancel');
    const record = await stack.core.conversationOf(BIZ, CUSTOMER);
    await stack.core.until(record, (s) => s.status === 'CLOSED', 'recorded');

    await stack.core.mo(CUSTOMER, BIZ, 'Wait, I still need my refund');
    const next = await stack.core.conversationOf(BIZ, CUSTOMER, 1);
    await stack.core.until(next, (s) => s.offer?.agentId === 'alice', 'offered to alice');
    expect((await alice.gql(doc.ACCEPT, { conversationId: next })).r.userErrors).toEqual([]);
    expect((await alice.gql(doc.CONVERSATION_Q, { id: next })).conversation).toMatchObject({ optedOut: true });

    const [earlier, ...rest] = (await alice.gql(HISTORY, { id: next })).customerHistory;
    expect(rest).toEqual([]);
    expect(earlier).toMatchObject({ id: record, status: 'CLOSED', optedOut: true, participants: [] });
    expect(earlier.messages[0]).toEqual({ direction: 'INBOUND', text: 'Cancel' });
    expect(earlier.messages.slice(1).map((m: any) => m.direction)).toEqual(['SYSTEM', 'SYSTEM']);
    expect(earlier.messages[1].text).toMatch(/opted out \(STOP\)/);
  });

  it('integrators list it as a closed conversation of the customer', async () => {
    const integrator = stack.inProcess(INTEGRATOR_KEY);
    const record = await stack.core.conversationOf(BIZ, CUSTOMER, 0);
    await eventually(
      async () => {
        const edges = (await integrator.gql(doc.CONVERSATIONS, { customerNumber: CUSTOMER, status: ['CLOSED'] }))
          .conversations.edges;
        expect(edges.map((e: any) => e.node.id)).toEqual([record]);
      },
      20_000,
      200,
    );
  });
});
