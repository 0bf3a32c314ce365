import type { ResultOf } from '@graphql-typed-document-node/core';
import { fromPayload, type Result } from '$domain/result.js';
import { gql } from './graphql.js';
import * as conversationOp from './conversation-operations.js';
import * as op from './operations.js';
import type {
  Agent,
  AgentStatus,
  Conversation,
  ConversationPayload,
  Message,
  Named,
  Queue,
  UserError,
} from './types.js';

// One typed function per operation the desktop uses. Pages call these and feed the results to
// the reducer. A mutation's payload (`{ conversation, userErrors }` on the wire) comes back as the
// domain's Result, the shape the API builds it from: a value, or the error to show by the control.

export type { Result } from '$domain/result.js';

export async function login(username: string, password: string) {
  return (await gql(op.LOGIN, { username, password })).login;
}

export async function logout(): Promise<Result<Agent>> {
  const data = await gql(op.LOGOUT);
  return fromPayload(data.logout.agent, data.logout.userErrors);
}

export type Snapshot = ResultOf<typeof op.SNAPSHOT>;

export function snapshot(): Promise<Snapshot> {
  return gql(op.SNAPSHOT);
}

export async function idleCodes(): Promise<Named[]> {
  return (await gql(op.IDLE_CODES)).idleCodes;
}

export async function setStatus(status: AgentStatus, idleCodeId?: string): Promise<Result<Agent>> {
  const data = await gql(op.SET_STATUS, { status, idleCodeId: idleCodeId ?? null });
  return fromPayload(data.setAgentStatus.agent, data.setAgentStatus.userErrors);
}

function conversationResult(data: { result: ConversationPayload }): Result<Conversation> {
  return fromPayload(data.result.conversation, data.result.userErrors);
}

export async function act(
  action: conversationOp.ConversationAction,
  conversationId: string,
): Promise<Result<Conversation>> {
  return conversationResult(await gql(conversationOp.CONVERSATION_ACTIONS[action], { conversationId }));
}

export async function transfer(
  conversationId: string,
  target: { queueId: string } | { agentId: string },
): Promise<Result<Conversation>> {
  return conversationResult(await gql(conversationOp.TRANSFER, { conversationId, ...target }));
}

export async function requestConference(conversationId: string, agentId: string): Promise<Result<Conversation>> {
  return conversationResult(await gql(conversationOp.REQUEST_CONFERENCE, { conversationId, agentId }));
}

export async function submitWrapUp(conversationId: string, reasonId: string): Promise<Result<Conversation>> {
  return conversationResult(await gql(conversationOp.SUBMIT_WRAP_UP, { conversationId, reasonId }));
}

export async function sendMessage(
  conversationId: string,
  text: string,
  clientMessageId: string,
): Promise<Result<Message>> {
  const data = await gql(conversationOp.SEND_MESSAGE, { conversationId, text, clientMessageId });
  return fromPayload(data.sendMessage.message, data.sendMessage.userErrors);
}

export function transferTargets(): Promise<{ queues: Queue[]; agents: Named[] }> {
  return gql(op.TRANSFER_TARGETS);
}

export async function conferenceTargets(): Promise<Named[]> {
  return (await gql(op.CONFERENCE_TARGETS)).agents;
}

export async function wrapUpReasons(): Promise<Named[]> {
  return (await gql(op.WRAP_UP_REASONS)).wrapUpReasons;
}

export async function customerHistory(conversationId: string): Promise<Conversation[]> {
  return (await gql(op.CUSTOMER_HISTORY, { conversationId })).customerHistory;
}

/** The first user error's message, for one line next to the control that failed. */
export function firstError(errors: readonly UserError[]): string | null {
  return errors[0]?.message ?? null;
}
