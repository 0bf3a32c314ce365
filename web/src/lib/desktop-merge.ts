import { involves } from './conversation-view.js';
import type { DesktopState } from './desktop-state.js';
import { countNewInbound, mergeMessages } from './merge-messages.js';
import { dropSentOutbox } from './outbox.js';
import type { Conversation, Offer } from './types.js';

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

// How one offer or conversation is merged into the desktop's state (desktop-state.ts's reducer).

/** Marks what an event changed, so a snapshot requested before it does not undo it. */
export function touch(state: DesktopState, id: string | undefined): DesktopState {
  if (!id) return { ...state, seq: state.seq + 1 };
  const seq = state.seq + 1;
  return { ...state, seq, touched: { ...state.touched, [id]: seq } };
}

/** Notes a stream event's seq, and whether it skipped one of a conversation in the list. */
export function streamed(state: DesktopState, c: Conversation): DesktopState {
  const held = state.conversations.some((x) => x.id === c.id);
  return { ...state, seen: noteSeq(state.seen, c), gaps: state.gaps + (skipsSeq(state.seen, c, held) ? 1 : 0) };
}

export function upsertOffer(state: DesktopState, offer: Offer): DesktopState {
  const others = state.offers.filter((o) => o.conversation.id !== offer.conversation.id);
  const offers = [...others, offer].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  return { ...state, offers };
}

/** Merge one conversation; drop it when the agent no longer has a part in it. */
export function upsert(prior: DesktopState, incoming: Conversation, countUnread: boolean): DesktopState {
  const meId = prior.me?.id;
  if (!meId || isStale(prior.seen, incoming)) return prior;
  const state = { ...prior, seen: noteSeq(prior.seen, incoming) };
  const current = state.conversations.find((c) => c.id === incoming.id);
  if (!involves(incoming, meId)) {
    if (!current) return state;
    const conversations = state.conversations.filter((c) => c.id !== incoming.id);
    const selectedId = state.selectedId === incoming.id ? (conversations[0]?.id ?? null) : state.selectedId;
    const { [incoming.id]: _gone, ...unread } = state.unread;
    return { ...state, conversations, selectedId, unread };
  }
  const merged: Conversation = {
    ...incoming,
    messages: mergeMessages(current?.messages ?? [], incoming.messages),
  };
  const fresh =
    countUnread && state.selectedId !== incoming.id ? countNewInbound(current?.messages ?? [], merged.messages) : 0;
  const conversations = current
    ? state.conversations.map((c) => (c.id === incoming.id ? merged : c))
    : [...state.conversations, merged];
  return {
    ...state,
    conversations,
    // Once the agent has a part in it, any offer for it has been answered.
    offers: state.offers.filter((o) => o.conversation.id !== incoming.id),
    unread: { ...state.unread, [incoming.id]: (state.unread[incoming.id] ?? 0) + fresh },
    outbox: dropSentOutbox(state.outbox, [merged]),
  };
}
