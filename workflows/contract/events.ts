import type { AgentView, ConversationState, Ingress, Message, NumberType, Offer } from '../domain/types.js';

export type ConversationEventKind =
  | 'MESSAGE_ADDED'
  | 'DELIVERY_UPDATED'
  | 'STATUS_CHANGED'
  | 'PARTICIPANT_JOINED'
  | 'PARTICIPANT_LEFT'
  | 'WRAP_UP_SUBMITTED';
export type AgentEventKind = 'OFFERED' | 'OFFER_WITHDRAWN' | 'CONVERSATION_UPDATED';

/** A conversation without its transcript: events stay small however long the conversation gets. */
export type ConversationSummary = Omit<ConversationState, 'messages'> & { messageCount: number };

export function summarize(state: ConversationState): ConversationSummary {
  const { messages, ...rest } = state;
  return { ...rest, messageCount: messages.length };
}

export interface ConversationEventPayload {
  kind: ConversationEventKind;
  at: string;
  conversationId: string;
  queueId: string;
  summary: ConversationSummary;
  message?: Message;
}

export interface AgentEventPayload {
  kind: AgentEventKind | 'STATUS_CHANGED';
  at: string;
  agentId: string;
  conversationId?: string;
  offer?: Offer;
  summary?: ConversationSummary;
  agent?: AgentView;
}

/** One local-activity call per state change carries every event it caused, in order. */
export interface EventBatch {
  conversation: ConversationEventPayload[];
  agent: AgentEventPayload[];
}

export interface SendSmsRequest {
  conversationId: string;
  messageId: string;
  text: string;
  businessNumber: string;
  numberType: NumberType;
  customerNumber: string;
  ingress?: Ingress;
}

export interface SendSmsResult {
  carrierIds: string[];
  segments: number;
  bindId?: string;
}
