import { redactFields, redactText } from '../../config/redact.js';

// The gateway's log: one line per event with its fields. Bind passwords are never among them, and
// numbers and texts are scrubbed on the way out (config/redact.ts).
export type GatewayLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export const consoleLog: GatewayLog = (level, message, fields) => {
  const line =
    fields && Object.keys(fields).length > 0
      ? `gateway ${level}: ${redactText(message)} ${JSON.stringify(redactFields(fields))}`
      : `gateway ${level}: ${redactText(message)}`;
  if (level === 'info') console.log(line);
  else console.error(line);
};

export const silentLog: GatewayLog = () => undefined;

/** A refusal the session layer turns into this command_status in the response. */
export function statusError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}
