import type { Resolvers } from '../generated/resolvers-types.js';
import { Agent, BusinessNumber, Queue } from './agent-types.js';
import { Conversation, Message, Offer, Participant, WrapUp } from './conversation-types.js';
import { AgentEvent, ConversationEvent, DateTime } from './event-types.js';
import { conversationMutations } from './conversation-mutations.js';
import { conversationQueries } from './conversation-queries.js';
import { deskQueries } from './desk-queries.js';
import { phoneMutations, phoneQueries } from './phone.js';
import { sessionMutations } from './session-mutations.js';
import { Subscription } from './subscriptions.js';
import { withCheckedArguments } from './checked.js';

export const resolvers: Resolvers = withCheckedArguments({
  DateTime,
  Query: { ...deskQueries, ...conversationQueries, ...phoneQueries },
  Mutation: { ...sessionMutations, ...conversationMutations, ...phoneMutations },
  Subscription,
  Agent,
  Queue,
  BusinessNumber,
  Conversation,
  Message,
  Participant,
  WrapUp,
  Offer,
  AgentEvent,
  ConversationEvent,
});
