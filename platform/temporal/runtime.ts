import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import { redactFields, redactText } from '../../config/redact.js';

/** The SDK's log lines (workflow and activity logs included), scrubbed of numbers, texts and secrets. */
export function logLine(entry: LogEntry): string {
  const meta = entry.meta && Object.keys(entry.meta).length > 0 ? ` ${JSON.stringify(redactFields(entry.meta))}` : '';
  return `${new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString()} [${entry.level}] ${redactText(entry.message)}${meta}`;
}

let installed = false;

/** One Runtime per process, installed before the first connection; INFO chatter off by default. */
export function ensureRuntime(
  level: LogLevel = (process.env.SWITCHBOARD_TEMPORAL_LOG_LEVEL as LogLevel | undefined) ?? 'WARN',
): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger(level, (entry) => console.error(logLine(entry))) });
  } catch {
    // Already instantiated by someone else in this process (a test environment): keep theirs.
  }
}
