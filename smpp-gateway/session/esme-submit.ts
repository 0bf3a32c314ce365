import { SmppClosedError, SmppCommandError, SmppConnectionLostError } from './errors.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import {
  backoffDelay,
  delay,
  DEFAULT_THROTTLE_BACKOFF,
  type BackoffOptions,
  type TokenBucket,
} from './flow-control.js';
import { shortMessageFields, type SubmitMessage, type SubmitPart } from './messages.js';
import type { PduConnection } from './pdu-connection.js';

interface SubmitContext {
  bucket: TokenBucket;
  /** The bound transmitter, waiting for a (re)bind if need be. */
  whenBound(): Promise<PduConnection>;
  signal: AbortSignal;
  throttleRetries: number;
  throttleBackoff?: BackoffOptions;
}

const THROTTLING = new Set([STATUS.ESME_RTHROTTLED, STATUS.ESME_RMSGQFUL]);

/**
 * One submit_sm, retried in three cases only: a throttling answer (after a backoff), and a PDU that
 * never left because its connection went first (on the next bind). A sent PDU is never resent here.
 */
async function submitPart(ctx: SubmitContext, message: SubmitMessage, part: SubmitPart): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await ctx.bucket.take();
    if (ctx.signal.aborted) throw new SmppClosedError('submit_sm');
    const conn = await ctx.whenBound();
    let resp;
    try {
      resp = await conn.request('submit_sm', shortMessageFields(message, part));
    } catch (error) {
      if (error instanceof SmppConnectionLostError && !error.sent && !ctx.signal.aborted) continue;
      throw error;
    }
    const status = resp.command_status || (resp.command === 'generic_nack' ? STATUS.ESME_RSYSERR : 0);
    if (status === 0) return typeof resp.message_id === 'string' ? resp.message_id : '';
    if (!THROTTLING.has(status) || attempt >= ctx.throttleRetries) throw new SmppCommandError(status, 'submit_sm');
    await delay(backoffDelay(attempt, ctx.throttleBackoff ?? DEFAULT_THROTTLE_BACKOFF), ctx.signal);
  }
}

/** Every part, in order through the window; message ids in part order, or the first failure. */
export async function submitMessage(ctx: SubmitContext, message: SubmitMessage): Promise<{ messageIds: string[] }> {
  const results = await Promise.allSettled(message.parts.map((part) => submitPart(ctx, message, part)));
  const messageIds = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return { messageIds };
  const error: unknown = failed.reason;
  // Say which parts the carrier already took: the handset may show a fragment.
  if (error instanceof SmppCommandError) throw new SmppCommandError(error.status, error.command, messageIds);
  throw error;
}
