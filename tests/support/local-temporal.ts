import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli } from '../../worker/temporal/cli.js';
import { DEV_SERVER_TUNING, SQLITE_PRAGMAS } from '../../worker/temporal/dev-server.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';

/**
 * A real dev server for tests and benchmarks, tuned as `npm start` tunes its own: the CLI built by
 * `scripts/install-temporal-cli.ts` (never a download), our search attributes, and the shard's poll
 * limits raised. With `dbFilename` it is on disk with the same SQLite pragmas, else in memory.
 */
export function startLocalTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: findTemporalCli() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      log: { format: 'pretty', level: 'error' },
      ...(options.dbFilename
        ? { dbFilename: options.dbFilename, extraArgs: [...SQLITE_PRAGMAS, ...DEV_SERVER_TUNING] }
        : { extraArgs: DEV_SERVER_TUNING }),
    },
  });
}
