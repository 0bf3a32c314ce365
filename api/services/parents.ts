import type { NumberConfig } from '../../config/schema.js';
import type {
  AgentView,
  ConversationState,
  Message,
  Offer,
  Participant,
  WrapUpRecord,
} from '../../workflows/domain/types.js';
import type {
  AgentEventPayload,
  ConversationEventPayload,
  ConversationSummary,
} from '../../workflows/contract/events.js';

// What each GraphQL object type resolves from (codegen "mappers"). They are the workflows' own
// shapes wherever one exists, so a resolver is a lookup, never a copy of domain logic.

/** An agent by id; the router's live view when the caller already has it (else loaded on demand). */
export interface AgentParent {
  id: string;
  view?: AgentView;
}

export interface QueueParent {
  id: string;
}

export type BusinessNumberParent = Pick<NumberConfig, 'number' | 'type' | 'queue'>;

/**
 * A conversation's state. Events carry a summary without the transcript; `messages` is then read
 * from the workflow when (and only when) a client selects it.
 */
export type ConversationParent = (ConversationState | ConversationSummary) & {
  messages?: Message[];
  /** Read whole whatever the caller's part in it (customer history, granted by the conversation it hangs off). */
  readAll?: boolean;
};

export type MessageParent = Message;
export type ParticipantParent = Participant;
export type WrapUpParent = WrapUpRecord;

export interface OfferParent {
  offer: Offer;
  conversation: ConversationParent;
}

export interface AgentEventParent {
  kind: AgentEventPayload['kind'];
  at: string;
  agentId: string;
  agent?: AgentView;
  offer?: Offer;
  conversation?: ConversationParent;
}

export type ConversationEventParent = ConversationEventPayload;

export function agentRef(id: string, view?: AgentView): AgentParent {
  return view ? { id, view } : { id };
}

export function isFull(c: ConversationParent): c is ConversationState {
  return Array.isArray(c.messages);
}

export type { PhoneMessage as PhoneMessageParent } from '../../workflows/contract/customer-phone.js';
