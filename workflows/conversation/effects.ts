import { proxyLocalActivities, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { smsTaskQueue, type CoreActivities, type SmsActivities } from '../contract/activities.js';

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
