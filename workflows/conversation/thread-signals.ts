import type { ConversationState, InboundMessage } from '../domain/types.js';
import type { ConversationEnded } from '../contract/definitions.js';

// What a conversation tells its thread. Texts into an open conversation come to it straight from
// the gateway, not through the thread: what the thread must know of them leaves with these.

/** Customer texts whose ids an ended conversation hands the thread (its dedupe is bounded too). */
const ENDED_INBOUND_IDS = 100;

/** The end: its final opt-out, and its customer texts' ids (a late redelivery is not new). */
export function ended(s: ConversationState): ConversationEnded {
  return {
    conversationId: s.id,
    optedOut: s.optedOut,
    inbound: s.messages
      .filter((m) => m.direction === 'INBOUND')
      .slice(-ENDED_INBOUND_IDS)
      .map((m) => m.id),
  };
}

/** A text that came after the end, for the thread to start the next conversation with. */
export function redirected(
  s: ConversationState,
  message: InboundMessage,
): { conversationId: string; message: InboundMessage; optedOut: boolean } {
  return { conversationId: s.id, message, optedOut: s.optedOut };
}
