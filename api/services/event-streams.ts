import type { BusPayload, EventBus } from '../../worker/events/bus.js';
import type { ConversationEventPayload } from '../../workflows/events.js';
import type { Caller } from '../auth/caller.js';
import { unauthenticated } from '../auth/errors.js';
import type { PhoneMessage, CustomerPhone } from '../phone/customer-phone.js';
import type { AgentEventParent, OfferParent } from './parents.js';
import { PushIterator } from './push-iterator.js';

// Subscriptions read the event bus (in-memory, or Redis across API processes). Every stream of an
// agent ends, with UNAUTHENTICATED, when the agent's token expires.

const MAX_TIMER_MS = 2 ** 31 - 1;

function expireWith<T>(it: PushIterator<T>, caller: Caller): void {
  if (caller.kind !== 'agent') return;
  const timer = setTimeout(() => it.fail(unauthenticated('The token has expired; log in again.')),
    Math.min(MAX_TIMER_MS, Math.max(0, caller.expiresAt - Date.now())));
  it.onEnd(() => clearTimeout(timer));
}

function fromBus<T>(bus: EventBus, channel: string, caller: Caller, map: (p: BusPayload) => T | undefined): PushIterator<T> {
  const it = new PushIterator<T>();
  it.onEnd(bus.subscribe(channel, (payload) => {
    const value = map(payload);
    if (value !== undefined) it.push(value);
  }));
  expireWith(it, caller);
  return it;
}

function conversationEvent(p: BusPayload): ConversationEventPayload | undefined {
  return p.type === 'conversation' ? p.event : undefined;
}

export function conversationStream(bus: EventBus, caller: Caller, conversationId: string): PushIterator<ConversationEventPayload> {
  return fromBus(bus, `conversation:${conversationId}`, caller, conversationEvent);
}

export function allConversationsStream(bus: EventBus, caller: Caller, queueId?: string | null): PushIterator<ConversationEventPayload> {
  return fromBus(bus, 'conversations', caller, (p) => {
    const e = conversationEvent(p);
    return e && (!queueId || e.queueId === queueId) ? e : undefined;
  });
}

/**
 * The agent's own stream. It listens first, then replays the open offers as OFFERED events (a
 * desktop that reconnects loses nothing), then passes on what arrived meanwhile and what follows.
 */
export async function agentStream(
  bus: EventBus, caller: Extract<Caller, { kind: 'agent' }>, offers: () => Promise<OfferParent[]>,
): Promise<PushIterator<AgentEventParent>> {
  const it = new PushIterator<AgentEventParent>();
  const early: AgentEventParent[] = [];
  let replaying = true;
  it.onEnd(bus.subscribe(`agent:${caller.agentId}`, (p) => {
    if (p.type !== 'agent') return;
    const e = p.event;
    const event: AgentEventParent = {
      kind: e.kind, at: e.at, agentId: e.agentId,
      ...(e.agent ? { agent: e.agent } : {}), ...(e.offer ? { offer: e.offer } : {}), ...(e.summary ? { conversation: e.summary } : {}),
    };
    if (replaying) early.push(event);
    else it.push(event);
  }));
  expireWith(it, caller);
  const open = await offers();
  const at = new Date().toISOString();
  const replayed = new Set(open.map((o) => `${o.conversation.id}#${o.offer.seq}`));
  for (const o of open) it.push({ kind: 'OFFERED', at, agentId: caller.agentId, offer: o.offer, conversation: o.conversation });
  for (const e of early) {
    if (e.kind === 'OFFERED' && e.offer && e.conversation && replayed.has(`${e.conversation.id}#${e.offer.seq}`)) continue;
    it.push(e);
  }
  replaying = false;
  return it;
}

export function phoneStream(phone: CustomerPhone, phoneNumber: string): PushIterator<PhoneMessage> {
  const it = new PushIterator<PhoneMessage>();
  it.onEnd(phone.subscribe(phoneNumber, (m) => it.push(m)));
  return it;
}
