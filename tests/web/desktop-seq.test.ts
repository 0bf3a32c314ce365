import { describe, expect, it } from 'vitest';
import { initialState, reduce, type Action, type DesktopState } from '../../web/src/lib/desktop-state.js';
import type { AgentEvent, Conversation, ConversationEvent } from '../../web/src/lib/types.js';
import { agent, conversation, message } from './fixtures.js';

// Conversations carry their seq (the server's version): whatever order events, query results and
// mutation payloads arrive in, an older one never undoes a newer one, and a stream event that
// skips a seq of a conversation in the list asks for a resynchronisation.

const me = agent();
const run = (...actions: Action[]): DesktopState => actions.reduce(reduce, initialState);
const snapshot = (conversations: Conversation[]): Action => ({
  type: 'snapshot',
  since: 0,
  me,
  offers: [],
  conversations,
});
const updated = (c: Conversation): Action => ({
  type: 'agentEvent',
  event: { kind: 'CONVERSATION_UPDATED', at: '', agent: me, offer: null, conversation: c } satisfies AgentEvent,
});
const conversationEvent = (c: Conversation, kind: ConversationEvent['kind'] = 'STATUS_CHANGED'): Action => ({
  type: 'conversationEvent',
  event: { kind, at: '', conversation: c, message: c.messages.at(-1) ?? null },
});

const ended = message({ id: 'sys-1', direction: 'SYSTEM', text: 'Alice Smith ended the conversation' });
const inWrapUp = conversation({
  seq: 4,
  status: 'WRAP_UP',
  wrapUpOwedBy: [{ id: 'alice', name: 'Alice Smith' }],
  messages: [message(), ended],
});
const closed = conversation({ seq: 5, status: 'CLOSED', messages: [message(), ended] });

describe('desktop reducer, by seq', () => {
  it('a late event of the ending does not bring back a conversation the wrap-up closed', () => {
    let state = run(snapshot([conversation({ seq: 3 })]), { type: 'select', id: null });
    state = reduce(state, { type: 'conversation', conversation: closed }); // the wrap-up's payload
    expect(state.conversations).toEqual([]);
    state = reduce(state, conversationEvent(inWrapUp)); // the end's events, late
    state = reduce(state, updated(inWrapUp));
    expect(state.conversations).toEqual([]);
    expect(state.unread.c1 ?? 0).toBe(0);
    expect(state.gaps).toBe(0);
  });

  it('an older payload or snapshot does not undo a newer event', () => {
    let state = run(snapshot([conversation({ seq: 3 })]), updated(inWrapUp));
    state = reduce(state, { type: 'conversation', conversation: conversation({ seq: 3 }) });
    state = reduce(state, snapshot([conversation({ seq: 2 })]));
    expect(state.conversations.map((c) => [c.seq, c.status])).toEqual([[4, 'WRAP_UP']]);
  });

  it('a seq skipped on a stream asks for a resynchronisation, an equal or next one does not', () => {
    let state = run(snapshot([conversation({ seq: 3 })]));
    state = reduce(state, updated(conversation({ seq: 3 })));
    state = reduce(state, conversationEvent(conversation({ seq: 4 }), 'MESSAGE_ADDED'));
    expect(state.gaps).toBe(0);
    state = reduce(state, updated(conversation({ seq: 7 })));
    expect(state.gaps).toBe(1);
    expect(state.conversations[0]?.seq).toBe(7); // the newer state is shown meanwhile
  });

  it('a jump in a conversation not in the list is no gap: the agent was not told of it', () => {
    let state = run(snapshot([]), { type: 'conversation', conversation: closed });
    state = reduce(state, updated(conversation({ seq: 12, id: 'c1' }))); // transferred back to alice
    expect(state.gaps).toBe(0);
    expect(state.conversations.map((c) => c.seq)).toEqual([12]);
  });

  it('a payload ahead of its events is no gap either, and the events then are not news', () => {
    let state = run(snapshot([conversation({ seq: 3 })]), { type: 'conversation', conversation: inWrapUp });
    state = reduce(state, updated(conversation({ seq: 4, status: 'WRAP_UP', wrapUpOwedBy: inWrapUp.wrapUpOwedBy })));
    expect(state.gaps).toBe(0);
    expect(state.conversations.map((c) => c.status)).toEqual(['WRAP_UP']);
  });
});
