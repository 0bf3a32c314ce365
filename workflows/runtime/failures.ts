import { ApplicationFailure } from '@temporalio/workflow';
import { RuleError } from '../domain/errors.js';

/**
 * An expected rejection leaves the workflow as a non-retryable ApplicationFailure whose type is the
 * ErrorCode and whose first detail is the field at fault, so the API can map it to `userErrors`.
 */
function toFailure(error: unknown): unknown {
  if (error instanceof RuleError) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: [error.field ?? null],
    });
  }
  return error;
}

export function rethrowAsFailure(error: unknown): never {
  throw toFailure(error);
}
