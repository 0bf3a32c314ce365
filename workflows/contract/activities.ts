import type { ConversationSettings } from '../domain/types.js';
import type { EventBatch, SendSmsRequest, SendSmsResult } from './events.js';
import type { Directory } from './inputs.js';

// Interfaces only: the worker implements CoreActivities (createActivities in worker/), the SMPP
// gateway implements SmsActivities on its own task queue, so an MT leaves from a live bind.

export interface CoreActivities {
  /** Local activity: hand events to the pub/sub (in-memory, or Redis across processes). */
  publishEvents(batch: EventBatch): Promise<void>;
  /** Local activity: the configuration a new conversation runs with. */
  conversationSettings(): Promise<ConversationSettings>;
  /** Local activity: agents, queues and idle codes for the router. */
  directory(): Promise<Directory>;
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
