import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';

// Every event of a conversation carries the seq of the change it reports, the same number its
// conversation shows in queries and mutation payloads: a client can order all three, and a seq
// it never saw tells it it missed one. The agent's own stream sees every seq of a conversation
// it holds, a reply's carrier receipt included.

const BIZ = '+15551230000';
const AGENT_EVENTS = `subscription { agentEvents { kind seq conversation { id seq status } } }`;
const CONVERSATION_EVENTS = `subscription($id: ID!) { conversationEvents(conversationId: $id) {
  kind seq conversation { id seq } } }`;
const ACT = (name: string) => `mutation($id: ID!) { r: ${name}(conversationId: $id) { conversation { id seq } } }`;
const SEND = `mutation($id: ID!, $text: String!) { r: sendMessage(conversationId: $id, text: $text) { message { id } } }`;
const STATE = `query($id: ID!) { conversation(id: $id) { seq } }`;

describe('seq on events, queries and payloads', () => {
  let stack: ApiStack;
  let alice: ApiClient;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 60 });
    alice = await stack.login(stack.http(), 'alice');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts each published change once; the agent stream sees every one while it holds the conversation', async () => {
    const agent = await alice.subscribe(AGENT_EVENTS);
    await alice.gql('mutation { setAgentStatus(status: AVAILABLE) { agent { id } } }');
    await stack.core.text('+15557990001', BIZ, 'counting');
    const offered = await agent.next((e) => e.data?.agentEvents.kind === 'OFFERED');
    const id = offered.data.agentEvents.conversation.id;
    expect(offered.data.agentEvents.seq).toBe(offered.data.agentEvents.conversation.seq);
    const events = await alice.subscribe(CONVERSATION_EVENTS, { id });
    const accepted = (await alice.gql(ACT('acceptConversation'), { id })).r.conversation.seq;
    expect(accepted).toBeGreaterThan(offered.data.agentEvents.seq);
    await alice.gql(SEND, { id, text: 'one' });
    await stack.core.until(id, (s) => s.messages.some((m) => m.deliveryStatus === 'SUBMITTED'), 'the receipt');
    const now = (await alice.gql(STATE, { id })).conversation.seq;
    expect(now).toBe(accepted + 2); // the reply, then its SUBMITTED

    const seen = new Set<number>();
    for (;;) {
      const e = await agent.next((x) => x.data?.agentEvents.conversation?.id === id);
      seen.add(e.data.agentEvents.seq);
      if (e.data.agentEvents.seq >= now) break;
    }
    for (let seq = accepted; seq <= now; seq++) expect(seen.has(seq), `seq ${seq}`).toBe(true);
    const joined = await events.next((e) => e.data?.conversationEvents.kind === 'PARTICIPANT_JOINED');
    expect(joined.data.conversationEvents.seq).toBe(accepted);
    expect(joined.data.conversationEvents.conversation.seq).toBe(accepted);
    agent.close();
    events.close();
  });
});
