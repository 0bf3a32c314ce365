import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { BindConfig, SwitchboardConfig } from '../../config/schema.js';
import type { SendSmsRequest, SendSmsResult } from '../../workflows/contract/events.js';
import type { Ingress, NumberType } from '../../workflows/domain/types.js';
import { numberTypeByForm } from '../../workflows/domain/phone-numbers.js';
import { destinationAddressFor, sourceAddressFor } from '../../platform/smpp-codec/numbers.js';
import { segmentText, type OutboundPart } from '../../platform/smpp-codec/segment.js';
import type { EsmeSession } from '../session/esme-session.js';
import type { SmscListener } from '../session/listener.js';
import type { SubmitMessage } from '../session/messages.js';
import { SmppConnectionLostError, SmppTimeoutError } from '../session/errors.js';
import { SMS_TEMPORARY, SMS_UNCONFIRMED, toActivityFailure } from './mt-errors.js';
import type { MtEntry, MtLedger } from './mt-ledger.js';

type Route = { side: 'esme'; bindId: string; session: EsmeSession } | { side: 'listener'; bindId: string };

interface MtSenderDeps {
  config: SwitchboardConfig;
  sessions: ReadonlyMap<string, EsmeSession>;
  listener: SmscListener | undefined;
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
    const route = this.route(ingress, business);
    const parts = segmentText(text, { mode: this.segmentation(route), ref: randomInt(0x10000) });
    const message = this.message(business, this.numberType(business), customer, parts, route.side);
    if (route.side === 'listener') await this.deps.listener!.deliver(message, route.bindId);
    else await route.session.submit(message);
  }

  private async sendOnce(req: SendSmsRequest): Promise<SendSmsResult> {
    let entry = this.deps.ledger.get(req.messageId);
    // A retry stays on the bind (and segmentation reference) of the first attempt: the parts the
    // carrier already took must line up with the ones still to send.
    const route = entry
      ? this.route({ bindId: entry.bindId, side: entry.side }, req.businessNumber)
      : this.route(req.ingress, req.businessNumber);
    const ref = entry?.ref ?? randomInt(0x10000);
    let parts: OutboundPart[];
    try {
      parts = segmentText(req.text, { mode: this.segmentation(route), ref });
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
      message = this.message(req.businessNumber, req.numberType, req.customerNumber, parts, route.side);
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

  /** A peer bound to our listener has no way to send us a receipt, so none is asked of it. */
  private message(
    business: string,
    type: NumberType,
    customer: string,
    parts: OutboundPart[],
    side: Route['side'],
  ): SubmitMessage {
    return {
      source: sourceAddressFor(business, type),
      destination: destinationAddressFor(customer),
      parts,
      registeredDelivery: side === 'esme' ? 1 : 0,
    };
  }

  /** The bind the MO came in on, else the number's bind, else the first bound one. */
  private route(ingress: Ingress | undefined, business: string): Route {
    const { sessions, listener, config } = this.deps;
    // The route the conversation was established on; a listener peer that is gone falls back to
    // the number's carrier route rather than to whoever else is bound.
    if (
      ingress?.side === 'listener' &&
      ingress.bindId &&
      listener &&
      (listener.receivers().includes(ingress.bindId) || !this.hasCarrierRoute(business))
    ) {
      return { side: 'listener', bindId: ingress.bindId };
    }
    const byId = (id: string | undefined): Route | undefined => {
      const session = id ? sessions.get(id) : undefined;
      return session ? { side: 'esme', bindId: id!, session } : undefined;
    };
    const bound = [...sessions.values()].find((s) => s.state === 'bound');
    const chosen =
      (ingress?.side !== 'listener' ? byId(ingress?.bindId) : undefined) ??
      byId(config.numbers.find((n) => n.number === business)?.bind) ??
      byId(bound?.config.id) ??
      byId([...sessions.keys()][0]);
    if (!chosen) throw ApplicationFailure.retryable('No carrier bind is configured for this message', SMS_TEMPORARY);
    return chosen;
  }

  private hasCarrierRoute(business: string): boolean {
    const bind = this.deps.config.numbers.find((n) => n.number === business)?.bind;
    return bind !== undefined && this.deps.sessions.has(bind);
  }

  private segmentation(route: Route): BindConfig['segmentation'] {
    return route.side === 'esme' ? route.session.config.segmentation : 'udh8';
  }

  private numberType(business: string): NumberType {
    return this.deps.config.numbers.find((n) => n.number === business)?.type ?? numberTypeByForm(business);
  }
}
