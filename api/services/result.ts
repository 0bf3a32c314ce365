import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { isErrorCode, RuleError } from '../../workflows/domain/errors.js';
import { ok, type Result, type UserError } from '../../workflows/domain/result.js';

// Expected failures travel as values (they end up in `userErrors`); anything else is a fault and
// is thrown, to be masked by Yoga in production. The Result shape is the domain's, shared with the
// desktop; what is Temporal-specific (reading a failure) stays here.

/** The typed rejection inside an error from Temporal or the rules, or undefined for a fault. */
export function userErrorOf(error: unknown): UserError | undefined {
  if (error instanceof RuleError) return { code: error.code, message: error.message, field: error.field ?? null };
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (!isErrorCode(failure.type)) return undefined;
    const field = failure.details?.[0];
    return { code: failure.type, message: failure.message, field: typeof field === 'string' ? field : null };
  }
  if (error instanceof WorkflowNotFoundError)
    return { code: 'NOT_FOUND', message: 'No such conversation.', field: 'conversationId' };
  return undefined;
}

/** Runs a Temporal call; a typed rejection becomes a Result, a fault is rethrown. */
export async function attempt<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await call());
  } catch (error) {
    const userError = userErrorOf(error);
    if (!userError) throw error;
    return { ok: false, error: userError };
  }
}
