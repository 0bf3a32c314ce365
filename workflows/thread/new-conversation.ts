import { ParentClosePolicy, type ChildWorkflowOptions } from '@temporalio/workflow';
import type { InboundMessage } from '../domain/types.js';
import { SB_BUSINESS, SB_CUSTOMER, SB_INSTANCE, SB_QUEUE, SB_STATUS } from '../contract/search-attributes.js';
import type { ConversationInput } from '../conversation/workflow.js';
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

/** The child start of a conversation: its visibility from the first moment, and its input. */
export function conversationStart(
  n: NewConversationStart,
): Omit<ChildWorkflowOptions, 'typeInfo'> & { args: [ConversationInput] } {
  const m = n.routing;
  return {
    workflowId: n.id,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: [
      { key: SB_INSTANCE, value: n.instance },
      { key: SB_STATUS, value: n.record ? 'CLOSED' : 'QUEUED' },
      { key: SB_QUEUE, value: m.queueId },
      // Hashes instead of the numbers when payloads are encrypted (absent otherwise: as before).
      { key: SB_CUSTOMER, value: m.searchKeys?.customer ?? m.customerNumber },
      { key: SB_BUSINESS, value: m.searchKeys?.business ?? m.businessNumber },
    ],
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
