import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../workflows/domain/types.js';
import { threadIdFor } from '../../config/identifiers.js';
import { redirectSignal } from '../../workflows/contract/definitions.js';
import { eventually } from '../support/eventually.js';
import { WorkflowStack } from '../support/workflow-stack.js';

// Issue 13: no customer text dropped, no customer stranded. Each keyword class with and without an
// open conversation (no agent is available, so an open conversation waits QUEUED in its queue).

const BIZ = '+15551230000';
const inbound = (s: ConversationState) => s.messages.filter((m) => m.direction === 'INBOUND').map((m) => m.text);
const system = (s: ConversationState) => s.messages.filter((m) => m.direction === 'SYSTEM').map((m) => m.text);

describe('keywords with and without an open conversation', () => {
  let stack: WorkflowStack;
  beforeAll(async () => {
    stack = await WorkflowStack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** An open conversation for the customer, with its first text in. */
  async function open(customer: string): Promise<string> {
    await stack.text(customer, BIZ, 'Hello, I have a question');
    const id = await stack.conversationOf(BIZ, customer);
    await stack.until(id, (s) => s.status === 'QUEUED', 'queued');
    return id;
  }

  /** The thread's conversations once it has `n` of them. */
  async function conversations(customer: string, n: number): Promise<string[]> {
    return eventually(async () => {
      const t = await stack.thread(BIZ, customer);
      if (t.conversations.length < n) throw new Error(`${t.conversations.length} of ${n} conversations`);
      return t.conversations;
    });
  }

  /** The thread once `n` keywords are on it, each with the conversation that records it. */
  async function recorded(customer: string, n: number) {
    return eventually(async () => {
      const t = await stack.thread(BIZ, customer);
      if (t.keywords.filter((k) => k.conversationId).length < n) throw new Error(`fewer than ${n} recorded`);
      return t;
    });
  }

  it('STOP with an open conversation: opted out, and the agent sees a system line there', async () => {
    const id = await open('+15557780001');
    await stack.mo('+15557780001', BIZ, 'Stop.');
    const s = await stack.until(id, (x) => x.optedOut, 'opted out');
    expect(inbound(s)).toEqual(['Hello, I have a question', 'Stop.']);
    expect(system(s).some((t) => /opted out \(STOP\)/.test(t))).toBe(true);
    const t = await stack.thread(BIZ, '+15557780001');
    expect(t).toMatchObject({ current: id, conversations: [id], optedOut: true, keywords: [] });
  });

  it('STOP with none: opted out, kept as a closed conversation no agent is offered', async () => {
    await stack.mo('+15557780002', BIZ, 'Cancel');
    const [id] = await conversations('+15557780002', 1);
    const s = await stack.until(id!, (x) => x.status === 'CLOSED', 'closed');
    expect(s).toMatchObject({ optedOut: true, participants: [], offerSeq: 0, wrapUpOwedBy: [] });
    expect(inbound(s)).toEqual(['Cancel']);
    expect(system(s)[0]).toMatch(/opted out \(STOP\)/);
    const t = await recorded('+15557780002', 1);
    expect(t.current).toBeUndefined();
    expect(t.optedOut).toBe(true);
    expect(t.keywords).toMatchObject([{ keyword: 'STOP', conversationId: id }]);

    // The customer's next text reaches an agent, in a new conversation that shows the opt-out.
    await stack.mo('+15557780002', BIZ, 'Why can I not get texts?');
    const [, next] = await conversations('+15557780002', 2);
    const n = await stack.until(next!, (x) => x.status === 'QUEUED', 'queued');
    expect(n.optedOut).toBe(true);
    expect(inbound(n)).toEqual(['Why can I not get texts?']);
  });

  it('START when not opted out, with an open conversation: ordinary text for the agent', async () => {
    const id = await open('+15557780003');
    await stack.mo('+15557780003', BIZ, 'Yes');
    const s = await stack.until(id, (x) => inbound(x).length === 2, 'the Yes');
    expect(inbound(s)).toEqual(['Hello, I have a question', 'Yes']);
    expect(system(s).filter((t) => /START|STOP/.test(t))).toEqual([]);
    expect(s.optedOut).toBe(false);
  });

  it('START when not opted out, with none: a new conversation an agent is offered', async () => {
    await stack.mo('+15557780004', BIZ, 'Yes');
    const [id] = await conversations('+15557780004', 1);
    const s = await stack.until(id!, (x) => x.status === 'QUEUED', 'queued');
    expect(inbound(s)).toEqual(['Yes']);
    expect(s.optedOut).toBe(false);
    expect((await stack.thread(BIZ, '+15557780004')).current).toBe(id);
  });

  it('START when opted out, with an open conversation: opted back in, and the agent sees it', async () => {
    const id = await open('+15557780005');
    await stack.mo('+15557780005', BIZ, 'QUIT');
    await stack.until(id, (x) => x.optedOut, 'opted out');
    await stack.mo('+15557780005', BIZ, 'start');
    const s = await stack.until(id, (x) => !x.optedOut && inbound(x).length === 3, 'opted back in');
    expect(system(s).some((t) => /opted back in \(START\)/.test(t))).toBe(true);
    expect((await stack.thread(BIZ, '+15557780005')).optedOut).toBe(false);
  });

  it('START when opted out, with none: opted back in, kept as a closed conversation', async () => {
    await stack.mo('+15557780006', BIZ, 'STOP');
    const [stop] = await conversations('+15557780006', 1);
    await stack.until(stop!, (x) => x.status === 'CLOSED', 'the STOP recorded');
    await stack.mo('+15557780006', BIZ, 'Unstop');
    const [, start] = await conversations('+15557780006', 2);
    const s = await stack.until(start!, (x) => x.status === 'CLOSED', 'the START recorded');
    expect(s).toMatchObject({ optedOut: false, offerSeq: 0 });
    expect(inbound(s)).toEqual(['Unstop']);
    expect(system(s)[0]).toMatch(/opted back in \(START\)/);
    const t = await recorded('+15557780006', 2);
    expect(t.optedOut).toBe(false);
    expect(t.current).toBeUndefined();
    expect(t.keywords.map((k) => k.keyword)).toEqual(['STOP', 'START']);
  });

  it('HELP with an open conversation: the agent sees it asked and answered', async () => {
    const id = await open('+15557780007');
    await stack.mo('+15557780007', BIZ, 'Info');
    const s = await stack.until(id, (x) => inbound(x).length === 2, 'the Info');
    expect(inbound(s)).toEqual(['Hello, I have a question', 'Info']);
    expect(system(s).some((t) => /asked for HELP/.test(t))).toBe(true);
    expect(s.status).toBe('QUEUED');
  });

  it('HELP with none: answered by the gateway, and a new conversation offers it to an agent', async () => {
    await stack.mo('+15557780008', BIZ, 'help');
    const [id] = await conversations('+15557780008', 1);
    const s = await stack.until(id!, (x) => inbound(x).length === 1, 'the help');
    expect(s).toMatchObject({ optedOut: false, status: 'QUEUED' });
    expect(inbound(s)).toEqual(['help']);
    expect(system(s).some((t) => /asked for HELP/.test(t))).toBe(true);
    const t = await stack.thread(BIZ, '+15557780008');
    expect(t.current).toBe(id);
    expect(t.keywords).toMatchObject([{ keyword: 'HELP', conversationId: id }]);
    expect(stack.sent).toEqual([]); // the gateway answers HELP; the workflow sends nothing
  });

  // A conversation that ended just as the text reached it hands the text back (redirect); here the
  // hand-back is sent by the test, as the conversation's rules send it in that race.
  it('an opt-out handed back by a conversation that had ended is recorded as the opt-out it was', async () => {
    const id = await open('+15557780009');
    await stack.mo('+15557780009', BIZ, 'STOP', 'mo-stop-9');
    const s = await stack.until(id, (x) => x.optedOut, 'opted out');
    const message = s.messages.find((m) => m.id === 'mo-stop-9')!;
    const thread = stack.client.workflow.getHandle(threadIdFor(stack.config, BIZ, '+15557780009'));
    await thread.signal(redirectSignal, {
      conversationId: id,
      message: { id: message.id, text: message.text, receivedAt: message.at, keyword: 'STOP' },
    });
    const [, record] = await conversations('+15557780009', 2);
    const r = await stack.until(record!, (x) => x.status === 'CLOSED', 'recorded');
    expect(inbound(r)).toEqual(['STOP']);
    expect(system(r)[0]).toMatch(/opted out \(STOP\)/);
    const t = await recorded('+15557780009', 1);
    expect(t).toMatchObject({ optedOut: true });
    expect(t.current).toBeUndefined();
  });
});
