import type { DeliveryStatus, Message } from './types.js';

// Messages reach the desktop three ways (query results, agent events, conversation events) and
// in any order, so merging is a union by id. A message must never be shown twice, and a late,
// stale copy must not move a delivery status backwards (DELIVERED back to SUBMITTED).

const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  PENDING: 0,
  SUBMITTED: 1,
  DELIVERED: 2,
  FAILED: 2,
};

function rank(status: DeliveryStatus | null): number {
  return status ? DELIVERY_RANK[status] : -1;
}

function newer(current: Message, incoming: Message): Message {
  if (rank(incoming.deliveryStatus) < rank(current.deliveryStatus)) {
    return { ...incoming, deliveryStatus: current.deliveryStatus, detail: current.detail };
  }
  return incoming;
}

/** Union of two message lists by id (and by clientMessageId, for retried sends), in time order. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  const idForClientId = new Map<string, string>();
  for (const message of [...current, ...incoming]) {
    // A retried send that the server recorded twice under different ids is still one message.
    const aliasId = message.clientMessageId ? idForClientId.get(message.clientMessageId) : undefined;
    const key = aliasId ?? message.id;
    const existing = byId.get(key);
    byId.set(key, existing ? newer(existing, message) : message);
    if (message.clientMessageId && !aliasId) idForClientId.set(message.clientMessageId, key);
  }
  return [...byId.values()].sort(compareMessages);
}

function compareMessages(a: Message, b: Message): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  return byTime !== 0 && !Number.isNaN(byTime) ? byTime : 0; // stable sort keeps arrival order on ties
}

/** Ids the desktop already knows, for counting what is new (unread). */
export function inboundIds(messages: readonly Message[]): Set<string> {
  return new Set(messages.filter((m) => m.direction === 'INBOUND').map((m) => m.id));
}

export function countNewInbound(before: readonly Message[], after: readonly Message[]): number {
  const known = inboundIds(before);
  return after.filter((m) => m.direction === 'INBOUND' && !known.has(m.id)).length;
}
