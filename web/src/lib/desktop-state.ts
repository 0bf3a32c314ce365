import { isStale, streamed, touch, upsert, upsertOffer, type Seen } from './desktop-merge.js';
import { mergeMessages } from './merge-messages.js';
import type { Agent, AgentEvent, Conversation, ConversationEvent, Message, Offer } from './types.js';
import { dropSentOutbox, type OutboxEntry } from './outbox.js';

// The desktop's state, changed only by `reduce`. Query results, subscription events and mutation
// payloads all arrive here, in any order, possibly twice. Offers are keyed by conversation id and
// messages by id, so a replayed offer or message is merged, never shown twice; a conversation
// older than one already seen (by its seq) is ignored, and a stream event that skips a seq
// asks for a resynchronisation (`gaps`).

export interface DesktopState {
  me: Agent | null;
  offers: Offer[];
  conversations: Conversation[];
  unread: Record<string, number>;
  selectedId: string | null;
  outbox: OutboxEntry[];
  /** Bumped by every event; a snapshot does not overwrite what changed after it was requested. */
  seq: number;
  touched: Record<string, number>;
  /** The highest seq seen of each conversation, kept after it leaves the list (desktop-merge.ts). */
  seen: Seen;
  /** Bumped when a stream event skipped a seq of a conversation in the list: resynchronise. */
  gaps: number;
}

export type Action =
  | { type: 'snapshot'; since: number; me: Agent; offers: Offer[]; conversations: Conversation[] }
  | { type: 'agentEvent'; event: AgentEvent }
  | { type: 'conversationEvent'; event: ConversationEvent }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'me'; agent: Agent }
  | { type: 'select'; id: string | null }
  | { type: 'offerGone'; conversationId: string }
  | { type: 'outbox'; outbox: OutboxEntry[] }
  | { type: 'message'; conversationId: string; message: Message };

export const initialState: DesktopState = {
  me: null,
  offers: [],
  conversations: [],
  unread: {},
  selectedId: null,
  outbox: [],
  seq: 0,
  touched: {},
  seen: {},
  gaps: 0,
};

export function reduce(state: DesktopState, action: Action): DesktopState {
  switch (action.type) {
    case 'snapshot':
      return applySnapshot(state, action);
    case 'agentEvent': {
      const { event } = action;
      if (event.conversation && isStale(state.seen, event.conversation)) return state;
      let next = touch({ ...state, me: event.agent }, event.offer?.conversation.id ?? event.conversation?.id);
      if (event.conversation) next = streamed(next, event.conversation);
      if (event.kind === 'OFFERED' && event.offer) next = upsertOffer(next, event.offer);
      if (event.kind === 'OFFER_WITHDRAWN') {
        const id = event.offer?.conversation.id ?? event.conversation?.id;
        if (id) next = { ...next, offers: next.offers.filter((o) => o.conversation.id !== id) };
      }
      if (event.conversation && event.kind !== 'OFFER_WITHDRAWN') next = upsert(next, event.conversation, true);
      return next;
    }
    case 'conversationEvent': {
      const { conversation, message } = action.event;
      if (isStale(state.seen, conversation)) return state;
      const withMessage = message
        ? { ...conversation, messages: mergeMessages(conversation.messages, [message]) }
        : conversation;
      return upsert(streamed(touch(state, conversation.id), conversation), withMessage, true);
    }
    case 'conversation':
      return upsert(touch(state, action.conversation.id), action.conversation, true);
    case 'message': {
      const current = state.conversations.find((c) => c.id === action.conversationId);
      if (!current) return state;
      return upsert(state, { ...current, messages: [action.message] }, true);
    }
    case 'me':
      return { ...state, me: action.agent };
    case 'select':
      return {
        ...state,
        selectedId: action.id,
        unread: action.id ? { ...state.unread, [action.id]: 0 } : state.unread,
      };
    case 'offerGone':
      return { ...state, offers: state.offers.filter((o) => o.conversation.id !== action.conversationId) };
    case 'outbox':
      return { ...state, outbox: dropSentOutbox(action.outbox, state.conversations) };
  }
}

/** A full resynchronisation (first load, every reconnect): the server's view wins, except for
 * offers and conversations that an event changed after the snapshot was requested. */
function applySnapshot(state: DesktopState, action: Extract<Action, { type: 'snapshot' }>): DesktopState {
  const changedSince = (id: string): boolean => (state.touched[id] ?? 0) > action.since;
  const offers = [
    ...action.offers.filter((o) => !changedSince(o.conversation.id)),
    ...state.offers.filter((o) => changedSince(o.conversation.id)),
  ];
  let next: DesktopState = { ...state, me: action.me, offers: [] };
  for (const offer of offers) next = upsertOffer(next, offer);
  const incomingIds = new Set(action.conversations.map((c) => c.id));
  next = { ...next, conversations: next.conversations.filter((c) => incomingIds.has(c.id) || changedSince(c.id)) };
  for (const conversation of action.conversations) {
    if (!changedSince(conversation.id)) next = upsert(next, conversation, state.conversations.length > 0);
  }
  const selectedStillThere = next.conversations.some((c) => c.id === next.selectedId);
  return { ...next, selectedId: selectedStillThere ? next.selectedId : (next.conversations[0]?.id ?? null) };
}
