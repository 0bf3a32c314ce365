import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { RuleError } from '../../workflows/domain/errors.js';
import type { InboundMessage } from '../../workflows/domain/types.js';
import {
  customerMessageSignal,
  takeMessageUpdate,
  type CustomerMessage,
  type TakenMessage,
} from '../../workflows/contract/definitions.js';
import { searchKeysFor, threadIdFor } from '../../config/identifiers.js';
import { threadWorkflow } from '../../workflows/thread/workflow.js';
import { withTimeout } from '../with-timeout.js';

export interface CustomerText {
  /** Customer's number, normalised (E.164). */
  from: string;
  /** Business number, normalised (E.164 or short code). */
  to: string;
  message: InboundMessage;
}

/** The thread a text belongs to, and what the thread is told about it. */
export function customerMessageOf(
  config: SwitchboardConfig,
  text: CustomerText,
): { threadId: string; customerMessage: CustomerMessage } {
  const number = config.numbers.find((n) => n.number === text.to);
  if (!number) throw new RuleError('NOT_FOUND', `No business number '${text.to}'.`, 'to');
  const searchKeys = searchKeysFor(config, number.number, text.from);
  return {
    threadId: threadIdFor(config, number.number, text.from),
    customerMessage: {
      message: text.message,
      businessNumber: number.number,
      customerNumber: text.from,
      numberType: number.type,
      queueId: number.queue,
      ...(searchKeys ? { searchKeys } : {}),
    },
  };
}

const threadStart = (config: SwitchboardConfig, workflowId: string) => ({
  workflowId,
  taskQueue: config.temporal.taskQueue,
  args: [{ maxHistory: config.temporal.historyLimit }] as Parameters<typeof threadWorkflow>,
});

/**
 * signalWithStart on the (business, customer) thread. It resolves once Temporal has durably
 * accepted the signal, which is when the carrier may be acked; no worker needs to be up.
 */
export async function submitCustomerText(
  client: Client,
  config: SwitchboardConfig,
  text: CustomerText,
): Promise<string> {
  const { threadId, customerMessage } = customerMessageOf(config, text);
  await client.workflow.signalWithStart(threadWorkflow, {
    ...threadStart(config, threadId),
    signal: customerMessageSignal,
    signalArgs: [customerMessage],
  });
  return threadId;
}

/**
 * The boundary path: update-with-start `takeMessage` on the thread, which answers once the text is
 * in its conversation's history, with that conversation when it stays open for the next texts.
 * An update is durable only once a worker accepts it: when none answers within `updateMs`, the
 * text goes by signalWithStart instead (durable at once; the thread takes a text once) and the
 * answer is `{}`, nothing to remember. The update id is the message's, so a retry joins the first.
 */
export async function takeCustomerText(
  client: Client,
  config: SwitchboardConfig,
  text: CustomerText,
  updateMs: number,
): Promise<TakenMessage> {
  const { threadId, customerMessage } = customerMessageOf(config, text);
  const startWorkflowOperation = new WithStartWorkflowOperation(threadWorkflow, {
    ...threadStart(config, threadId),
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  try {
    return await withTimeout(
      client.withDeadline(Date.now() + updateMs, () =>
        client.workflow.executeUpdateWithStart(takeMessageUpdate, {
          args: [customerMessage],
          updateId: `take:${text.message.id}`,
          startWorkflowOperation,
        }),
      ),
      updateMs,
    );
  } catch {
    await submitCustomerText(client, config, text);
    return {};
  }
}
