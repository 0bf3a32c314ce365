import { startLocalTemporal } from '../../harness/local-temporal.js';
import type { TestProject } from 'vitest/node';
import { findTemporalCli } from '../../platform/temporal/cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalCli: string;
  }
}

// One real Temporal dev server for a whole project run: starting one costs seconds, and tests stay
// apart by their own instance prefix and task queue (see tests/support/stack.ts).
export default async function setup(project: TestProject) {
  const cli = findTemporalCli();
  const env = await startLocalTemporal();
  project.provide('temporalAddress', env.address);
  project.provide('temporalCli', cli);
  return async () => {
    await env.teardown();
  };
}
