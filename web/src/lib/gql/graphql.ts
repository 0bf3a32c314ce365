/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
};

export type AgentEventKind =
  | 'CONVERSATION_UPDATED'
  | 'OFFERED'
  | 'OFFER_WITHDRAWN'
  | 'STATUS_CHANGED';

export type AgentStatus =
  | 'AVAILABLE'
  | 'IDLE'
  | 'LOGGED_OUT'
  /** Set by the system when an offer was not accepted in time; only the agent clears it. */
  | 'RONA';

export type ConversationEventKind =
  | 'DELIVERY_UPDATED'
  | 'MESSAGE_ADDED'
  | 'PARTICIPANT_JOINED'
  | 'PARTICIPANT_LEFT'
  | 'STATUS_CHANGED'
  | 'WRAP_UP_SUBMITTED';

export type ConversationStatus =
  /** Accepted; the owner handles it. */
  | 'ACTIVE'
  /** Ended and wrapped up. */
  | 'CLOSED'
  /** Two agents and the customer. */
  | 'CONFERENCE'
  /** The owner asked another agent to join; that offer's RONA timer is running. */
  | 'CONFERENCE_REQUESTED'
  /** Offered to one agent; the RONA timer is running. */
  | 'OFFERED'
  /** Waiting in a queue; no offer outstanding. */
  | 'QUEUED'
  /** Ended for the customer; a wrap-up is still owed. */
  | 'WRAP_UP';

export type DeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'SUBMITTED';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_STATE'
  | 'NOT_ALLOWED'
  | 'NOT_AVAILABLE'
  | 'NOT_FOUND';

export type MessageDirection =
  | 'INBOUND'
  | 'OUTBOUND'
  | 'SYSTEM';

export type NumberType =
  | 'LONGCODE'
  | 'SHORTCODE'
  | 'TOLL_FREE';

export type OfferKind =
  | 'CONFERENCE'
  | 'NEW'
  | 'TRANSFER';

export type ParticipantRole =
  | 'CONFERENCE'
  | 'OWNER';

export type AcceptConversationMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type AcceptConversationMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type AcceptConferenceMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type AcceptConferenceMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type EndConferenceMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type EndConferenceMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type ExitConferenceMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type ExitConferenceMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type EndConversationMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type EndConversationMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type TransferMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
  queueId?: InputMaybe<Scalars['ID']['input']>;
  agentId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type TransferMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type ConferenceMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
  agentId: Scalars['ID']['input'];
}>;


export type ConferenceMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type WrapUpMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
  reasonId: Scalars['ID']['input'];
}>;


export type WrapUpMutation = { result: { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type SendMutationVariables = Exact<{
  conversationId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
  clientMessageId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SendMutation = { sendMessage: { message: { id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type AgentFieldsFragment = { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null };

export type MessageFieldsFragment = { id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null };

export type ConversationFieldsFragment = { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> };

export type OfferFieldsFragment = { kind: OfferKind, queueName: string, phoneNumber: string, sourceNumber: string, receivedAt: string, expiresAt: string, conversation: { id: string }, from: { id: string, name: string } | null };

export type UserErrorFieldsFragment = { code: ErrorCode, message: string, field: string | null };

export type ConversationPayloadFieldsFragment = { conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> };

export type PhoneMessageFieldsFragment = { id: string, direction: MessageDirection, phoneNumber: string, businessNumber: string, text: string, at: string };

export type LoginMutationVariables = Exact<{
  username: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { login: { token: string | null, agent: { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { agent: { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type SnapshotQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotQuery = { me: { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null }, myOffers: Array<{ kind: OfferKind, queueName: string, phoneNumber: string, sourceNumber: string, receivedAt: string, expiresAt: string, conversation: { id: string }, from: { id: string, name: string } | null }>, myConversations: Array<{ id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> }> };

export type IdleCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type IdleCodesQuery = { idleCodes: Array<{ id: string, name: string }> };

export type SetStatusMutationVariables = Exact<{
  status: AgentStatus;
  idleCodeId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SetStatusMutation = { setAgentStatus: { agent: { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type TargetsQueryVariables = Exact<{ [key: string]: never; }>;


export type TargetsQuery = { queues: Array<{ id: string, name: string, waiting: number, availableAgents: number }>, agents: Array<{ id: string, name: string }> };

export type AgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentsQuery = { agents: Array<{ id: string, name: string }> };

export type ReasonsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReasonsQuery = { wrapUpReasons: Array<{ id: string, name: string }> };

export type HistoryQueryVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type HistoryQuery = { customerHistory: Array<{ id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> }> };

export type AgentEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AgentEventsSubscription = { agentEvents: { kind: AgentEventKind, at: string, agent: { id: string, name: string, status: AgentStatus, capacity: number, activeConversations: number, statusReason: string | null, statusChangedAt: string | null, idleCode: { id: string, name: string } | null }, offer: { kind: OfferKind, queueName: string, phoneNumber: string, sourceNumber: string, receivedAt: string, expiresAt: string, conversation: { id: string }, from: { id: string, name: string } | null } | null, conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } | null } };

export type ConversationEventsSubscriptionVariables = Exact<{
  conversationId: Scalars['ID']['input'];
}>;


export type ConversationEventsSubscription = { conversationEvents: { kind: ConversationEventKind, at: string, message: { id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null } | null, conversation: { id: string, seq: number, status: ConversationStatus, customerNumber: string, createdAt: string, autoWrapUpAt: string | null, optedOut: boolean, queue: { id: string, name: string }, businessNumber: { number: string, type: NumberType }, owner: { id: string, name: string } | null, participants: Array<{ role: ParticipantRole, joinedAt: string, leftAt: string | null, agent: { id: string, name: string } }>, wrapUpOwedBy: Array<{ id: string, name: string }>, messages: Array<{ id: string, direction: MessageDirection, text: string, at: string, segments: number | null, deliveryStatus: DeliveryStatus | null, clientMessageId: string | null, detail: string | null, author: { id: string, name: string } | null }> } } };

export type NumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type NumbersQuery = { businessNumbers: Array<{ number: string, type: NumberType, queue: { id: string, name: string } }> };

export type PhoneQueryVariables = Exact<{
  phoneNumber: Scalars['String']['input'];
}>;


export type PhoneQuery = { phoneMessages: Array<{ id: string, direction: MessageDirection, phoneNumber: string, businessNumber: string, text: string, at: string }> };

export type TextMutationVariables = Exact<{
  phoneNumber: Scalars['String']['input'];
  businessNumber: Scalars['String']['input'];
  text: Scalars['String']['input'];
}>;


export type TextMutation = { sendAsCustomer: { message: { id: string, direction: MessageDirection, phoneNumber: string, businessNumber: string, text: string, at: string } | null, userErrors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type PhoneEventsSubscriptionVariables = Exact<{
  phoneNumber: Scalars['String']['input'];
}>;


export type PhoneEventsSubscription = { phoneEvents: { id: string, direction: MessageDirection, phoneNumber: string, businessNumber: string, text: string, at: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AgentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
    `, {"fragmentName":"AgentFields"}) as unknown as TypedDocumentString<AgentFieldsFragment, unknown>;
export const OfferFieldsFragmentDoc = new TypedDocumentString(`
    fragment OfferFields on Offer {
  kind
  queueName
  phoneNumber
  sourceNumber
  receivedAt
  expiresAt
  conversation {
    id
  }
  from {
    id
    name
  }
}
    `, {"fragmentName":"OfferFields"}) as unknown as TypedDocumentString<OfferFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
    `, {"fragmentName":"MessageFields"}) as unknown as TypedDocumentString<MessageFieldsFragment, unknown>;
export const ConversationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}`, {"fragmentName":"ConversationFields"}) as unknown as TypedDocumentString<ConversationFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorFields on UserError {
  code
  message
  field
}
    `, {"fragmentName":"UserErrorFields"}) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const ConversationPayloadFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`, {"fragmentName":"ConversationPayloadFields"}) as unknown as TypedDocumentString<ConversationPayloadFieldsFragment, unknown>;
export const PhoneMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment PhoneMessageFields on PhoneMessage {
  id
  direction
  phoneNumber
  businessNumber
  text
  at
}
    `, {"fragmentName":"PhoneMessageFields"}) as unknown as TypedDocumentString<PhoneMessageFieldsFragment, unknown>;
export const AcceptConversationDocument = new TypedDocumentString(`
    mutation AcceptConversation($conversationId: ID!) {
  result: acceptConversation(conversationId: $conversationId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<AcceptConversationMutation, AcceptConversationMutationVariables>;
export const AcceptConferenceDocument = new TypedDocumentString(`
    mutation AcceptConference($conversationId: ID!) {
  result: acceptConference(conversationId: $conversationId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<AcceptConferenceMutation, AcceptConferenceMutationVariables>;
export const EndConferenceDocument = new TypedDocumentString(`
    mutation EndConference($conversationId: ID!) {
  result: endConference(conversationId: $conversationId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<EndConferenceMutation, EndConferenceMutationVariables>;
export const ExitConferenceDocument = new TypedDocumentString(`
    mutation ExitConference($conversationId: ID!) {
  result: exitConference(conversationId: $conversationId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<ExitConferenceMutation, ExitConferenceMutationVariables>;
export const EndConversationDocument = new TypedDocumentString(`
    mutation EndConversation($conversationId: ID!) {
  result: endConversation(conversationId: $conversationId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<EndConversationMutation, EndConversationMutationVariables>;
export const TransferDocument = new TypedDocumentString(`
    mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {
  result: transferConversation(
    conversationId: $conversationId
    queueId: $queueId
    agentId: $agentId
  ) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<TransferMutation, TransferMutationVariables>;
export const ConferenceDocument = new TypedDocumentString(`
    mutation Conference($conversationId: ID!, $agentId: ID!) {
  result: requestConference(conversationId: $conversationId, agentId: $agentId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<ConferenceMutation, ConferenceMutationVariables>;
export const WrapUpDocument = new TypedDocumentString(`
    mutation WrapUp($conversationId: ID!, $reasonId: ID!) {
  result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {
    ...ConversationPayloadFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment ConversationPayloadFields on ConversationPayload {
  conversation {
    ...ConversationFields
  }
  userErrors {
    ...UserErrorFields
  }
}`) as unknown as TypedDocumentString<WrapUpMutation, WrapUpMutationVariables>;
export const SendDocument = new TypedDocumentString(`
    mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {
  sendMessage(
    conversationId: $conversationId
    text: $text
    clientMessageId: $clientMessageId
  ) {
    message {
      ...MessageFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<SendMutation, SendMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    agent {
      ...AgentFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout {
    agent {
      ...AgentFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SnapshotDocument = new TypedDocumentString(`
    query Snapshot {
  me {
    ...AgentFields
  }
  myOffers {
    ...OfferFields
  }
  myConversations {
    ...ConversationFields
  }
}
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment OfferFields on Offer {
  kind
  queueName
  phoneNumber
  sourceNumber
  receivedAt
  expiresAt
  conversation {
    id
  }
  from {
    id
    name
  }
}`) as unknown as TypedDocumentString<SnapshotQuery, SnapshotQueryVariables>;
export const IdleCodesDocument = new TypedDocumentString(`
    query IdleCodes {
  idleCodes {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<IdleCodesQuery, IdleCodesQueryVariables>;
export const SetStatusDocument = new TypedDocumentString(`
    mutation SetStatus($status: AgentStatus!, $idleCodeId: ID) {
  setAgentStatus(status: $status, idleCodeId: $idleCodeId) {
    agent {
      ...AgentFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
fragment UserErrorFields on UserError {
  code
  message
  field
}`) as unknown as TypedDocumentString<SetStatusMutation, SetStatusMutationVariables>;
export const TargetsDocument = new TypedDocumentString(`
    query Targets {
  queues {
    id
    name
    waiting
    availableAgents
  }
  agents(availableOnly: true) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TargetsQuery, TargetsQueryVariables>;
export const AgentsDocument = new TypedDocumentString(`
    query Agents {
  agents(availableOnly: true) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AgentsQuery, AgentsQueryVariables>;
export const ReasonsDocument = new TypedDocumentString(`
    query Reasons {
  wrapUpReasons {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ReasonsQuery, ReasonsQueryVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($conversationId: ID!) {
  customerHistory(conversationId: $conversationId) {
    ...ConversationFields
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}`) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const AgentEventsDocument = new TypedDocumentString(`
    subscription AgentEvents {
  agentEvents {
    kind
    at
    agent {
      ...AgentFields
    }
    offer {
      ...OfferFields
    }
    conversation {
      ...ConversationFields
    }
  }
}
    fragment AgentFields on Agent {
  id
  name
  status
  capacity
  activeConversations
  statusReason
  statusChangedAt
  idleCode {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}
fragment OfferFields on Offer {
  kind
  queueName
  phoneNumber
  sourceNumber
  receivedAt
  expiresAt
  conversation {
    id
  }
  from {
    id
    name
  }
}`) as unknown as TypedDocumentString<AgentEventsSubscription, AgentEventsSubscriptionVariables>;
export const ConversationEventsDocument = new TypedDocumentString(`
    subscription ConversationEvents($conversationId: ID!) {
  conversationEvents(conversationId: $conversationId) {
    kind
    at
    message {
      ...MessageFields
    }
    conversation {
      ...ConversationFields
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  text
  at
  segments
  deliveryStatus
  clientMessageId
  detail
  author {
    id
    name
  }
}
fragment ConversationFields on Conversation {
  id
  seq
  status
  customerNumber
  createdAt
  autoWrapUpAt
  optedOut
  queue {
    id
    name
  }
  businessNumber {
    number
    type
  }
  owner {
    id
    name
  }
  participants {
    role
    joinedAt
    leftAt
    agent {
      id
      name
    }
  }
  wrapUpOwedBy {
    id
    name
  }
  messages {
    ...MessageFields
  }
}`) as unknown as TypedDocumentString<ConversationEventsSubscription, ConversationEventsSubscriptionVariables>;
export const NumbersDocument = new TypedDocumentString(`
    query Numbers {
  businessNumbers {
    number
    type
    queue {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<NumbersQuery, NumbersQueryVariables>;
export const PhoneDocument = new TypedDocumentString(`
    query Phone($phoneNumber: String!) {
  phoneMessages(phoneNumber: $phoneNumber) {
    ...PhoneMessageFields
  }
}
    fragment PhoneMessageFields on PhoneMessage {
  id
  direction
  phoneNumber
  businessNumber
  text
  at
}`) as unknown as TypedDocumentString<PhoneQuery, PhoneQueryVariables>;
export const TextDocument = new TypedDocumentString(`
    mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {
  sendAsCustomer(
    phoneNumber: $phoneNumber
    businessNumber: $businessNumber
    text: $text
  ) {
    message {
      ...PhoneMessageFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  message
  field
}
fragment PhoneMessageFields on PhoneMessage {
  id
  direction
  phoneNumber
  businessNumber
  text
  at
}`) as unknown as TypedDocumentString<TextMutation, TextMutationVariables>;
export const PhoneEventsDocument = new TypedDocumentString(`
    subscription PhoneEvents($phoneNumber: String!) {
  phoneEvents(phoneNumber: $phoneNumber) {
    ...PhoneMessageFields
  }
}
    fragment PhoneMessageFields on PhoneMessage {
  id
  direction
  phoneNumber
  businessNumber
  text
  at
}`) as unknown as TypedDocumentString<PhoneEventsSubscription, PhoneEventsSubscriptionVariables>;