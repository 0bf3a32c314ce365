/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../../support/api-client.js';
import { LOGIN } from '../../support/api-stack.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';
import { FullStack } from '../../../harness/full-stack.js';

// Payload encryption with the real SMPP path: the gateway's send-SMS worker decodes what the
// conversation encrypted, so a reply reaches the customer's phone over the carrier simulator.

const CUSTOMER = '+15557004321';

describe('payload encryption through the SMPP gateway', () => {
  let stack: FullStack;
  beforeAll(async () => {
    stack = await FullStack.start({ address: inject('temporalAddress'), encryption: true, ronaTimeoutSeconds: 30 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a customer text and the agent’s reply travel over SMPP with encrypted payloads', async () => {
    const anon = new ApiClient((u, init) => fetch(u, init), stack.url);
    const alice = anon.withToken((await anon.gql(LOGIN, { username: 'alice', password: 'alice' })).login.token);
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await anon.gql(
      `mutation { sendAsCustomer(phoneNumber: "${CUSTOMER}", businessNumber: "+15551230000", text: "hello over smpp") { userErrors { code } } }`,
    );
    const id = await eventually(
      async () => {
        const offers = (await alice.gql(doc.MY_OFFERS)).myOffers;
        if (!offers.length) throw new Error('no offer yet');
        return offers[0].conversation.id as string;
      },
      20_000,
      200,
    );
    expect((await alice.gql(doc.ACCEPT, { conversationId: id })).r.userErrors).toEqual([]);
    expect((await alice.gql(doc.SEND, { conversationId: id, text: 'encrypted reply' })).r.userErrors).toEqual([]);
    await eventually(
      async () => {
        const texts = (await anon.gql(`{ phoneMessages(phoneNumber: "${CUSTOMER}") { text } }`)).phoneMessages.map(
          (m: any) => m.text,
        );
        if (!texts.includes('encrypted reply')) throw new Error('not on the phone yet');
      },
      20_000,
      200,
    );
    await eventually(
      async () => {
        const m = (await alice.gql(doc.CONVERSATION_Q, { id })).conversation.messages.find(
          (x: any) => x.text === 'encrypted reply',
        );
        if (m?.deliveryStatus !== 'DELIVERED') throw new Error(`delivery ${m?.deliveryStatus}`);
      },
      20_000,
      200,
    );
  });
});
