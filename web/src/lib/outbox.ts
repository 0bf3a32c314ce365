import type { Conversation, Message } from './types.js';

// Sends the agent has started but the server has not yet confirmed. Each has a clientMessageId
// chosen once, when Send was pressed; a retry re-sends the same id, so the workflow recognises it
// and the customer is never texted twice.

export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  text: string;
  at: string;
  state: 'sending' | 'failed';
  error: string | null;
}

export function newClientMessageId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `cm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function queued(conversationId: string, text: string, now = new Date()): OutboxEntry {
  return {
    clientMessageId: newClientMessageId(),
    conversationId,
    text,
    at: now.toISOString(),
    state: 'sending',
    error: null,
  };
}

export function markSending(outbox: readonly OutboxEntry[], clientMessageId: string): OutboxEntry[] {
  return outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, state: 'sending', error: null } : e));
}

export function markFailed(outbox: readonly OutboxEntry[], clientMessageId: string, error: string): OutboxEntry[] {
  return outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, state: 'failed', error } : e));
}

/** An entry leaves the outbox once its message is in the transcript (by whichever path). */
export function dropSentOutbox(outbox: readonly OutboxEntry[], conversations: readonly Conversation[]): OutboxEntry[] {
  const sent = new Set<string>();
  for (const c of conversations) {
    for (const m of c.messages) if (m.clientMessageId) sent.add(m.clientMessageId);
  }
  const result = outbox.filter((e) => !sent.has(e.clientMessageId));
  return result.length === outbox.length ? [...outbox] : result;
}

export function dropEntry(outbox: readonly OutboxEntry[], clientMessageId: string): OutboxEntry[] {
  return outbox.filter((e) => e.clientMessageId !== clientMessageId);
}

/** The transcript: the server's messages, then this conversation's unconfirmed sends. */
export type TranscriptItem = { kind: 'message'; message: Message } | { kind: 'outbox'; entry: OutboxEntry };

export function transcript(conversation: Conversation, outbox: readonly OutboxEntry[]): TranscriptItem[] {
  const sent = new Set(conversation.messages.map((m) => m.clientMessageId).filter(Boolean));
  return [
    ...conversation.messages.map((message) => ({ kind: 'message' as const, message })),
    ...outbox
      .filter((e) => e.conversationId === conversation.id && !sent.has(e.clientMessageId))
      .map((entry) => ({ kind: 'outbox' as const, entry })),
  ];
}
