/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n    mutation AcceptConversation($conversationId: ID!) {\n      result: acceptConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": typeof types.AcceptConversationDocument,
    "\n    mutation AcceptConference($conversationId: ID!) {\n      result: acceptConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": typeof types.AcceptConferenceDocument,
    "\n    mutation EndConference($conversationId: ID!) {\n      result: endConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": typeof types.EndConferenceDocument,
    "\n    mutation ExitConference($conversationId: ID!) {\n      result: exitConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": typeof types.ExitConferenceDocument,
    "\n    mutation EndConversation($conversationId: ID!) {\n      result: endConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": typeof types.EndConversationDocument,
    "\n  mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {\n    result: transferConversation(conversationId: $conversationId, queueId: $queueId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n": typeof types.TransferDocument,
    "\n  mutation Conference($conversationId: ID!, $agentId: ID!) {\n    result: requestConference(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n": typeof types.ConferenceDocument,
    "\n  mutation WrapUp($conversationId: ID!, $reasonId: ID!) {\n    result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {\n      ...ConversationPayloadFields\n    }\n  }\n": typeof types.WrapUpDocument,
    "\n  mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {\n    sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SendDocument,
    "\n  fragment AgentFields on Agent {\n    id\n    name\n    status\n    capacity\n    activeConversations\n    statusReason\n    statusChangedAt\n    idleCode {\n      id\n      name\n    }\n  }\n": typeof types.AgentFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    direction\n    text\n    at\n    segments\n    deliveryStatus\n    clientMessageId\n    detail\n    author {\n      id\n      name\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    seq\n    status\n    customerNumber\n    createdAt\n    autoWrapUpAt\n    optedOut\n    queue {\n      id\n      name\n    }\n    businessNumber {\n      number\n      type\n    }\n    owner {\n      id\n      name\n    }\n    participants {\n      role\n      joinedAt\n      leftAt\n      agent {\n        id\n        name\n      }\n    }\n    wrapUpOwedBy {\n      id\n      name\n    }\n    messages {\n      ...MessageFields\n    }\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  fragment OfferFields on Offer {\n    kind\n    queueName\n    phoneNumber\n    sourceNumber\n    receivedAt\n    expiresAt\n    conversation {\n      id\n    }\n    from {\n      id\n      name\n    }\n  }\n": typeof types.OfferFieldsFragmentDoc,
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment ConversationPayloadFields on ConversationPayload {\n    conversation {\n      ...ConversationFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": typeof types.ConversationPayloadFieldsFragmentDoc,
    "\n  fragment PhoneMessageFields on PhoneMessage {\n    id\n    direction\n    phoneNumber\n    businessNumber\n    text\n    at\n  }\n": typeof types.PhoneMessageFieldsFragmentDoc,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Snapshot {\n    me {\n      ...AgentFields\n    }\n    myOffers {\n      ...OfferFields\n    }\n    myConversations {\n      ...ConversationFields\n    }\n  }\n": typeof types.SnapshotDocument,
    "\n  query IdleCodes {\n    idleCodes {\n      id\n      name\n    }\n  }\n": typeof types.IdleCodesDocument,
    "\n  mutation SetStatus($status: AgentStatus!, $idleCodeId: ID) {\n    setAgentStatus(status: $status, idleCodeId: $idleCodeId) {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetStatusDocument,
    "\n  query Targets {\n    queues {\n      id\n      name\n      waiting\n      availableAgents\n    }\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n": typeof types.TargetsDocument,
    "\n  query Agents {\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n": typeof types.AgentsDocument,
    "\n  query Reasons {\n    wrapUpReasons {\n      id\n      name\n    }\n  }\n": typeof types.ReasonsDocument,
    "\n  query History($conversationId: ID!) {\n    customerHistory(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  subscription AgentEvents {\n    agentEvents {\n      kind\n      at\n      agent {\n        ...AgentFields\n      }\n      offer {\n        ...OfferFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": typeof types.AgentEventsDocument,
    "\n  subscription ConversationEvents($conversationId: ID!) {\n    conversationEvents(conversationId: $conversationId) {\n      kind\n      at\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": typeof types.ConversationEventsDocument,
    "\n  query Numbers {\n    businessNumbers {\n      number\n      type\n      queue {\n        id\n        name\n      }\n    }\n  }\n": typeof types.NumbersDocument,
    "\n  query Phone($phoneNumber: String!) {\n    phoneMessages(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n": typeof types.PhoneDocument,
    "\n  mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {\n    sendAsCustomer(phoneNumber: $phoneNumber, businessNumber: $businessNumber, text: $text) {\n      message {\n        ...PhoneMessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.TextDocument,
    "\n  subscription PhoneEvents($phoneNumber: String!) {\n    phoneEvents(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n": typeof types.PhoneEventsDocument,
};
const documents: Documents = {
    "\n    mutation AcceptConversation($conversationId: ID!) {\n      result: acceptConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": types.AcceptConversationDocument,
    "\n    mutation AcceptConference($conversationId: ID!) {\n      result: acceptConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": types.AcceptConferenceDocument,
    "\n    mutation EndConference($conversationId: ID!) {\n      result: endConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": types.EndConferenceDocument,
    "\n    mutation ExitConference($conversationId: ID!) {\n      result: exitConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": types.ExitConferenceDocument,
    "\n    mutation EndConversation($conversationId: ID!) {\n      result: endConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  ": types.EndConversationDocument,
    "\n  mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {\n    result: transferConversation(conversationId: $conversationId, queueId: $queueId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n": types.TransferDocument,
    "\n  mutation Conference($conversationId: ID!, $agentId: ID!) {\n    result: requestConference(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n": types.ConferenceDocument,
    "\n  mutation WrapUp($conversationId: ID!, $reasonId: ID!) {\n    result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {\n      ...ConversationPayloadFields\n    }\n  }\n": types.WrapUpDocument,
    "\n  mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {\n    sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SendDocument,
    "\n  fragment AgentFields on Agent {\n    id\n    name\n    status\n    capacity\n    activeConversations\n    statusReason\n    statusChangedAt\n    idleCode {\n      id\n      name\n    }\n  }\n": types.AgentFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    direction\n    text\n    at\n    segments\n    deliveryStatus\n    clientMessageId\n    detail\n    author {\n      id\n      name\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    seq\n    status\n    customerNumber\n    createdAt\n    autoWrapUpAt\n    optedOut\n    queue {\n      id\n      name\n    }\n    businessNumber {\n      number\n      type\n    }\n    owner {\n      id\n      name\n    }\n    participants {\n      role\n      joinedAt\n      leftAt\n      agent {\n        id\n        name\n      }\n    }\n    wrapUpOwedBy {\n      id\n      name\n    }\n    messages {\n      ...MessageFields\n    }\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  fragment OfferFields on Offer {\n    kind\n    queueName\n    phoneNumber\n    sourceNumber\n    receivedAt\n    expiresAt\n    conversation {\n      id\n    }\n    from {\n      id\n      name\n    }\n  }\n": types.OfferFieldsFragmentDoc,
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment ConversationPayloadFields on ConversationPayload {\n    conversation {\n      ...ConversationFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": types.ConversationPayloadFieldsFragmentDoc,
    "\n  fragment PhoneMessageFields on PhoneMessage {\n    id\n    direction\n    phoneNumber\n    businessNumber\n    text\n    at\n  }\n": types.PhoneMessageFieldsFragmentDoc,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  query Snapshot {\n    me {\n      ...AgentFields\n    }\n    myOffers {\n      ...OfferFields\n    }\n    myConversations {\n      ...ConversationFields\n    }\n  }\n": types.SnapshotDocument,
    "\n  query IdleCodes {\n    idleCodes {\n      id\n      name\n    }\n  }\n": types.IdleCodesDocument,
    "\n  mutation SetStatus($status: AgentStatus!, $idleCodeId: ID) {\n    setAgentStatus(status: $status, idleCodeId: $idleCodeId) {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetStatusDocument,
    "\n  query Targets {\n    queues {\n      id\n      name\n      waiting\n      availableAgents\n    }\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n": types.TargetsDocument,
    "\n  query Agents {\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n": types.AgentsDocument,
    "\n  query Reasons {\n    wrapUpReasons {\n      id\n      name\n    }\n  }\n": types.ReasonsDocument,
    "\n  query History($conversationId: ID!) {\n    customerHistory(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.HistoryDocument,
    "\n  subscription AgentEvents {\n    agentEvents {\n      kind\n      at\n      agent {\n        ...AgentFields\n      }\n      offer {\n        ...OfferFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": types.AgentEventsDocument,
    "\n  subscription ConversationEvents($conversationId: ID!) {\n    conversationEvents(conversationId: $conversationId) {\n      kind\n      at\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": types.ConversationEventsDocument,
    "\n  query Numbers {\n    businessNumbers {\n      number\n      type\n      queue {\n        id\n        name\n      }\n    }\n  }\n": types.NumbersDocument,
    "\n  query Phone($phoneNumber: String!) {\n    phoneMessages(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n": types.PhoneDocument,
    "\n  mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {\n    sendAsCustomer(phoneNumber: $phoneNumber, businessNumber: $businessNumber, text: $text) {\n      message {\n        ...PhoneMessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.TextDocument,
    "\n  subscription PhoneEvents($phoneNumber: String!) {\n    phoneEvents(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n": types.PhoneEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AcceptConversation($conversationId: ID!) {\n      result: acceptConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  "): typeof import('./graphql.js').AcceptConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AcceptConference($conversationId: ID!) {\n      result: acceptConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  "): typeof import('./graphql.js').AcceptConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation EndConference($conversationId: ID!) {\n      result: endConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  "): typeof import('./graphql.js').EndConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ExitConference($conversationId: ID!) {\n      result: exitConference(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  "): typeof import('./graphql.js').ExitConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation EndConversation($conversationId: ID!) {\n      result: endConversation(conversationId: $conversationId) {\n        ...ConversationPayloadFields\n      }\n    }\n  "): typeof import('./graphql.js').EndConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Transfer($conversationId: ID!, $queueId: ID, $agentId: ID) {\n    result: transferConversation(conversationId: $conversationId, queueId: $queueId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n"): typeof import('./graphql.js').TransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Conference($conversationId: ID!, $agentId: ID!) {\n    result: requestConference(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationPayloadFields\n    }\n  }\n"): typeof import('./graphql.js').ConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WrapUp($conversationId: ID!, $reasonId: ID!) {\n    result: submitWrapUp(conversationId: $conversationId, reasonId: $reasonId) {\n      ...ConversationPayloadFields\n    }\n  }\n"): typeof import('./graphql.js').WrapUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Send($conversationId: ID!, $text: String!, $clientMessageId: ID) {\n    sendMessage(conversationId: $conversationId, text: $text, clientMessageId: $clientMessageId) {\n      message {\n        ...MessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').SendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentFields on Agent {\n    id\n    name\n    status\n    capacity\n    activeConversations\n    statusReason\n    statusChangedAt\n    idleCode {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').AgentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    direction\n    text\n    at\n    segments\n    deliveryStatus\n    clientMessageId\n    detail\n    author {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').MessageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    seq\n    status\n    customerNumber\n    createdAt\n    autoWrapUpAt\n    optedOut\n    queue {\n      id\n      name\n    }\n    businessNumber {\n      number\n      type\n    }\n    owner {\n      id\n      name\n    }\n    participants {\n      role\n      joinedAt\n      leftAt\n      agent {\n        id\n        name\n      }\n    }\n    wrapUpOwedBy {\n      id\n      name\n    }\n    messages {\n      ...MessageFields\n    }\n  }\n"): typeof import('./graphql.js').ConversationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfferFields on Offer {\n    kind\n    queueName\n    phoneNumber\n    sourceNumber\n    receivedAt\n    expiresAt\n    conversation {\n      id\n    }\n    from {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').OfferFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n"): typeof import('./graphql.js').UserErrorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationPayloadFields on ConversationPayload {\n    conversation {\n      ...ConversationFields\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"): typeof import('./graphql.js').ConversationPayloadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PhoneMessageFields on PhoneMessage {\n    id\n    direction\n    phoneNumber\n    businessNumber\n    text\n    at\n  }\n"): typeof import('./graphql.js').PhoneMessageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshot {\n    me {\n      ...AgentFields\n    }\n    myOffers {\n      ...OfferFields\n    }\n    myConversations {\n      ...ConversationFields\n    }\n  }\n"): typeof import('./graphql.js').SnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdleCodes {\n    idleCodes {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').IdleCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatus($status: AgentStatus!, $idleCodeId: ID) {\n    setAgentStatus(status: $status, idleCodeId: $idleCodeId) {\n      agent {\n        ...AgentFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').SetStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Targets {\n    queues {\n      id\n      name\n      waiting\n      availableAgents\n    }\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').TargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agents {\n    agents(availableOnly: true) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').AgentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reasons {\n    wrapUpReasons {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').ReasonsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($conversationId: ID!) {\n    customerHistory(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"): typeof import('./graphql.js').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AgentEvents {\n    agentEvents {\n      kind\n      at\n      agent {\n        ...AgentFields\n      }\n      offer {\n        ...OfferFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').AgentEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationEvents($conversationId: ID!) {\n    conversationEvents(conversationId: $conversationId) {\n      kind\n      at\n      message {\n        ...MessageFields\n      }\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConversationEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Numbers {\n    businessNumbers {\n      number\n      type\n      queue {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.js').NumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Phone($phoneNumber: String!) {\n    phoneMessages(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n"): typeof import('./graphql.js').PhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Text($phoneNumber: String!, $businessNumber: String!, $text: String!) {\n    sendAsCustomer(phoneNumber: $phoneNumber, businessNumber: $businessNumber, text: $text) {\n      message {\n        ...PhoneMessageFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').TextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PhoneEvents($phoneNumber: String!) {\n    phoneEvents(phoneNumber: $phoneNumber) {\n      ...PhoneMessageFields\n    }\n  }\n"): typeof import('./graphql.js').PhoneEventsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
