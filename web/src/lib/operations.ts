// The desktop's GraphQL documents. Every conversation is selected with the same fragment so an
// event, a query result and a mutation payload can all be merged by the same reducer.

const AGENT = `fragment AgentFields on Agent {
  id name status capacity activeConversations statusReason statusChangedAt
  idleCode { id name }
}`;

const MESSAGE = `fragment MessageFields on Message {
  id direction text at segments deliveryStatus clientMessageId detail
  author { id name }
}`;

const CONVERSATION = `fragment ConversationFields on Conversation {
  id seq status customerNumber createdAt autoWrapUpAt optedOut
  queue { id name }
  businessNumber { number type }
  owner { id name }
  participants { role joinedAt leftAt agent { id name } }
  wrapUpOwedBy { id name }
  messages { ...MessageFields }
}
${MESSAGE}`;

const OFFER = `fragment OfferFields on Offer {
  kind queueName phoneNumber sourceNumber receivedAt expiresAt
  conversation { id }
  from { id name }
}`;

const PAYLOAD_ERRORS = 'userErrors { code message field }';

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token agent { ...AgentFields } ${PAYLOAD_ERRORS} }
}
${AGENT}`;

export const LOGOUT = `mutation Logout { logout { agent { ...AgentFields } ${PAYLOAD_ERRORS} } }
${AGENT}`;

/** Everything the desktop shows, in one round trip: first load and every resynchronisation. */
export const SNAPSHOT = `query Snapshot {
  me { ...AgentFields }
  myOffers { ...OfferFields }
  myConversations { ...ConversationFields }
}
${AGENT}
${OFFER}
${CONVERSATION}`;

export const IDLE_CODES = `query IdleCodes { idleCodes { id name } }`;

export const SET_STATUS = `mutation SetStatus($status: AgentStatus!, $idleCodeId: ID) {
  setAgentStatus(status: $status, idleCodeId: $idleCodeId) { agent { ...AgentFields } ${PAYLOAD_ERRORS} }
}
${AGENT}`;

/** Every conversation action has the same payload shape; only the field name differs. */
export type ConversationAction =
  'acceptConversation' | 'acceptConference' | 'endConference' | 'exitConference' | 'endConversation';

export function conversationAction(action: ConversationAction): string {
  return `mutation Act($conversationId: ID!) {
  result: ${action}(conversationId: $conversationId) { conversation { ...ConversationFields } ${PAYLOAD_ERRORS} }
}
${CONVERSATION}`;
}

export const TRANSFER = `mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {
  result: transferConversation(conversationId: $conversationId, queueId: $queueId, agentId: $agentId) {
    conversation { ...ConversationFields } ${PAYLOAD_ERRORS}
  }
}
${CONVERSATION}`;

export const REQUEST_CONFERENCE = `mutation Conference($conversationId: ID!, $agentId: ID!) {
  result: requestConference(conversationId: $conversationId, agentId: $agentId) {
    conversation { ...ConversationFields } ${PAYLOAD_ERRORS}
  }
}
${CONVERSATION}`;

export const SUBMIT_WRAP_UP = `mutation WrapUp($conversationId: ID!, $reasonId: ID!) {
  result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {
    conversation { ...ConversationFields } ${PAYLOAD_ERRORS}
  }
}
${CONVERSATION}`;

export const SEND_MESSAGE = `mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {
  sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {
    message { ...MessageFields } ${PAYLOAD_ERRORS}
  }
}
${MESSAGE}`;

export const TRANSFER_TARGETS = `query Targets { queues { id name waiting availableAgents } agents(availableOnly: true) { id name } }`;
export const CONFERENCE_TARGETS = `query Agents { agents(availableOnly: true) { id name } }`;
export const WRAP_UP_REASONS = `query Reasons { wrapUpReasons { id name } }`;

export const CUSTOMER_HISTORY = `query History($conversationId: ID!) {
  customerHistory(conversationId: $conversationId) { ...ConversationFields }
}
${CONVERSATION}`;

export const AGENT_EVENTS = `subscription AgentEvents {
  agentEvents { kind at agent { ...AgentFields } offer { ...OfferFields } conversation { ...ConversationFields } }
}
${AGENT}
${OFFER}
${CONVERSATION}`;

export const CONVERSATION_EVENTS = `subscription ConversationEvents($conversationId: ID!) {
  conversationEvents(conversationId: $conversationId) {
    kind at message { ...MessageFields } conversation { ...ConversationFields }
  }
}
${CONVERSATION}`;
