import { graphql } from './gql/index.js';

// The selections the desktop shares between documents. Every conversation is selected with the
// same fragment so an event, a query result and a mutation payload can all be merged by the same
// reducer; types.ts names their generated types. A document spreads a fragment by name and its
// generated text carries the definition, so nothing here needs importing at run time.

export const AGENT = graphql(`
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
`);

export const MESSAGE = graphql(`
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
`);

export const CONVERSATION = graphql(`
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
`);

export const OFFER = graphql(`
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
`);

export const USER_ERROR = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
  }
`);

/** Every conversation action answers with this payload, under the alias `result`. */
export const CONVERSATION_PAYLOAD = graphql(`
  fragment ConversationPayloadFields on ConversationPayload {
    conversation {
      ...ConversationFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const PHONE_MESSAGE = graphql(`
  fragment PhoneMessageFields on PhoneMessage {
    id
    direction
    phoneNumber
    businessNumber
    text
    at
  }
`);
