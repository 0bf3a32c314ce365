import type { BusPayload } from '../../platform/events/bus.js';
import type { ConversationEventPayload } from '../../workflows/contract/events.js';
import type { Caller } from '../auth/caller.js';
import { forbidden, unauthenticated } from '../auth/errors.js';
import type { PhoneMessage, CustomerPhone } from '../../workflows/contract/customer-phone.js';
import { canRead, canSee } from './access.js';
import type { AgentEventParent, OfferParent } from './parents.js';
import { PushIterator } from './push-iterator.js';
import type { Services } from './services.js';
import { callerKey } from './subscription-slots.js';

// Subscriptions read the event bus (in-memory, or Redis across API processes). Access is checked
// on every event, not only when a stream opens: a caller who lost access to a conversation gets
// none of its later events, and the stream ends with FORBIDDEN. Every stream of an agent ends
// with UNAUTHENTICATED when its token expires, and with FORBIDDEN when it is revoked (logout).

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface StreamContext {
  caller: Caller;
  services: Pick<Services, 'bus' | 'revocations' | 'subscriptions'>;
  ip: string;
}

/** A new stream holding one of the caller's subscription slots, ended by expiry and logout. */
function open<T>(ctx: StreamContext): PushIterator<T> {
  const release = ctx.services.subscriptions.take(callerKey(ctx.caller, ctx.ip));
  const it = new PushIterator<T>();
  it.onEnd(release);
  const caller = ctx.caller;
  if (caller.kind === 'agent') {
    const timer = setTimeout(
      () => it.fail(unauthenticated('The token has expired; log in again.')),
      Math.min(MAX_TIMER_MS, Math.max(0, caller.expiresAt - Date.now())),
    );
    it.onEnd(() => clearTimeout(timer));
    it.onEnd(
      ctx.services.revocations.onRevoke((agentId, at) => {
        if (agentId === caller.agentId && at >= caller.issuedAt)
          it.fail(forbidden('Logged out: this token was revoked.'));
      }),
    );
  }
  return it;
}

function listen<T>(
  ctx: StreamContext,
  it: PushIterator<T>,
  channel: string,
  each: (p: BusPayload) => void,
): PushIterator<T> {
  it.onEnd(ctx.services.bus.subscribe(channel, each));
  return it;
}

function conversationEvent(p: BusPayload): ConversationEventPayload | undefined {
  return p.type === 'conversation' ? p.event : undefined;
}

export function conversationStream(ctx: StreamContext, conversationId: string): PushIterator<ConversationEventPayload> {
  const it = open<ConversationEventPayload>(ctx);
  return listen(ctx, it, `conversation:${conversationId}`, (p) => {
    const e = conversationEvent(p);
    if (!e) return;
    // The event's summary is the state after it: an offer lapsed, a transfer away, an exit.
    if (canSee(ctx.caller, e.summary, e.at)) it.push(e);
    else it.fail(forbidden('You no longer have access to this conversation.'));
  });
}

export function allConversationsStream(
  ctx: StreamContext,
  queueId?: string | null,
): PushIterator<ConversationEventPayload> {
  const it = open<ConversationEventPayload>(ctx);
  return listen(ctx, it, 'conversations', (p) => {
    const e = conversationEvent(p);
    if (e && (!queueId || e.queueId === queueId) && canSee(ctx.caller, e.summary, e.at)) it.push(e);
  });
}

/**
 * The agent's own stream. It listens first, then replays the open offers as OFFERED events (a
 * desktop that reconnects loses nothing), then passes on what arrived meanwhile and what follows.
 * An update to a conversation (or an offer of it) is passed on only while the agent is part of
 * it, a wrap-up it still owes included. Events about the agent itself (a withdrawn offer, its own
 * status, RONA included) always are; what their conversation then shows is limited by the
 * Conversation resolvers (readableUntil).
 */
export async function agentStream(
  ctx: StreamContext,
  offers: () => Promise<OfferParent[]>,
): Promise<PushIterator<AgentEventParent>> {
  const caller = ctx.caller as Extract<Caller, { kind: 'agent' }>;
  const it = open<AgentEventParent>(ctx);
  const early: AgentEventParent[] = [];
  let replaying = true;
  listen(ctx, it, `agent:${caller.agentId}`, (p) => {
    if (p.type !== 'agent') return;
    const e = p.event;
    if (e.summary && (e.kind === 'CONVERSATION_UPDATED' || e.kind === 'OFFERED') && !canRead(caller, e.summary)) return;
    const event: AgentEventParent = {
      kind: e.kind,
      at: e.at,
      agentId: e.agentId,
      ...(e.agent ? { agent: e.agent } : {}),
      ...(e.offer ? { offer: e.offer } : {}),
      ...(e.summary ? { conversation: e.summary } : {}),
    };
    if (replaying) early.push(event);
    else it.push(event);
  });
  const pending = await offers();
  const at = new Date().toISOString();
  const replayed = new Set(pending.map((o) => `${o.conversation.id}#${o.offer.seq}`));
  for (const o of pending)
    it.push({ kind: 'OFFERED', at, agentId: caller.agentId, offer: o.offer, conversation: o.conversation });
  for (const e of early) {
    if (e.kind === 'OFFERED' && e.offer && e.conversation && replayed.has(`${e.conversation.id}#${e.offer.seq}`))
      continue;
    it.push(e);
  }
  replaying = false;
  return it;
}

export function phoneStream(ctx: StreamContext, phone: CustomerPhone, phoneNumber: string): PushIterator<PhoneMessage> {
  const it = open<PhoneMessage>(ctx);
  it.onEnd(phone.subscribe(phoneNumber, (m) => it.push(m)));
  return it;
}
