import type { Conversation } from './types.js';

// Each conversation carries its seq (the server's version of it: one more with every change it
// publishes). The desktop keeps the highest seq it has seen of each conversation, and keeps it
// after the conversation leaves the list (a tombstone): events, query results and mutation
// payloads arrive in any order, and an older one must never undo a newer one, least of all
// bring back a conversation the agent has finished.

/** Highest seq seen per conversation id. */
export type Seen = Readonly<Record<string, number>>;

/** Older than what was already seen of it: to be ignored. */
export function isStale(seen: Seen, conversation: Pick<Conversation, 'id' | 'seq'>): boolean {
  const last = seen[conversation.id];
  return last !== undefined && conversation.seq < last;
}

/**
 * Whether a stream event skipped a seq of a conversation the agent holds: an event was missed
 * (dropped by a slow stream, lost while the server's bus was down) and state must be read again.
 * Only for conversations in the list: the agent's own stream is told of every change to those,
 * not of changes made while it had no part in one.
 */
export function skipsSeq(seen: Seen, conversation: Pick<Conversation, 'id' | 'seq'>, held: boolean): boolean {
  const last = seen[conversation.id];
  return held && last !== undefined && conversation.seq > last + 1;
}

export function noteSeq(seen: Seen, conversation: Pick<Conversation, 'id' | 'seq'>): Seen {
  const last = seen[conversation.id];
  return last !== undefined && last >= conversation.seq ? seen : { ...seen, [conversation.id]: conversation.seq };
}
