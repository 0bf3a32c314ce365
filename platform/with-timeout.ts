/**
 * Settles as `promise` does, or rejects once `ms` have passed without an answer (the promise
 * itself runs on; callers give up waiting, e.g. a readiness probe or an MO the carrier will
 * retry). The timer never outlives the race, so it cannot hold a process open.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const message = `no answer within ${ms} ms`;
    timer = setTimeout(() => reject(new Error(what ? `${what}: ${message}` : message)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
