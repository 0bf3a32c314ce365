/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, INTEGRATOR_KEY } from '../../support/api-stack.js';
import type { ApiClient } from '../../support/api-client.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';

// `conversations` for integrators: Temporal visibility, this instance only, newest first, with
// cursors that page through without gaps or repeats, and filters on status, queue and customer.

describe('the integrators’ conversation list', () => {
  let stack: ApiStack;
  let integrator: ApiClient;
  const ids: string[] = [];

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 30 });
    integrator = stack.inProcess(INTEGRATOR_KEY);
    // Oldest first: three customers on support, one on sales; one support conversation is closed.
    const texts: [string, string][] = [
      ['+15557100001', '+15551230000'],
      ['+15557100002', '12345'],
      ['+15557100003', '+15551230000'],
      ['+15557100004', '+18005550100'],
    ];
    for (const [customer, business] of texts) {
      await stack.core.text(customer, business, 'hi');
      ids.push(await stack.core.conversationOf(business, customer));
    }
    const alice = await stack.login(stack.inProcess(), 'alice');
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    await stack.core.until(ids[0]!, (s) => s.offer?.agentId === 'alice');
    for (const q of [doc.ACCEPT, doc.END]) await alice.gql(q, { conversationId: ids[0] });
    await alice.gql(doc.WRAP_UP, { conversationId: ids[0], reasonId: 'resolved' });
    // Visibility is eventually consistent: wait until it shows every conversation and the close.
    await eventually(
      async () => {
        const closed = (await integrator.gql(doc.CONVERSATIONS, { status: ['CLOSED'] })).conversations.edges.length;
        const all = (await integrator.gql(doc.CONVERSATIONS, { first: 10 })).conversations.edges.length;
        if (closed !== 1 || all !== 4) throw new Error(`visibility shows ${all} conversations, ${closed} closed`);
      },
      20_000,
      200,
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('pages newest first with cursors, closed and open conversations merged in order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await integrator.gql(doc.CONVERSATIONS, { first: 3, ...(after ? { after } : {}) }))
        .conversations;
      seen.push(...page.edges.map((e: any) => e.node.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters on status, queue and customer number', async () => {
    const list = async (vars: Record<string, unknown>) =>
      (await integrator.gql(doc.CONVERSATIONS, vars)).conversations.edges.map((e: any) => e.node.id);
    expect(await list({ status: ['CLOSED'] })).toEqual([ids[0]]);
    expect(await list({ queueId: 'sales' })).toEqual([ids[1]]);
    expect(await list({ queueId: 'support', status: ['QUEUED', 'OFFERED'] })).toEqual([ids[3], ids[2]]);
    expect(await list({ status: ['ACTIVE'] })).toEqual([]);
    expect(await list({ customerNumber: '+15557100003' })).toEqual([ids[2]]);
    const injected = await integrator.raw(doc.CONVERSATIONS, { customerNumber: "x' OR SbInstance != 'y" });
    expect(injected.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'customerNumber' });
  });
});

describe('paging a burst of conversations started in the same millisecond', () => {
  let stack: ApiStack;
  let integrator: ApiClient;
  const COUNT = 150;

  beforeAll(async () => {
    stack = await ApiStack.start({ ronaTimeoutSeconds: 30 });
    integrator = stack.inProcess(INTEGRATOR_KEY);
    // Nobody is available: every conversation stays QUEUED while the list is read.
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        stack.core.text(`+1555780${String(i).padStart(4, '0')}`, '12345', 'burst'),
      ),
    );
    await eventually(
      async () => {
        let n = 0;
        for await (const _ of stack.core.client.workflow.list({
          query: `SbInstance = '${stack.config.temporal.instance}' AND WorkflowType = 'conversationWorkflow'`,
        }))
          n++;
        if (n !== COUNT) throw new Error(`visibility shows ${n} of ${COUNT}`);
      },
      60_000,
      500,
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('returns every conversation exactly once across its pages', async () => {
    const starts = new Map<number, number>();
    for await (const w of stack.core.client.workflow.list({
      query: `SbInstance = '${stack.config.temporal.instance}' AND WorkflowType = 'conversationWorkflow'`,
    })) {
      starts.set(w.startTime.getTime(), (starts.get(w.startTime.getTime()) ?? 0) + 1);
    }
    expect([...starts.values()].some((n) => n > 1)).toBe(true); // the burst did share milliseconds
    for (const size of [7, 20]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await integrator.gql(doc.CONVERSATIONS, { first: size, ...(after ? { after } : {}) }))
          .conversations;
        seen.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(COUNT);
      expect(new Set(seen).size).toBe(COUNT);
    }
  });
});
