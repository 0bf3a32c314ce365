import type { ConversationSettings } from '../domain/types.js';
import type { EventBatch, SendSmsRequest, SendSmsResult } from './events.js';
import type { Directory } from './inputs.js';
import type { StashedChunk, TakeChunkRequest } from './stash.js';

// Interfaces only: the worker implements CoreActivities (createActivities in worker/), the SMPP
// gateway implements SmsActivities on its own task queue, so an MT leaves from a live bind.

/** A signal from one workflow to another, sent by a local activity (no task to acknowledge it). */
export interface SignalRequest {
  workflowId: string;
  signalName: string;
  args: unknown[];
  /** From uuid4() in workflow code: the server takes a retried attempt's signal once. */
  requestId: string;
}

export type SignalResult = { delivered: true } | { delivered: false; reason: 'not-found' };

/** A workflow started by a local activity (a conversation from its thread); idempotent on the id. */
export interface StartRequest {
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  args: unknown[];
  /** Visibility from the first moment: each key with its type, as SearchAttributePair. */
  searchAttributes: { key: { name: string; type: string }; value: string }[];
}

export interface CoreActivities {
  /** Local activity: hand events to the pub/sub (in-memory, or Redis across processes). */
  publishEvents(batch: EventBatch): Promise<void>;
  /** Local activity: the configuration a new conversation runs with. */
  conversationSettings(): Promise<ConversationSettings>;
  /** Local activity: agents, queues and idle codes for the router. */
  directory(): Promise<Directory>;
  /** Local activity: signal another workflow; a closed or unknown one is `not-found`, not an error. */
  signalWorkflow(request: SignalRequest): Promise<SignalResult>;
  /** Local activity: start a workflow; one already started with the id (a retry) counts as started. */
  startWorkflow(request: StartRequest): Promise<{ started: true }>;
  /** Local activity: gives the chunk back, so it is recorded in the caller's history (its marker). */
  stashChunk(chunk: StashedChunk): Promise<StashedChunk>;
  /** Local activity: reads a closed run's history and returns the chunk it stashed; throws if it cannot. */
  takeChunk(request: TakeChunkRequest): Promise<StashedChunk>;
}

export interface SmsActivities {
  /**
   * Submits the text to the carrier; resolves with the carrier's message ids. Must be idempotent
   * on `messageId`: a retry of an already-submitted message returns the first result.
   * Permanent carrier errors are non-retryable ApplicationFailures of type `SMS_REJECTED`.
   */
  sendSms(request: SendSmsRequest): Promise<SendSmsResult>;
}

/**
 * The gateway's task queue for `sendSms`, derived from the worker's; with several gateways each
 * has its own (`smpp.gatewayId`), so a reply goes to the one that holds the conversation's bind.
 */
export function smsTaskQueue(taskQueue: string, gatewayId?: string): string {
  return gatewayId ? `${taskQueue}-sms-${gatewayId}` : `${taskQueue}-sms`;
}
