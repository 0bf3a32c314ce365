import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { parseReceipt } from '../../platform/smpp-codec/receipt.js';
import { STATUS } from '../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../session/messages.js';
import { deliverySignal } from '../../workflows/contract/definitions.js';
import { statusError, type GatewayLog } from './log.js';
import type { Limiter } from './limiter.js';
import { routeKey, type MtLedger, type Side } from './mt-ledger.js';

/**
 * Delivery receipts back to the conversation: DELIVERED once every part was delivered, FAILED as
 * soon as any part failed. The receipt is acked only once the conversation has been told, so a
 * Temporal outage makes the carrier resend it rather than lose it.
 */
export class ReceiptHandler {
  constructor(
    private readonly deps: {
      client: Client;
      ledger: MtLedger;
      log: GatewayLog;
      signalTimeoutMs: number;
      limiter: Limiter;
    },
  ) {}

  /** `via` is the bind (or listener peer) the receipt came in on: only its own MTs can match. */
  async handle(sm: ShortMessage, via: { side: Side; bindId: string }): Promise<void> {
    const receipt = parseReceipt({
      esmClass: sm.esmClass,
      text:
        sm.shortMessage.length > 0 ? sm.shortMessage.toString('latin1') : (sm.messagePayload?.toString('latin1') ?? ''),
      ...(sm.receiptedMessageId ? { receipted_message_id: sm.receiptedMessageId } : {}),
      ...(sm.messageState !== undefined ? { message_state: sm.messageState } : {}),
      ...(Buffer.isBuffer(sm.pdu.network_error_code) ? { network_error_code: sm.pdu.network_error_code } : {}),
    });
    // Unreadable or for a message we never sent: acked, since a retry would not make it readable.
    // The text is not logged: a receipt may quote the customer's message.
    if (!receipt)
      return void this.deps.log('warn', 'unreadable delivery receipt', {
        bind: via.bindId,
        octets: sm.shortMessage.length,
      });
    const id = receipt.messageId;
    const route = routeKey(via);
    const hit =
      this.deps.ledger.lookup(route, id) ??
      (receipt.textId ? this.deps.ledger.lookup(route, receipt.textId) : undefined);
    if (!hit)
      return void this.deps.log('warn', 'receipt for a message id not sent on this bind', {
        id,
        bind: via.bindId,
        stat: receipt.stat,
      });
    if (receipt.state === 'PENDING') return;
    const detail =
      receipt.state === 'FAILED'
        ? `Carrier receipt: ${receipt.stat ?? 'failed'}${receipt.err ? ` (err ${receipt.err})` : ''}`
        : undefined;
    const outcome = this.deps.ledger.receipt(
      hit.entry,
      hit.index,
      hit.entry.parts[hit.index] ?? id,
      receipt.state,
      detail,
    );
    if (!outcome) return;
    const { conversationId, messageId } = hit.entry;
    try {
      const deadline = Date.now() + this.deps.signalTimeoutMs;
      await this.deps.limiter.run(this.deps.signalTimeoutMs, () =>
        this.deps.client.withDeadline(deadline, () =>
          this.deps.client.workflow.getHandle(conversationId).signal(deliverySignal, {
            messageId,
            status: outcome.status,
            ...(outcome.detail ? { detail: outcome.detail } : {}),
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        this.deps.log('warn', 'receipt not passed on; the carrier will resend it', {
          messageId,
          error: (error as Error).message,
        });
        throw statusError(STATUS.ESME_RX_T_APPN, 'Temporal unavailable');
      }
      this.deps.log('warn', 'receipt for a conversation that no longer runs', { conversationId, messageId });
    }
    this.deps.ledger.finished(hit.entry);
  }
}
