import {
  ParentClosePolicy,
  patched,
  proxyLocalActivities,
  startChild,
  workflowInfo,
  type ChildWorkflowOptions,
} from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';
import type { InboundMessage } from '../domain/types.js';
import type { CoreActivities } from '../contract/activities.js';
import { SB_BUSINESS, SB_CUSTOMER, SB_INSTANCE, SB_QUEUE, SB_STATUS } from '../contract/search-attributes.js';
import { conversationWorkflow, type ConversationInput } from '../conversation/workflow.js';
import type { Routing } from './model.js';

export interface NewConversationStart {
  instance: string;
  threadId: string;
  id: string;
  first: InboundMessage;
  routing: Routing;
  optedOut: boolean;
  /** Born closed for the customer's history, never offered (inbound-rules.ts `record`). */
  record: boolean;
}

// A start must not be lost: retried until the server answers (an attempt that went through is
// found started by the next one, the id being the workflow's own).
const { startWorkflow } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 ms', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/**
 * Starts the conversation. Since 'conversation-start-from-local-activity' a local activity does
 * it: a child start is acknowledged by ChildWorkflowExecutionStarted, one more thread task per
 * conversation; the conversation never needed a parent (ABANDON), only its id.
 */
export async function startConversationRun(n: NewConversationStart): Promise<void> {
  const start = conversationStart(n);
  if (!patched('conversation-start-from-local-activity')) {
    await startChild(conversationWorkflow, start);
    return;
  }
  await startWorkflow({
    workflowId: start.workflowId,
    workflowType: conversationWorkflow.name,
    taskQueue: workflowInfo().taskQueue,
    args: start.args,
    searchAttributes: searchAttributes(n).map((a) => ({ key: { ...a.key }, value: a.value as string })),
  });
}

/** Hashes instead of the numbers when payloads are encrypted (absent otherwise: as before). */
function searchAttributes(n: NewConversationStart): SearchAttributePair[] {
  const m = n.routing;
  return [
    { key: SB_INSTANCE, value: n.instance },
    { key: SB_STATUS, value: n.record ? 'CLOSED' : 'QUEUED' },
    { key: SB_QUEUE, value: m.queueId },
    { key: SB_CUSTOMER, value: m.searchKeys?.customer ?? m.customerNumber },
    { key: SB_BUSINESS, value: m.searchKeys?.business ?? m.businessNumber },
  ];
}

/** The child start of a conversation: its visibility from the first moment, and its input. */
export function conversationStart(
  n: NewConversationStart,
): Omit<ChildWorkflowOptions, 'typeInfo'> & { workflowId: string; args: [ConversationInput] } {
  const m = n.routing;
  return {
    workflowId: n.id,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: searchAttributes(n),
    args: [
      {
        conversation: {
          id: n.id,
          threadId: n.threadId,
          queueId: m.queueId,
          customerNumber: m.customerNumber,
          businessNumber: m.businessNumber,
          numberType: m.numberType,
          first: n.first,
          optedOut: n.optedOut,
          ...(m.searchKeys ? { searchKeys: m.searchKeys } : {}),
          ...(n.record ? { recordOnly: true } : {}),
        },
      },
    ],
  };
}
