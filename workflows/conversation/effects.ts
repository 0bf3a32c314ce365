import { proxyLocalActivities, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { smsTaskQueue, type CoreActivities, type SmsActivities } from '../contract/activities.js';
import type { ConversationState } from '../domain/types.js';
import type { ConversationEvent } from './model.js';

// Publishing is best-effort (clients re-read state on reconnect), so a few quick attempts only.
export const coreActivities = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3, initialInterval: '100 ms' },
});

/** On the gateway's task queue: the MT leaves from the process that holds the conversation's bind. */
export function smsActivities(gateway?: string): SmsActivities {
  return proxyActivities<SmsActivities>({
    taskQueue: smsTaskQueue(workflowInfo().taskQueue, gateway),
    startToCloseTimeout: '30 seconds',
    // A gateway that is down leaves the send waiting in its queue; after that the message FAILS visibly.
    scheduleToCloseTimeout: '10 minutes',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
      nonRetryableErrorTypes: ['SMS_REJECTED'],
    },
  });
}

/** The durable timers a state calls for: the open offer's RONA, and each auto wrap-up. */
export function wantedTimers(state: ConversationState): Map<string, { at: string; event: ConversationEvent }> {
  const wanted = new Map<string, { at: string; event: ConversationEvent }>();
  if (state.offer)
    wanted.set('offer', { at: state.offer.expiresAt, event: { type: 'offerTimeout', seq: state.offer.seq } });
  for (const [agentId, at] of Object.entries(state.autoWrapUpAt)) {
    wanted.set(`wrapup:${agentId}`, { at, event: { type: 'autoWrapUpTimeout', agentId } });
  }
  return wanted;
}
