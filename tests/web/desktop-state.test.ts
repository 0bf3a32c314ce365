import { describe, expect, it } from 'vitest';
import { initialState, reduce, type Action, type DesktopState } from '../../web/src/lib/desktop-state.js';
import { queued } from '../../web/src/lib/outbox.js';
import type { AgentEvent } from '../../web/src/lib/types.js';
import { agent, conversation, message, offer } from './fixtures.js';

function run(...actions: Action[]): DesktopState {
  return actions.reduce(reduce, initialState);
}

const me = agent();
const snapshot = (over: Partial<Extract<Action, { type: 'snapshot' }>> = {}): Action => ({
  type: 'snapshot',
  since: 0,
  me,
  offers: [],
  conversations: [],
  ...over,
});
const event = (over: Partial<AgentEvent>): Action => ({
  type: 'agentEvent',
  event: { kind: 'CONVERSATION_UPDATED', at: '', agent: me, offer: null, conversation: null, ...over },
});

describe('desktop reducer', () => {
  it('keeps one popover per conversation when an offer is replayed on reconnect', () => {
    const o = offer();
    const state = run(
      snapshot({ offers: [o] }),
      event({ kind: 'OFFERED', offer: o }),
      event({ kind: 'OFFERED', offer: o }),
    );
    expect(state.offers).toHaveLength(1);
  });

  it('stacks several offers oldest first and removes a withdrawn one; RONA comes with the event', () => {
    const late = offer({ conversation: { id: 'c2' }, receivedAt: '2026-01-01T10:05:00Z' });
    let state = run(snapshot(), event({ kind: 'OFFERED', offer: late }), event({ kind: 'OFFERED', offer: offer() }));
    expect(state.offers.map((o) => o.conversation.id)).toEqual(['c1', 'c2']);
    const rona = agent({ status: 'RONA', statusReason: 'Offer from +15557654321 not accepted in 30 s' });
    state = reduce(state, event({ kind: 'OFFER_WITHDRAWN', offer: offer(), agent: rona }));
    expect(state.offers.map((o) => o.conversation.id)).toEqual(['c2']);
    expect(state.me?.status).toBe('RONA');
  });

  it('drops the popover once the conversation is accepted', () => {
    const state = run(snapshot({ offers: [offer()] }), { type: 'conversation', conversation: conversation() });
    expect(state.offers).toHaveLength(0);
    expect(state.conversations).toHaveLength(1);
  });

  it('never shows a message twice, whichever way it arrives', () => {
    const reply = message({ id: 'm2', direction: 'OUTBOUND', clientMessageId: 'cm', deliveryStatus: 'PENDING' });
    const state = run(
      snapshot({ conversations: [conversation()] }),
      { type: 'message', conversationId: 'c1', message: reply },
      {
        type: 'conversationEvent',
        event: {
          kind: 'MESSAGE_ADDED',
          at: '',
          message: reply,
          conversation: conversation({ messages: [message(), reply] }),
        },
      },
      event({ conversation: conversation({ messages: [message(), { ...reply, deliveryStatus: 'DELIVERED' }] }) }),
    );
    const messages = state.conversations[0]?.messages ?? [];
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(messages[1]?.deliveryStatus).toBe('DELIVERED');
  });

  it('counts unread customer messages for conversations that are not open', () => {
    const second = conversation({ id: 'c2' });
    let state = run(snapshot({ conversations: [conversation(), second] }), { type: 'select', id: 'c1' });
    expect(state.unread.c2 ?? 0).toBe(0);
    const inbound = message({ id: 'in2', at: '2026-01-01T10:01:00Z' });
    state = reduce(state, event({ conversation: { ...second, messages: [message(), inbound] } }));
    state = reduce(state, event({ conversation: conversation({ messages: [message(), { ...inbound, id: 'in3' }] }) }));
    expect(state.unread.c2).toBe(1);
    expect(state.unread.c1 ?? 0).toBe(0);
    expect(reduce(state, { type: 'select', id: 'c2' }).unread.c2).toBe(0);
  });

  it('removes a conversation when the wrap-up is submitted, and moves the selection on', () => {
    let state = run(snapshot({ conversations: [conversation(), conversation({ id: 'c2' })] }), {
      type: 'select',
      id: 'c1',
    });
    state = reduce(state, { type: 'conversation', conversation: conversation({ status: 'CLOSED' }) });
    expect(state.conversations.map((c) => c.id)).toEqual(['c2']);
    expect(state.selectedId).toBe('c2');
  });

  it('keeps a conversation transferred away while the wrap-up is owed', () => {
    const moved = conversation({ owner: { id: 'bob', name: 'Bob' }, wrapUpOwedBy: [{ id: 'alice', name: 'Alice' }] });
    const state = run(snapshot({ conversations: [conversation()] }), { type: 'conversation', conversation: moved });
    expect(state.conversations).toHaveLength(1);
  });

  it('does not let a snapshot requested earlier undo a newer event', () => {
    let state = run(snapshot());
    const since = state.seq;
    state = reduce(state, event({ kind: 'OFFERED', offer: offer() })); // arrives while the query runs
    state = reduce(state, snapshot({ since, offers: [] }));
    expect(state.offers).toHaveLength(1);
    state = reduce(state, event({ kind: 'OFFER_WITHDRAWN', offer: offer() }));
    state = reduce(state, snapshot({ since: state.seq - 1, offers: [offer()] }));
    expect(state.offers).toHaveLength(0);
  });

  it('replaces offers and conversations the server no longer has after a reconnect', () => {
    let state = run(snapshot({ offers: [offer()], conversations: [conversation({ id: 'c9' })] }));
    state = reduce(state, snapshot({ since: state.seq, offers: [], conversations: [] }));
    expect(state.offers).toHaveLength(0);
    expect(state.conversations).toHaveLength(0);
  });

  it('drops an outbox entry once its message is in the transcript', () => {
    const entry = { ...queued('c1', 'On my way'), clientMessageId: 'cm-7' };
    let state = run(snapshot({ conversations: [conversation()] }), { type: 'outbox', outbox: [entry] });
    expect(state.outbox).toHaveLength(1);
    const sent = message({ id: 'm9', direction: 'OUTBOUND', clientMessageId: 'cm-7', at: '2026-01-01T10:02:00Z' });
    state = reduce(state, event({ conversation: conversation({ messages: [message(), sent] }) }));
    expect(state.outbox).toHaveLength(0);
  });
});
