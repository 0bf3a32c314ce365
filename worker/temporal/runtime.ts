import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

let installed = false;

/** One Runtime per process, installed before the first connection; INFO chatter off by default. */
export function ensureRuntime(level: LogLevel = (process.env.SWITCHBOARD_TEMPORAL_LOG_LEVEL as LogLevel | undefined) ?? 'WARN'): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already instantiated by someone else in this process (a test environment): keep theirs.
  }
}
