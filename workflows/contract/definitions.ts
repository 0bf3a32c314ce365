import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AgentStatus,
  AgentView,
  ConversationState,
  DeliveryStatus,
  ErrorCode,
  InboundMessage,
  Message,
  NumberType,
  QueueView,
  SearchKeys,
} from '../domain/types.js';
import type { AgentAction, Directory, RouterEvent } from './inputs.js';

// The names clients use to talk to the workflows. The API and the gateway import these, never strings.

export type { AgentAction } from './inputs.js';

export interface ActionResult {
  conversation: ConversationState;
  message?: Message;
}

export interface DeliveryUpdate {
  messageId: string;
  status: DeliveryStatus;
  carrierIds?: string[];
  segments?: number;
  detail?: string;
}

export interface ReserveResult {
  requestId: string;
  agentId?: string;
  code?: ErrorCode;
  message?: string;
}

// Conversation
export const actUpdate = defineUpdate<ActionResult, [AgentAction]>('act');
export const inboundSignal = defineSignal<[InboundMessage]>('inbound');
export const assignedSignal = defineSignal<[{ agentId: string }]>('assigned');
export const reserveResultSignal = defineSignal<[ReserveResult]>('reserveResult');
/** From the router: the agent logged out, so its offer, ownership, seat or wrap-up here is handed back. */
export const agentLoggedOutSignal = defineSignal<[{ agentId: string }]>('agentLoggedOut');
export const deliverySignal = defineSignal<[DeliveryUpdate]>('delivery');
export const stateQuery = defineQuery<ConversationState>('state');

// Thread: one per (business number, customer number), the entry point of every MO.
export interface CustomerMessage {
  message: InboundMessage;
  businessNumber: string;
  customerNumber: string;
  numberType: NumberType;
  queueId: string;
  /** Only with payload encryption on: search attributes carry these instead of the numbers. */
  searchKeys?: SearchKeys;
}
interface ThreadView {
  current?: string;
  conversations: string[];
  optedOut: boolean;
  keywords: { id: string; keyword: string; at: string; conversationId?: string }[];
}
export const customerMessageSignal = defineSignal<[CustomerMessage]>('customerMessage');
/** Where a taken message went: the open conversation the gateway may signal directly (none for a record). */
export interface TakenMessage {
  conversationId?: string;
}
/**
 * The gateway's boundary path (no open conversation known): the thread's rules take the message
 * like customerMessage, and the update completes once it is in the conversation's history.
 */
export const takeMessageUpdate = defineUpdate<TakenMessage, [CustomerMessage]>('takeMessage');
/**
 * `optedOut`: the conversation's, final; `inbound`: the ids of its last customer texts, which went
 * to it directly, so a carrier's late redelivery is not taken again (both absent in older signals).
 */
export interface ConversationEnded {
  conversationId: string;
  optedOut?: boolean;
  inbound?: string[];
}
export const conversationEndedSignal = defineSignal<[ConversationEnded]>('conversationEnded');
export const redirectSignal =
  defineSignal<[{ conversationId: string; message: InboundMessage; optedOut?: boolean }]>('redirect');
export const threadQuery = defineQuery<ThreadView>('thread');

// Router: presence and queues.
export interface StatusChange {
  agentId: string;
  status: AgentStatus;
  idleCodeId?: string;
  logout?: boolean;
}
export type RouterSignalEvent = Exclude<RouterEvent, { type: 'setStatus' } | { type: 'sync' }>;
export const routerSignal = defineSignal<[RouterSignalEvent]>('router');
/** Many router events in one signal, applied in order (bulk routing: load tools, re-queueing). */
export const routerBatchSignal = defineSignal<[RouterSignalEvent[]]>('routerBatch');
/** The name the signal helpers use for it. */
export type RouterMessage = RouterSignalEvent;
export const syncDirectorySignal = defineSignal<[Directory]>('syncDirectory');
export const setStatusUpdate = defineUpdate<AgentView, [StatusChange]>('setAgentStatus');
export const agentsQuery = defineQuery<AgentView[]>('agents');
export const queuesQuery = defineQuery<QueueView[]>('queues');
