import { createGraphQLError, Repeater, SlidingBuffer } from 'graphql-yoga';
import { listen } from '../../platform/events/bus.js';
import type { ConversationEventPayload } from '../../workflows/contract/events.js';
import type { Caller } from '../auth/caller.js';
import { forbidden, unauthenticated } from '../auth/errors.js';
import type { PhoneMessage, CustomerPhone } from '../../workflows/contract/customer-phone.js';
import { canRead, canSee } from './access.js';
import type { AgentEventParent, OfferParent } from './parents.js';
import type { Services } from './services.js';
import { callerKey } from './subscription-slots.js';

// Subscriptions read the event bus (in-memory, or Redis across API processes). Access is checked
// on every event, not only when a stream opens: a caller who lost access to a conversation gets
// none of its later events, and the stream ends with FORBIDDEN. Every stream of an agent ends
// with UNAUTHENTICATED when its token expires, and with FORBIDDEN when it is revoked (logout).
// Every stream ends with STREAM_RESET when the bus lost events (Redis dropped and came back):
// its client re-reads state and subscribes again.

const MAX_TIMER_MS = 2 ** 31 - 1;
/** A consumer this far behind has lost track anyway: the oldest go, and the seq gap says so. */
const MAX_BUFFERED = 10_000;

export interface StreamContext {
  caller: Caller;
  services: Pick<Services, 'bus' | 'revocations' | 'subscriptions'>;
  ip: string;
}

type Push<T> = (value: T) => void;
type Fail = (error: Error) => void;

function streamReset(): Error {
  return createGraphQLError('Events may have been missed: read the state again and resubscribe.', {
    extensions: { code: 'STREAM_RESET' },
  });
}

/**
 * A stream holding one of the caller's subscription slots, ended by expiry, logout and a bus
 * reset. `start` runs when the client first reads (so a stream never read holds nothing) and
 * returns what to undo when it ends for any reason (client gone, expiry, failure).
 */
function open<T>(ctx: StreamContext, start: (push: Push<T>, fail: Fail) => Promise<() => void> | (() => void)) {
  return new Repeater<T>(async (push, stop) => {
    const undo = [ctx.services.subscriptions.take(callerKey(ctx.caller, ctx.ip))];
    const fail: Fail = (error) => stop(error);
    const caller = ctx.caller;
    if (caller.kind === 'agent') {
      const timer = setTimeout(
        () => fail(unauthenticated('The token has expired; log in again.')),
        Math.min(MAX_TIMER_MS, Math.max(0, caller.expiresAt - Date.now())),
      );
      undo.push(() => clearTimeout(timer));
      undo.push(
        ctx.services.revocations.onRevoke((agentId, at) => {
          if (agentId === caller.agentId && at >= caller.issuedAt)
            fail(forbidden('Logged out: this token was revoked.'));
        }),
      );
    }
    undo.push(ctx.services.bus.onReset(() => fail(streamReset())));
    try {
      undo.push(await start((value) => void push(value), fail));
      await stop;
    } finally {
      for (const u of undo) u();
    }
  }, new SlidingBuffer(MAX_BUFFERED));
}

export function conversationStream(ctx: StreamContext, conversationId: string) {
  return open<ConversationEventPayload>(ctx, (push, fail) =>
    listen(ctx.services.bus.pubSub.subscribe('conversation', conversationId), (e) => {
      // The event's summary is the state after it: an offer lapsed, a transfer away, an exit.
      if (canSee(ctx.caller, e.summary, e.at)) push(e);
      else fail(forbidden('You no longer have access to this conversation.'));
    }),
  );
}

export function allConversationsStream(ctx: StreamContext, queueId?: string | null) {
  return open<ConversationEventPayload>(ctx, (push) =>
    listen(ctx.services.bus.pubSub.subscribe('conversations'), (e) => {
      if ((!queueId || e.queueId === queueId) && canSee(ctx.caller, e.summary, e.at)) push(e);
    }),
  );
}

/**
 * The agent's own stream. It listens first, then replays the open offers as OFFERED events (a
 * desktop that reconnects loses nothing), then passes on what arrived meanwhile and what follows.
 * An update to a conversation (or an offer of it) is passed on only while the agent is part of
 * it, a wrap-up it still owes included. Events about the agent itself (a withdrawn offer, its own
 * status, RONA included) always are; what their conversation then shows is limited by the
 * Conversation resolvers (readableUntil).
 */
export function agentStream(ctx: StreamContext, offers: () => Promise<OfferParent[]>) {
  const caller = ctx.caller as Extract<Caller, { kind: 'agent' }>;
  return open<AgentEventParent>(ctx, async (push) => {
    const early: AgentEventParent[] = [];
    let replaying = true;
    const stop = listen(ctx.services.bus.pubSub.subscribe('agent', caller.agentId), (e) => {
      if (e.summary && (e.kind === 'CONVERSATION_UPDATED' || e.kind === 'OFFERED') && !canRead(caller, e.summary))
        return;
      const event: AgentEventParent = {
        kind: e.kind,
        at: e.at,
        agentId: e.agentId,
        ...(e.agent ? { agent: e.agent } : {}),
        ...(e.offer ? { offer: e.offer } : {}),
        ...(e.summary ? { conversation: e.summary } : {}),
      };
      if (replaying) early.push(event);
      else push(event);
    });
    try {
      const pending = await offers();
      const at = new Date().toISOString();
      const replayed = new Set(pending.map((o) => `${o.conversation.id}#${o.offer.seq}`));
      for (const o of pending)
        push({ kind: 'OFFERED', at, agentId: caller.agentId, offer: o.offer, conversation: o.conversation });
      for (const e of early) {
        if (e.kind === 'OFFERED' && e.offer && e.conversation && replayed.has(`${e.conversation.id}#${e.offer.seq}`))
          continue;
        push(e);
      }
    } catch (error) {
      stop();
      throw error;
    }
    replaying = false;
    return stop;
  });
}

export function phoneStream(ctx: StreamContext, phone: CustomerPhone, phoneNumber: string) {
  return open<PhoneMessage>(ctx, (push) => phone.subscribe(phoneNumber, push));
}
