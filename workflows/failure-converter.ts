import { DefaultFailureConverter } from '@temporalio/common';

// With payload encryption on, failure messages and stack traces are moved into an encoded
// attributes payload, so the codec encrypts them too (platform/temporal/codec.ts points the worker,
// its workflow bundle and every client here). Without encryption nothing refers to this file.
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
