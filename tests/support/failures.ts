import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/** The ErrorCode an Update was rejected with (validator or handler), or a failure if it was not. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; field: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return { code: error.cause.type ?? '', message: error.cause.message, field: error.cause.details?.[0] ?? null };
    }
    throw error;
  }
  throw new Error('expected the update to be rejected, but it succeeded');
}
