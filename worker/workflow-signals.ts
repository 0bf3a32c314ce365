import { status as grpcStatus } from '@grpc/grpc-js';
import { isGrpcServiceError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { defineSearchAttributeKey, type SearchAttributeType } from '@temporalio/common';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow/index.js';
import type { SignalRequest, SignalResult, StartRequest } from '../workflows/contract/activities.js';

// Workflow-to-workflow messages sent by local activities instead of workflow commands: a
// SignalExternalWorkflowExecution or StartChildWorkflowExecution command is acknowledged by an
// event that costs the sender one more workflow task; the marker of a local activity does not.

/**
 * The request id makes the signal idempotent on the server, so a local activity retried after a
 * lost answer does not signal twice. The client's data converter encodes the arguments (and
 * encrypts them when `temporal.encryptionKeys` is set), exactly as a handle's signal would.
 */
export async function signalWorkflow(client: Client, request: SignalRequest): Promise<SignalResult> {
  try {
    await client.workflowService.signalWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId: request.workflowId },
      signalName: request.signalName,
      input: { payloads: await encodeToPayloads(client.options.loadedDataConverter, ...request.args) },
      identity: client.options.identity,
      requestId: request.requestId,
    });
    return { delivered: true };
  } catch (error) {
    // Completed, or never existed: the sender decides (the router frees the slot, the thread bounces).
    if (isGrpcServiceError(error) && error.code === grpcStatus.NOT_FOUND)
      return { delivered: false, reason: 'not-found' };
    throw error;
  }
}

/** Starts the workflow; an attempt retried after its start went through finds it started. */
export async function startWorkflow(client: Client, request: StartRequest): Promise<{ started: true }> {
  try {
    await client.workflow.start(request.workflowType, {
      workflowId: request.workflowId,
      taskQueue: request.taskQueue,
      args: request.args,
      typedSearchAttributes: request.searchAttributes.map((a) => ({
        key: defineSearchAttributeKey(a.key.name, a.key.type as typeof SearchAttributeType.KEYWORD),
        value: a.value,
      })),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return { started: true };
}
