import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection } from '@temporalio/client';
import { status } from '@grpc/grpc-js';
import { clientInterceptors } from '../../../platform/temporal/closed-channel-guard.js';

// A part that stops while one of its Temporal calls is backing off before a retry must not crash
// the process: without the guard, grpc-js throws "Channel has been shut down" from the retry's
// timer, an uncaught exception (vitest reports it and the run fails).
describe('closing a Temporal connection while a call waits to retry', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A peer that drops every connection: each attempt fails UNAVAILABLE, which the client retries. */
  async function droppingPeer(onAttempt: () => void): Promise<number> {
    server = createServer((socket: Socket) => {
      socket.destroy();
      onAttempt();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  it('retries while open, then ends the waiting call with CANCELLED instead of an uncaught exception', async () => {
    let attempts = 0;
    let retried!: () => void;
    const secondAttempt = new Promise<void>((resolve) => (retried = resolve));
    const port = await droppingPeer(() => {
      attempts += 1;
      if (attempts === 2) retried();
    });
    const connection = Connection.lazy({ address: `127.0.0.1:${port}`, interceptors: clientInterceptors() });
    const settled = connection.workflowService.getSystemInfo({}).then(
      () => undefined,
      (error: unknown) => error,
    );
    // The guard leaves retrying alone: the second attempt comes after a backoff, and the next one
    // is now waiting on its timer when the connection closes.
    await secondAttempt;
    await connection.close();
    const error = (await settled) as { code?: number; details?: string };
    expect(error.code).toBe(status.CANCELLED);
    expect(error.details).toMatch(/Temporal connection closed/);
    expect(attempts).toBe(2);
  });
});
