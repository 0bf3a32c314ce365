import {
  getExternalWorkflowHandle,
  patched,
  proxyLocalActivities,
  uuid4,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { CoreActivities } from '../contract/activities.js';

// A signal to another workflow. Since 'signals-from-local-activity' it leaves from a local
// activity: a SignalExternalWorkflowExecution command is acknowledged by an event that costs the
// sender a workflow task of its own, a local activity's marker is written by the task that sent it.

/** A signal must not be lost: retried until the server answers (not-found is an answer). */
const { signalWorkflow } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 ms', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** The target is closed or never existed: callers keep today's handling of a failed signal. */
export class WorkflowUnreachable extends Error {
  override name = 'WorkflowUnreachable';
}

/**
 * Resolves once the signal is in the target's history (as the command's promise did), rejects
 * with WorkflowUnreachable when the target is gone. `patched` is asked when the signal leaves, so
 * a run from before this version replays its commands where its history has them.
 */
export async function signalOther<Args extends unknown[]>(
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  if (!patched('signals-from-local-activity')) {
    await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
    return;
  }
  const result = await signalWorkflow({ workflowId, signalName: signal.name, args, requestId: uuid4() });
  if (!result.delivered) throw new WorkflowUnreachable(`${workflowId}: ${result.reason}`);
}
