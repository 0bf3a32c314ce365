import { graphql } from './gql/index.js';

// The desktop's GraphQL documents, typed from the schema by `npm run codegen` (web/codegen.ts)
// into ./gql; the fragments they spread are in fragments.ts, the conversation actions in
// conversation-operations.ts.

export const LOGIN = graphql(`
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
`);

export const LOGOUT = graphql(`
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
`);

/** Everything the desktop shows, in one round trip: first load and every resynchronisation. */
export const SNAPSHOT = graphql(`
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
`);

export const IDLE_CODES = graphql(`
  query IdleCodes {
    idleCodes {
      id
      name
    }
  }
`);

export const SET_STATUS = graphql(`
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
`);

export const TRANSFER_TARGETS = graphql(`
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
`);

export const CONFERENCE_TARGETS = graphql(`
  query Agents {
    agents(availableOnly: true) {
      id
      name
    }
  }
`);

export const WRAP_UP_REASONS = graphql(`
  query Reasons {
    wrapUpReasons {
      id
      name
    }
  }
`);

export const CUSTOMER_HISTORY = graphql(`
  query History($conversationId: ID!) {
    customerHistory(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
`);

export const AGENT_EVENTS = graphql(`
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
`);

export const CONVERSATION_EVENTS = graphql(`
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
`);
