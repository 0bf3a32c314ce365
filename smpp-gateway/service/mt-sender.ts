import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { SendSmsRequest, SendSmsResult } from '../../workflows/contract/events.js';
import type { Ingress } from '../../workflows/domain/types.js';
import { segmentText, type OutboundPart } from '../../platform/smpp-codec/segment.js';
import type { SubmitMessage } from '../session/messages.js';
import { SmppConnectionLostError, SmppTimeoutError } from '../session/errors.js';
import { SMS_UNCONFIRMED, toActivityFailure } from './mt-errors.js';
import type { MtEntry, MtLedger } from './mt-ledger.js';
import { chooseRoute, numberTypeOf, segmentationOf, submitMessage, type Route, type RouteDeps } from './mt-route.js';

interface MtSenderDeps extends RouteDeps {
  ledger: MtLedger;
}

/** MT from the conversation to a handset: bind choice, encoding, parts, and one send per message id. */
export class MtSender {
  private readonly inFlight = new Map<string, Promise<SendSmsResult>>();

  constructor(private readonly deps: MtSenderDeps) {}

  /** Idempotent on messageId: a retry gets the first result, a concurrent duplicate waits for it. */
  send(request: SendSmsRequest): Promise<SendSmsResult> {
    const running = this.inFlight.get(request.messageId);
    if (running) return running;
    const promise = this.sendOnce(request).finally(() => this.inFlight.delete(request.messageId));
    this.inFlight.set(request.messageId, promise);
    return promise;
  }

  /** The automatic HELP answer: not part of any conversation's transcript, so not tracked. */
  async sendUntracked(ingress: Ingress, business: string, customer: string, text: string): Promise<void> {
    const route = chooseRoute(this.deps, ingress, business);
    const parts = segmentText(text, { mode: segmentationOf(route), ref: randomInt(0x10000) });
    const message = submitMessage(business, numberTypeOf(this.deps.config, business), customer, parts, route.side);
    if (route.side === 'listener') await this.deps.listener!.deliver(message, route.bindId);
    else await route.session.submit(message);
  }

  private async sendOnce(req: SendSmsRequest): Promise<SendSmsResult> {
    let entry = this.deps.ledger.get(req.messageId);
    // A retry stays on the bind (and segmentation reference) of the first attempt: the parts the
    // carrier already took must line up with the ones still to send.
    const route = entry
      ? chooseRoute(this.deps, { bindId: entry.bindId, side: entry.side }, req.businessNumber)
      : chooseRoute(this.deps, req.ingress, req.businessNumber);
    const ref = entry?.ref ?? randomInt(0x10000);
    let parts: OutboundPart[];
    try {
      parts = segmentText(req.text, { mode: segmentationOf(route), ref });
    } catch (error) {
      throw toActivityFailure(error, { accepted: 0, total: 0 });
    }
    entry ??= this.deps.ledger.start({
      conversationId: req.conversationId,
      messageId: req.messageId,
      ref,
      bindId: route.bindId,
      side: route.side,
      total: parts.length,
    });
    if (entry.parts.length !== parts.length) {
      throw ApplicationFailure.nonRetryable(
        `The message was first sent in ${entry.parts.length} parts; it now needs ${parts.length}`,
        'SMS_REJECTED',
      );
    }
    let message: SubmitMessage;
    try {
      message = submitMessage(req.businessNumber, req.numberType, req.customerNumber, parts, route.side);
    } catch (error) {
      throw toActivityFailure(error, { accepted: 0, total: parts.length });
    }
    const results = await Promise.allSettled(parts.map((part, i) => this.sendPart(route, entry, message, part, i)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed)
      throw toActivityFailure(failed.reason, { accepted: entry.parts.filter(Boolean).length, total: parts.length });
    return { carrierIds: entry.parts.map((p) => p!), segments: parts.length, bindId: route.bindId };
  }

  private async sendPart(
    route: Route,
    entry: MtEntry,
    message: SubmitMessage,
    part: OutboundPart,
    index: number,
  ): Promise<void> {
    if (entry.parts[index] !== undefined) return;
    if (entry.unconfirmed.has(index)) {
      // Written before a restart and never answered: it may be on the handset already.
      throw ApplicationFailure.nonRetryable(
        `Not confirmed: part ${index + 1} of ${entry.parts.length} was with the carrier when the gateway restarted, so it is not sent again`,
        SMS_UNCONFIRMED,
      );
    }
    const one = { ...message, parts: [part] };
    this.deps.ledger.intend(entry, index);
    let id: string;
    try {
      if (route.side === 'listener') {
        await this.deps.listener!.deliver(one, route.bindId);
        // deliver_sm_resp carries no message id; this one only makes the part countable.
        id = `listener:${entry.messageId}:${index}`;
      } else {
        id = (await route.session.submit(one)).messageIds[0] ?? '';
      }
    } catch (error) {
      // A definite answer (a refusal) or a PDU that never left: a later attempt may send it.
      const unknown = (error instanceof SmppConnectionLostError || error instanceof SmppTimeoutError) && error.sent;
      if (!unknown) this.deps.ledger.cleared(entry, index);
      throw error;
    }
    this.deps.ledger.accepted(entry, index, id);
  }
}
