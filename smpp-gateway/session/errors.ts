import { isTemporaryStatus, statusName } from '../../platform/smpp-codec/status.js';

/** The peer answered with a non-zero command_status. `temporary` means retrying later may succeed. */
export class SmppCommandError extends Error {
  override name = 'SmppCommandError';
  readonly statusName: string;
  readonly temporary: boolean;
  constructor(
    readonly status: number,
    readonly command: string,
    /** Message ids of the parts the carrier had already accepted when a multi-part submit failed. */
    readonly acceptedMessageIds: string[] = [],
  ) {
    super(`${command} failed: ${statusName(status)} (0x${status.toString(16).padStart(8, '0')})`);
    this.statusName = statusName(status);
    this.temporary = isTemporaryStatus(status);
  }
}

/** No response within responseTimeoutSeconds, or no bind within the wait allowed for one. */
export class SmppTimeoutError extends Error {
  override name = 'SmppTimeoutError';
  readonly temporary = true;
  constructor(
    readonly command: string,
    readonly afterMs: number,
    /** True when the request reached the wire: the carrier may have acted on it. */
    readonly sent: boolean,
  ) {
    super(`${command}: no response within ${afterMs} ms`);
  }
}

/**
 * The connection went away. `sent` false means the PDU never left this process (safe to resend);
 * true means its outcome is unknown, so the caller decides (MT sends are de-duplicated upstream).
 */
export class SmppConnectionLostError extends Error {
  override name = 'SmppConnectionLostError';
  readonly temporary = true;
  constructor(
    readonly command: string,
    readonly sent: boolean,
    readonly reason: string,
  ) {
    super(`${command}: connection lost (${reason})${sent ? ', outcome unknown' : ''}`);
  }
}

/** The session was shut down by its owner; nothing will be retried. */
export class SmppClosedError extends Error {
  override name = 'SmppClosedError';
  readonly temporary = false;
  constructor(readonly command: string) {
    super(`${command}: session closed`);
  }
}
