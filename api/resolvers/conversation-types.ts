import type {
  ConversationResolvers,
  MessageResolvers,
  OfferResolvers,
  ParticipantResolvers,
  WrapUpResolvers,
} from '../generated/resolvers-types.js';
import { readableUntil } from '../../workflows/domain/roles.js';
import { agentRef, isFull } from '../services/parents.js';

// Conversation and what hangs off it. The parent is the workflow's state (or an event's summary,
// whose transcript is read from the workflow only when `messages` is selected).

export const Conversation: ConversationResolvers = {
  id: (c) => c.id,
  status: (c) => c.status,
  queue: (c) => ({ id: c.queueId }),
  customerNumber: (c) => c.customerNumber,
  businessNumber: (c, _a, ctx) =>
    ctx.services.directory.number(c.businessNumber) ?? {
      number: c.businessNumber,
      type: c.numberType,
      queue: c.queueId,
    },
  createdAt: (c) => c.createdAt,
  owner: (c) => (c.ownerId ? agentRef(c.ownerId) : null),
  participants: (c) => c.participants,
  // A former participant reads what was said while it took part; an agent that was only offered
  // it and let the offer go, nothing. Decided on the current state, not an event's.
  messages: async (c, _a, ctx) => {
    const state = isFull(c) ? c : await ctx.loaders.state(c.id);
    const all = c.messages ?? state?.messages ?? [];
    if (c.readAll || ctx.caller.kind === 'integrator') return all;
    if (ctx.caller.kind !== 'agent' || !state) return [];
    const until = readableUntil(state, ctx.caller.agentId);
    return until === Infinity ? all : all.filter((m) => Date.parse(m.at) <= until);
  },
  wrapUps: (c) => c.wrapUps,
  wrapUpOwedBy: (c) => c.wrapUpOwedBy.map((id) => agentRef(id)),
  offer: (c) => (c.offer ? { offer: c.offer, conversation: c } : null),
  seq: (c) => c.eventSeq ?? 0,
  autoWrapUpAt: (c, _a, ctx) => (ctx.caller.kind === 'agent' ? (c.autoWrapUpAt[ctx.caller.agentId] ?? null) : null),
  optedOut: (c) => c.optedOut,
};

export const Message: MessageResolvers = {
  id: (m) => m.id,
  direction: (m) => m.direction,
  text: (m) => m.text,
  at: (m) => m.at,
  author: (m) => (m.authorId ? agentRef(m.authorId) : null),
  deliveryStatus: (m) => m.deliveryStatus ?? null,
  segments: (m) => m.segments ?? null,
  clientMessageId: (m) => m.clientMessageId ?? null,
  detail: (m) => m.detail ?? null,
};

export const Participant: ParticipantResolvers = {
  agent: (p) => agentRef(p.agentId),
  role: (p) => p.role,
  joinedAt: (p) => p.joinedAt,
  leftAt: (p) => p.leftAt ?? null,
};

export const WrapUp: WrapUpResolvers = {
  agent: (w) => agentRef(w.agentId),
  reason: (w, _a, ctx) => ctx.services.directory.wrapUpReason(w.reasonId),
  at: (w) => w.at,
  auto: (w) => w.auto,
};

export const Offer: OfferResolvers = {
  conversation: (o) => o.conversation,
  kind: (o) => o.offer.kind,
  queueName: (o, _a, ctx) => ctx.services.directory.queueName(o.conversation.queueId),
  phoneNumber: (o) => o.conversation.customerNumber,
  sourceNumber: (o) => o.conversation.businessNumber,
  receivedAt: (o) => o.offer.receivedAt,
  expiresAt: (o) => o.offer.expiresAt,
  from: (o) => (o.offer.fromAgentId ? agentRef(o.offer.fromAgentId) : null),
};
