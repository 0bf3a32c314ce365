import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import { RuleError } from '../../workflows/domain/errors.js';
import type { InboundMessage } from '../../workflows/domain/types.js';
import { customerMessageSignal } from '../../workflows/contract/definitions.js';
import { searchKeysFor, threadIdFor } from '../../config/identifiers.js';
import { threadWorkflow } from '../../workflows/thread/workflow.js';

interface CustomerText {
  /** Customer's number, normalised (E.164). */
  from: string;
  /** Business number, normalised (E.164 or short code). */
  to: string;
  message: InboundMessage;
}

/**
 * The only way an MO enters Switchboard: signalWithStart on the (business, customer) thread. It
 * resolves once Temporal has durably accepted the signal, which is when the carrier may be acked.
 */
export async function submitCustomerText(
  client: Client,
  config: SwitchboardConfig,
  text: CustomerText,
): Promise<string> {
  const number = config.numbers.find((n) => n.number === text.to);
  if (!number) throw new RuleError('NOT_FOUND', `No business number '${text.to}'.`, 'to');
  const workflowId = threadIdFor(config, number.number, text.from);
  const searchKeys = searchKeysFor(config, number.number, text.from);
  await client.workflow.signalWithStart(threadWorkflow, {
    workflowId,
    taskQueue: config.temporal.taskQueue,
    args: [{ maxHistory: config.temporal.historyLimit }],
    signal: customerMessageSignal,
    signalArgs: [
      {
        message: text.message,
        businessNumber: number.number,
        customerNumber: text.from,
        numberType: number.type,
        queueId: number.queue,
        ...(searchKeys ? { searchKeys } : {}),
      },
    ],
  });
  return workflowId;
}
