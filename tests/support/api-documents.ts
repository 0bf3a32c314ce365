// The GraphQL documents the API tests send (what a desktop and an integrator would).

const ERRORS = 'userErrors { code message field }';
export const CONVERSATION = `id status customerNumber createdAt optedOut autoWrapUpAt
  queue { id name } businessNumber { number type queue { id } }
  owner { id name } participants { role joinedAt leftAt agent { id } }
  wrapUps { agent { id } reason { id name } auto } wrapUpOwedBy { id }
  offer { kind expiresAt from { id } }
  messages { id direction text deliveryStatus segments clientMessageId detail author { id name } }`;
const OFFER = 'kind queueName phoneNumber sourceNumber receivedAt expiresAt from { id } conversation { id status }';

export const ME =
  '{ me { id name status statusReason capacity activeConversations idleCode { id } queues { id name } } }';
export const SET_STATUS = `mutation($status: AgentStatus!, $idleCodeId: ID) {
  setAgentStatus(status: $status, idleCodeId: $idleCodeId) { agent { id status idleCode { id } } ${ERRORS} } }`;
export const LOGOUT = `mutation { logout { agent { id status } ${ERRORS} } }`;
export const MY_OFFERS = `{ myOffers { ${OFFER} } }`;
export const MY_CONVERSATIONS = `{ myConversations { id status wrapUpOwedBy { id } } }`;
export const CONVERSATION_Q = `query($id: ID!) { conversation(id: $id) { ${CONVERSATION} } }`;
export const HISTORY = 'query($id: ID!) { customerHistory(conversationId: $id) { id status } }';

const action = (name: string, args = '', params = '') => `mutation($conversationId: ID!${params}) {
  r: ${name}(conversationId: $conversationId${args}) { conversation { ${CONVERSATION} } ${ERRORS} } }`;
export const ACCEPT = action('acceptConversation');
export const ACCEPT_CONFERENCE = action('acceptConference');
export const END_CONFERENCE = action('endConference');
export const EXIT_CONFERENCE = action('exitConference');
export const END = action('endConversation');
export const WRAP_UP = action('submitWrapUp', ', reasonId: $reasonId', ', $reasonId: ID!');
export const TRANSFER = action(
  'transferConversation',
  ', queueId: $queueId, agentId: $agentId',
  ', $queueId: ID, $agentId: ID',
);
export const CONFERENCE = action('requestConference', ', agentId: $agentId', ', $agentId: ID!');
export const SEND = `mutation($conversationId: ID!, $text: String!, $clientMessageId: ID) {
  r: sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {
    message { id direction text deliveryStatus clientMessageId author { id } } conversation { id status } ${ERRORS} } }`;

export const AGENT_EVENTS = `subscription { agentEvents { kind at agent { id status statusReason }
  offer { ${OFFER} } conversation { id status messages { id text direction } } } }`;
export const CONVERSATION_EVENTS = `subscription($id: ID!) { conversationEvents(conversationId: $id) {
  kind at message { id direction text deliveryStatus } conversation { id status participants { agent { id } role leftAt } } } }`;
export const CONVERSATION_UPDATES = `subscription($queueId: ID) { conversationUpdates(queueId: $queueId) {
  kind conversation { id status queue { id } } message { id direction } } }`;
export const CONVERSATIONS = `query($status: [ConversationStatus!], $queueId: ID, $customerNumber: String, $first: Int, $after: String) {
  conversations(status: $status, queueId: $queueId, customerNumber: $customerNumber, first: $first, after: $after) {
    edges { cursor node { id status customerNumber queue { id } } } pageInfo { hasNextPage endCursor } } }`;
