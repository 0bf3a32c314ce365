import type { ResultOf } from '@graphql-typed-document-node/core';
import type {
  AGENT,
  CONVERSATION,
  CONVERSATION_PAYLOAD,
  MESSAGE,
  OFFER,
  PHONE_MESSAGE,
  USER_ERROR,
} from './fragments.js';
import type { AGENT_EVENTS, CONVERSATION_EVENTS, TRANSFER_TARGETS } from './operations.js';
import type { BUSINESS_NUMBERS } from './phone-operations.js';

// The shapes the desktop works with, each the generated type of a fragment or of an operation's
// result, so a field is added or changed once, in its document, and `npm run codegen` carries it
// here. Nothing in this file restates the schema.

export type {
  AgentStatus,
  ConversationStatus,
  DeliveryStatus,
  ErrorCode,
  MessageDirection,
  OfferKind,
} from './gql/graphql.js';

export type UserError = ResultOf<typeof USER_ERROR>;
export type Agent = ResultOf<typeof AGENT>;
export type Conversation = ResultOf<typeof CONVERSATION>;
export type ConversationPayload = ResultOf<typeof CONVERSATION_PAYLOAD>;
export type Message = ResultOf<typeof MESSAGE>;
export type Offer = ResultOf<typeof OFFER>;
export type Queue = ResultOf<typeof TRANSFER_TARGETS>['queues'][number];
export type AgentEvent = ResultOf<typeof AGENT_EVENTS>['agentEvents'];
export type ConversationEvent = ResultOf<typeof CONVERSATION_EVENTS>['conversationEvents'];
export type BusinessNumber = ResultOf<typeof BUSINESS_NUMBERS>['businessNumbers'][number];
export type PhoneMessage = ResultOf<typeof PHONE_MESSAGE>;

/** Anything the desktop lists by name: idle codes, wrap-up reasons, agents to transfer to. */
export interface Named {
  id: string;
  name: string;
}
