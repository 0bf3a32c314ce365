import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { requireAgent, requireCaller, requireIntegrator, requirePhoneAccess } from '../auth/caller.js';
import { forbidden } from '../auth/errors.js';
import { canRead } from '../services/access.js';
import { openOffers } from '../services/agent-desk.js';
import { agentStream, allConversationsStream, conversationStream, phoneStream } from '../services/event-streams.js';

// Over SSE (Yoga's default, one HTTP stream per subscription) with the same Authorization header
// as queries. Who may subscribe is checked before the stream opens, and again on every event
// (services/event-streams.ts); each stream holds one of the caller's subscription slots.

const identity = <T>(payload: T) => payload;

export const Subscription: SubscriptionResolvers = {
  agentEvents: {
    subscribe: async (_p, _a, ctx) => {
      const agentId = requireAgent(ctx.caller);
      return agentStream(ctx, () => openOffers(ctx.loaders, agentId));
    },
    resolve: identity,
  },

  conversationEvents: {
    subscribe: async (_p, { conversationId }, ctx) => {
      const caller = requireCaller(ctx.caller);
      const state = await ctx.loaders.state(conversationId);
      // Unknown and not-yours look the same from outside.
      if (!state || !canRead(caller, state)) throw forbidden('This conversation is not yours, or does not exist.');
      return conversationStream(ctx, conversationId);
    },
    resolve: identity,
  },

  conversationUpdates: {
    subscribe: (_p, { queueId }, ctx) => {
      requireIntegrator(ctx.caller);
      return allConversationsStream(ctx, queueId);
    },
    resolve: identity,
  },

  phoneEvents: {
    subscribe: (_p, { phoneNumber }, ctx) => phoneStream(ctx, requirePhoneAccess(ctx.services.phone), phoneNumber),
    resolve: identity,
  },
};
