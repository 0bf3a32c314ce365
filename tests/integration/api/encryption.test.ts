/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import proto from '@temporalio/proto';
import { ApiStack, integratorKey } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';
import { threadIdFor } from '../../../config/identifiers.js';

// With temporal.encryptionKeys set, what Temporal stores is ciphertext: a conversation's raw
// history, read straight from the server, holds no message text and no customer number, and
// neither do workflow ids or search attributes (hashed). Agents still read everything through the
// API; integrators may decode payloads through the codec endpoints (the Temporal UI's way).

const BIZ = '+15551230000';
const CUSTOMER = '+15557009876';
const SAID = 'my card ends in 4242, PLAINTEXT-CUSTOMER';
const REPLY = 'thanks, PLAINTEXT-AGENT-REPLY';

async function rawHistory(stack: ApiStack, workflowId: string): Promise<Buffer> {
  const { history } = await stack.core.client.workflowService.getWorkflowExecutionHistory({
    namespace: stack.config.temporal.namespace,
    execution: { workflowId },
    maximumPageSize: 1000,
  });
  return Buffer.from(proto.temporal.api.history.v1.History.encode(history!).finish());
}

describe('payload encryption (AES-256-GCM PayloadCodec)', () => {
  let stack: ApiStack;
  let alice: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await ApiStack.start({
      production: true,
      encryption: true,
      ronaTimeoutSeconds: 30,
      adjust: (c) => ({ ...c, api: { ...c.api, codecCorsOrigins: ['http://localhost:8233'] } }),
    });
    alice = await stack.login(stack.http(), 'alice', 'alice');
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.text(CUSTOMER, BIZ, SAID);
    id = await stack.core.conversationOf(BIZ, CUSTOMER);
    await stack.core.until(id, (s) => s.offer?.agentId === 'alice');
    expect((await alice.gql(doc.ACCEPT, { conversationId: id })).r.userErrors).toEqual([]);
    expect((await alice.gql(doc.SEND, { conversationId: id, text: REPLY })).r.userErrors).toEqual([]);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('agents read the conversation as usual', async () => {
    const texts = (await alice.gql(doc.CONVERSATION_Q, { id })).conversation.messages.map((m: any) => m.text);
    expect(texts).toEqual(expect.arrayContaining([SAID, REPLY]));
    // Typed rejections still arrive whole, though failure messages are encoded (and encrypted).
    const bob = await stack.login(stack.http(), 'bob', 'bob');
    expect((await bob.gql(doc.END, { conversationId: id })).r.userErrors).toMatchObject([{ code: 'NOT_ALLOWED' }]);
    expect((await alice.gql(doc.WRAP_UP, { conversationId: id, reasonId: 'resolved' })).r.userErrors).toMatchObject([
      { code: 'INVALID_STATE', message: expect.stringMatching(/\w/) },
    ]);
  });

  it('the raw histories on the server hold no message text and no customer number', async () => {
    const thread = threadIdFor(stack.config, BIZ, CUSTOMER);
    for (const workflowId of [id, thread]) {
      const raw = await rawHistory(stack, workflowId);
      expect(raw.length).toBeGreaterThan(500);
      for (const plain of ['PLAINTEXT-CUSTOMER', 'PLAINTEXT-AGENT-REPLY', '5557009876', 'my card']) {
        expect(raw.includes(Buffer.from(plain)), `${plain} in ${workflowId}`).toBe(false);
      }
    }
    expect(thread).not.toMatch(/5557009876|5551230000/);
  });

  it('workflow ids and search attributes carry hashes, and the customer filter still works', async () => {
    const seen: any[] = [];
    for await (const w of stack.core.client.workflow.list({
      query: `WorkflowId STARTS_WITH '${stack.config.temporal.instance}:'`,
    })) {
      seen.push({ id: w.workflowId, attributes: w.searchAttributes });
    }
    expect(seen.length).toBeGreaterThanOrEqual(3); // router, thread, conversation
    expect(seen.find((w) => w.id === id)?.attributes.SbCustomer?.[0]).toMatch(/^h-/);
    expect(JSON.stringify(seen)).not.toMatch(/5557009876|5551230000/);
    const integrator = stack.http(integratorKey(stack.config));
    const list = await eventually(
      async () => {
        const edges = (await integrator.gql(doc.CONVERSATIONS, { customerNumber: CUSTOMER })).conversations.edges;
        if (edges.length !== 1) throw new Error('not listed yet');
        return edges;
      },
      20_000,
      200,
    );
    expect(list[0].node).toMatchObject({ id, customerNumber: CUSTOMER });
  });

  it('the codec endpoints decode for integrators only', async () => {
    const { history } = await stack.core.client.workflowService.getWorkflowExecutionHistory({
      namespace: stack.config.temporal.namespace,
      execution: { workflowId: id },
    });
    const input = history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const body = JSON.stringify({
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(input.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
          ),
          data: Buffer.from(input.data!).toString('base64'),
        },
      ],
    });
    const post = (authorization?: string) =>
      fetch(`${stack.url}/codec/decode`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-namespace': 'default',
          ...(authorization ? { authorization } : {}),
        },
      });
    expect((await post()).status).toBe(401);
    expect((await post(`Bearer ${alice.token}`)).status).toBe(403);
    const decoded = await post(`Bearer ${integratorKey(stack.config)}`);
    expect(decoded.status).toBe(200);
    const payload = (await decoded.json()).payloads[0];
    expect(Buffer.from(payload.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(Buffer.from(payload.data, 'base64').toString()).toContain('PLAINTEXT-CUSTOMER');
    // The Temporal UI's origin, as configured, may call from a browser; another may not.
    const preflight = (origin: string) =>
      fetch(`${stack.url}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('http://localhost:8233')).headers.get('access-control-allow-origin')).toBe(
      'http://localhost:8233',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
