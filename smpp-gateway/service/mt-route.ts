import { ApplicationFailure } from '@temporalio/common';
import type { BindConfig, SwitchboardConfig } from '../../config/schema.js';
import type { Ingress, NumberType } from '../../workflows/domain/types.js';
import { numberTypeByForm } from '../../workflows/domain/phone-numbers.js';
import { destinationAddressFor, sourceAddressFor } from '../../platform/smpp-codec/numbers.js';
import type { OutboundPart } from '../../platform/smpp-codec/segment.js';
import type { EsmeSession } from '../session/esme-session.js';
import type { SmscListener } from '../session/listener.js';
import type { SubmitMessage } from '../session/messages.js';
import { SMS_TEMPORARY } from './mt-errors.js';

// Which way an MT leaves and what it looks like on that way: the bind chosen for it, its
// segmentation and its submit_sm fields. Decisions only; mt-sender.ts does the sending.

export type Route = { side: 'esme'; bindId: string; session: EsmeSession } | { side: 'listener'; bindId: string };

/** What the route is chosen among. */
export interface RouteDeps {
  config: SwitchboardConfig;
  sessions: ReadonlyMap<string, EsmeSession>;
  listener: SmscListener | undefined;
}

/** The bind the MO came in on, else the number's bind, else the first bound one. */
export function chooseRoute(deps: RouteDeps, ingress: Ingress | undefined, business: string): Route {
  const { sessions, listener, config } = deps;
  // The route the conversation was established on; a listener peer that is gone falls back to
  // the number's carrier route rather than to whoever else is bound.
  if (
    ingress?.side === 'listener' &&
    ingress.bindId &&
    listener &&
    (listener.receivers().includes(ingress.bindId) || !hasCarrierRoute(deps, business))
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

function hasCarrierRoute(deps: RouteDeps, business: string): boolean {
  const bind = deps.config.numbers.find((n) => n.number === business)?.bind;
  return bind !== undefined && deps.sessions.has(bind);
}

export function segmentationOf(route: Route): BindConfig['segmentation'] {
  return route.side === 'esme' ? route.session.config.segmentation : 'udh8';
}

export function numberTypeOf(config: SwitchboardConfig, business: string): NumberType {
  return config.numbers.find((n) => n.number === business)?.type ?? numberTypeByForm(business);
}

/** A peer bound to our listener has no way to send us a receipt, so none is asked of it. */
export function submitMessage(
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
