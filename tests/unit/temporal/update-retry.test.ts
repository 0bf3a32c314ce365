import { describe, expect, it } from 'vitest';
import { ServiceError } from '@temporalio/client';
import { isTaskInFailedState, retryRefusedUpdate } from '../../../platform/temporal/update-retry.js';

// What the client throws when the server refuses an Update: a ServiceError around the gRPC error.
const grpc = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
const refused = () =>
  new ServiceError('Workflow Update failed', {
    cause: grpc(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.'),
  });

describe('an Update refused while the workflow task is failed', () => {
  it('is told apart from every other failure', () => {
    expect(isTaskInFailedState(refused())).toBe(true);
    expect(isTaskInFailedState(refused().cause)).toBe(true);
    const lostTask = 'Unable to perform workflow execution update due to unexpected workflow task failure.';
    expect(isTaskInFailedState(new ServiceError('Workflow Update failed', { cause: grpc(9, lostTask) }))).toBe(true);
    expect(isTaskInFailedState(new ServiceError('x', { cause: grpc(9, 'workflow is not running') }))).toBe(false);
    expect(isTaskInFailedState(new ServiceError('x', { cause: grpc(14, 'Workflow Task in failed state') }))).toBe(
      false,
    );
    expect(isTaskInFailedState(new Error('Workflow Task in failed state'))).toBe(false);
    expect(isTaskInFailedState(undefined)).toBe(false);
  });

  it('is offered again until the server takes it', async () => {
    let calls = 0;
    const result = await retryRefusedUpdate(async () => {
      if (++calls < 3) throw refused();
      return 'accepted';
    });
    expect(result).toBe('accepted');
    expect(calls).toBe(3);
  });

  it('gives up after its time, with the server refusal', async () => {
    let calls = 0;
    const call = () => {
      calls++;
      return Promise.reject(refused());
    };
    await expect(retryRefusedUpdate(call, 120)).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toBeGreaterThan(1);
  });

  it('hands any other error back at once', async () => {
    let calls = 0;
    const rejection = new Error('NOT_ALLOWED');
    await expect(
      retryRefusedUpdate(() => {
        calls++;
        return Promise.reject(rejection);
      }),
    ).rejects.toBe(rejection);
    expect(calls).toBe(1);
  });
});
