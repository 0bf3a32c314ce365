import { ApplicationFailure } from '@temporalio/common';
import { AddressError } from '../../platform/smpp-codec/numbers.js';
import { SegmentError } from '../../platform/smpp-codec/segment.js';
import { statusInfo } from '../../platform/smpp-codec/status.js';
import { SmppClosedError, SmppCommandError, SmppConnectionLostError, SmppTimeoutError } from '../session/errors.js';

// What a failed submit means for the activity. Retrying is only safe for a part the carrier cannot
// have acted on; a part that was on the wire when the link died (or timed out) may have reached
// the handset, so it fails visibly instead of risking a second text to the customer.

const SMS_REJECTED = 'SMS_REJECTED';
export const SMS_UNCONFIRMED = 'SMS_UNCONFIRMED';
export const SMS_TEMPORARY = 'SMS_TEMPORARY';

export function toActivityFailure(error: unknown, context: { accepted: number; total: number }): ApplicationFailure {
  const partial = context.accepted > 0 ? ` (${context.accepted} of ${context.total} parts were accepted)` : '';
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof SmppCommandError) {
    const info = statusInfo(error.status);
    const reason = `${error.statusName}${info ? `: ${info.description}` : ''}`;
    return error.temporary
      ? ApplicationFailure.retryable(`The carrier is busy: ${reason}`, SMS_TEMPORARY)
      : ApplicationFailure.nonRetryable(`The carrier refused the message: ${reason}${partial}`, SMS_REJECTED);
  }
  if ((error instanceof SmppConnectionLostError || error instanceof SmppTimeoutError) && error.sent) {
    const what = error instanceof SmppTimeoutError ? 'did not answer in time' : 'connection dropped';
    return ApplicationFailure.nonRetryable(
      `Not confirmed: the carrier ${what} after the message was sent, so it may or may not reach the customer${partial}`,
      SMS_UNCONFIRMED,
    );
  }
  if (
    error instanceof SmppConnectionLostError ||
    error instanceof SmppTimeoutError ||
    error instanceof SmppClosedError
  ) {
    return ApplicationFailure.retryable(`No carrier bind to send on: ${error.message}`, SMS_TEMPORARY);
  }
  if (error instanceof AddressError || error instanceof SegmentError) {
    return ApplicationFailure.nonRetryable(`The message cannot be sent: ${error.message}`, SMS_REJECTED);
  }
  return ApplicationFailure.retryable(error instanceof Error ? error.message : String(error), SMS_TEMPORARY);
}
