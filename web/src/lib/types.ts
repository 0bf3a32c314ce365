// The slice of the GraphQL schema (api/schema/schema.graphql plus api/schema/extensions.graphql)
// that the desktop selects. Written by hand because the desktop asks for a small subset and the
// API's codegen output lives on the server side.

export type AgentStatus = 'AVAILABLE' | 'IDLE' | 'RONA' | 'LOGGED_OUT';
export type ConversationStatus =
  'QUEUED' | 'OFFERED' | 'ACTIVE' | 'CONFERENCE_REQUESTED' | 'CONFERENCE' | 'WRAP_UP' | 'CLOSED';
export type MessageDirection = 'INBOUND' | 'OUTBOUND' | 'SYSTEM';
export type DeliveryStatus = 'PENDING' | 'SUBMITTED' | 'DELIVERED' | 'FAILED';
export type OfferKind = 'NEW' | 'TRANSFER' | 'CONFERENCE';
export type ErrorCode = 'NOT_FOUND' | 'NOT_ALLOWED' | 'INVALID_STATE' | 'INVALID_INPUT' | 'NOT_AVAILABLE';

export interface UserError {
  code: ErrorCode;
  message: string;
  field?: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface Queue extends Named {
  waiting: number;
  availableAgents: number;
}

export type AgentRef = Named;

export interface Agent extends Named {
  status: AgentStatus;
  idleCode: Named | null;
  statusReason: string | null;
  statusChangedAt: string | null;
  capacity: number;
  activeConversations: number;
}

export interface Message {
  id: string;
  direction: MessageDirection;
  text: string;
  at: string;
  author: AgentRef | null;
  deliveryStatus: DeliveryStatus | null;
  segments: number | null;
  clientMessageId: string | null;
  detail: string | null;
}

export interface Participant {
  agent: AgentRef;
  role: 'OWNER' | 'CONFERENCE';
  joinedAt: string;
  leftAt: string | null;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  queue: { id: string; name: string };
  customerNumber: string;
  businessNumber: { number: string; type: string };
  createdAt: string;
  owner: AgentRef | null;
  participants: Participant[];
  messages: Message[];
  wrapUpOwedBy: AgentRef[];
  autoWrapUpAt: string | null;
  optedOut: boolean;
  /** The server's version of it (Conversation.seq): orders events, queries and payloads. */
  seq: number;
}

export interface Offer {
  conversation: { id: string };
  kind: OfferKind;
  queueName: string;
  phoneNumber: string;
  sourceNumber: string;
  receivedAt: string;
  expiresAt: string;
  from: AgentRef | null;
}

export interface AgentEvent {
  kind: 'OFFERED' | 'OFFER_WITHDRAWN' | 'STATUS_CHANGED' | 'CONVERSATION_UPDATED';
  at: string;
  agent: Agent;
  offer: Offer | null;
  conversation: Conversation | null;
}

export interface ConversationEvent {
  kind: string;
  at: string;
  conversation: Conversation;
  message: Message | null;
}

export interface BusinessNumber {
  number: string;
  type: string;
  queue: { id: string; name: string };
}

export interface PhoneMessage {
  id: string;
  direction: MessageDirection;
  phoneNumber: string;
  businessNumber: string;
  text: string;
  at: string;
}
