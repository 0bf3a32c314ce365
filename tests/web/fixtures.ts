/// <reference lib="dom" />
import type { Agent, Conversation, Message, Offer } from '../../web/src/lib/types.js';

// Small builders for the desktop's data, so each test states only what it is about.

export function agent(over: Partial<Agent> = {}): Agent {
  return {
    id: 'alice',
    name: 'Alice Smith',
    status: 'AVAILABLE',
    idleCode: null,
    statusReason: null,
    statusChangedAt: null,
    capacity: 5,
    activeConversations: 0,
    ...over,
  };
}

export function message(over: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    direction: 'INBOUND',
    text: 'Hello',
    at: '2026-01-01T10:00:00.000Z',
    author: null,
    deliveryStatus: null,
    segments: 1,
    clientMessageId: null,
    detail: null,
    ...over,
  };
}

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    status: 'ACTIVE',
    queue: { id: 'support', name: 'Support' },
    customerNumber: '+15557654321',
    businessNumber: { number: '+15551230000', type: 'LONGCODE' },
    createdAt: '2026-01-01T10:00:00.000Z',
    owner: { id: 'alice', name: 'Alice Smith' },
    participants: [
      {
        agent: { id: 'alice', name: 'Alice Smith' },
        role: 'OWNER',
        joinedAt: '2026-01-01T10:00:05.000Z',
        leftAt: null,
      },
    ],
    messages: [message()],
    wrapUpOwedBy: [],
    autoWrapUpAt: null,
    optedOut: false,
    seq: 1,
    ...over,
  };
}

export function offer(over: Partial<Offer> = {}): Offer {
  return {
    conversation: { id: 'c1' },
    kind: 'NEW',
    queueName: 'Support',
    phoneNumber: '+15557654321',
    sourceNumber: '+15551230000',
    receivedAt: '2026-01-01T10:00:00.000Z',
    expiresAt: '2026-01-01T10:00:30.000Z',
    from: null,
    ...over,
  };
}
