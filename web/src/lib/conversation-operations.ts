import { graphql } from './gql/index.js';

// The agent's actions on a conversation (see operations.ts for the rest). Each answers with
// ConversationPayloadFields under the alias `result`, so desktop-api.ts reads them all alike.

/** The actions that take only the conversation's id. */
export const CONVERSATION_ACTIONS = {
  acceptConversation: graphql(`
    mutation AcceptConversation($conversationId: ID!) {
      result: acceptConversation(conversationId: $conversationId) {
        ...ConversationPayloadFields
      }
    }
  `),
  acceptConference: graphql(`
    mutation AcceptConference($conversationId: ID!) {
      result: acceptConference(conversationId: $conversationId) {
        ...ConversationPayloadFields
      }
    }
  `),
  endConference: graphql(`
    mutation EndConference($conversationId: ID!) {
      result: endConference(conversationId: $conversationId) {
        ...ConversationPayloadFields
      }
    }
  `),
  exitConference: graphql(`
    mutation ExitConference($conversationId: ID!) {
      result: exitConference(conversationId: $conversationId) {
        ...ConversationPayloadFields
      }
    }
  `),
  endConversation: graphql(`
    mutation EndConversation($conversationId: ID!) {
      result: endConversation(conversationId: $conversationId) {
        ...ConversationPayloadFields
      }
    }
  `),
};

export type ConversationAction = keyof typeof CONVERSATION_ACTIONS;

export const TRANSFER = graphql(`
  mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {
    result: transferConversation(conversationId: $conversationId, queueId: $queueId, agentId: $agentId) {
      ...ConversationPayloadFields
    }
  }
`);

export const REQUEST_CONFERENCE = graphql(`
  mutation Conference($conversationId: ID!, $agentId: ID!) {
    result: requestConference(conversationId: $conversationId, agentId: $agentId) {
      ...ConversationPayloadFields
    }
  }
`);

export const SUBMIT_WRAP_UP = graphql(`
  mutation WrapUp($conversationId: ID!, $reasonId: ID!) {
    result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {
      ...ConversationPayloadFields
    }
  }
`);

export const SEND_MESSAGE = graphql(`
  mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {
    sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {
      message {
        ...MessageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
