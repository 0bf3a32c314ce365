import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../workflows/domain/types.js';
import { createConversation, decide, recordOnly } from '../../../workflows/conversation/rules.js';
import { SETTINGS, at, summary } from './fixtures.js';

// A keyword that needed no agent is kept as a conversation born closed: its transcript says what
// the customer sent and what it did; it is never routed, offered or owed a wrap-up.
function recorded(text: string, keyword: InboundMessage['keyword'], optedOut: boolean) {
  const first: InboundMessage = { id: 'mo-1', text, receivedAt: at(0), ...(keyword ? { keyword } : {}) };
  const created = createConversation({
    id: 'c1',
    threadId: 't1',
    queueId: 'support',
    customerNumber: '+15550001111',
    businessNumber: '+15550009999',
    numberType: 'LONGCODE',
    first,
    optedOut,
    recordOnly: true,
  });
  const fed = decide(created, { type: 'inbound', message: first }, at(0), SETTINGS).state;
  return recordOnly(fed, at(0), SETTINGS);
}

describe('a record-only conversation', () => {
  it.each([
    ['Cancel', 'STOP', false, true, /opted out \(STOP\)/],
    ['Yes', 'START', true, false, /opted back in \(START\)/],
    ['Info', 'HELP', false, false, /asked for HELP/],
  ] as const)('%s: closed, with the text and what it did', (text, keyword, before, after, line) => {
    const t = recorded(text, keyword, before);
    expect(t.state).toMatchObject({ status: 'CLOSED', optedOut: after, closedAt: at(0), endedAt: at(0) });
    expect(t.state.messages.map((m) => m.direction)).toEqual(['INBOUND', 'SYSTEM', 'SYSTEM']);
    expect(t.state.messages[0]!.text).toBe(text);
    expect(t.state.messages[1]!.text).toMatch(line);
    expect(t.state.messages[2]!.text).toMatch(/No agent was needed/);
    expect(t.state.participants).toEqual([]);
    expect(t.state.wrapUpOwedBy).toEqual([]);
    expect(summary(t.commands)).toEqual([
      'conversationEvent:MESSAGE_ADDED',
      'conversationEvent:STATUS_CHANGED',
      'close',
    ]);
  });

  it('does not touch the state it was given', () => {
    const first: InboundMessage = { id: 'mo-1', text: 'STOP', receivedAt: at(0), keyword: 'STOP' };
    const s = createConversation({
      id: 'c1',
      threadId: 't1',
      queueId: 'support',
      customerNumber: '+1',
      businessNumber: '+2',
      numberType: 'LONGCODE',
      first,
    });
    const copy = structuredClone(s);
    recordOnly(s, at(1), SETTINGS);
    expect(s).toEqual(copy);
  });
});
