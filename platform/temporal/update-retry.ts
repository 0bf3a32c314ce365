import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/** gRPC's FAILED_PRECONDITION, which the server answers while the workflow's last task has failed. */
const FAILED_PRECONDITION = 9;
/** How long an Update keeps being offered to a workflow whose task is being retried. */
export const UPDATE_RETRY_MS = 10_000;

/**
 * The server refuses an Update, without admitting it, while the workflow's last task has failed
 * (a worker overloaded or restarting, a task that met a signal and must run again) and until the
 * retried task completes. Refused means never applied, so offering it again cannot apply it twice.
 * An Update delivered in a task whose completion the server then refuses (a router's
 * continue-as-new that met a signal) fails with "unexpected workflow task failure": its acceptance
 * was part of that refused completion, so it was never applied either.
 */
export function isTaskInFailedState(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return (
    isGrpcServiceError(cause) &&
    cause.code === FAILED_PRECONDITION &&
    /workflow task in failed state|unexpected workflow task failure/i.test(cause.details)
  );
}

/**
 * Runs an Update call again while the server refuses it that way, backing off from 50 ms to 1 s,
 * for at most `withinMs`; any other error (a rejection by the validator or the handler included)
 * is the caller's at once.
 */
export async function retryRefusedUpdate<T>(call: () => Promise<T>, withinMs = UPDATE_RETRY_MS): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let wait = 50; ; wait = Math.min(1000, wait * 2)) {
    try {
      return await call();
    } catch (error) {
      if (!isTaskInFailedState(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
