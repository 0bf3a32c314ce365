import type { ConversationState } from '../../workflows/domain/types.js';
import type { ApiContext } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireAgent, requireCaller, requireIntegrator } from '../auth/caller.js';
import { badInput, forbidden } from '../auth/errors.js';
import { canRead } from '../services/access.js';
import { currentConversations, openOffers } from '../services/agent-desk.js';
import { decodeCursor, encodeCursor } from '../services/conversation-list.js';

// Conversations as workflow state (strongly consistent; closed ones too), and the integrators'
// list from Temporal visibility.

const MAX_PAGE = 100;

/** The conversation if it exists and the caller may read it; null if unknown; FORBIDDEN if not theirs. */
async function readable(ctx: ApiContext, id: string): Promise<ConversationState | null> {
  const caller = requireCaller(ctx.caller);
  const state = await ctx.loaders.state(id);
  if (!state) return null;
  if (!canRead(caller, state)) throw forbidden('This conversation is not yours.');
  return state;
}

export const conversationQueries: QueryResolvers = {
  conversation: (_p, { id }, ctx) => readable(ctx, id),

  myConversations(_p, _a, ctx) {
    return currentConversations(ctx.loaders, requireAgent(ctx.caller));
  },

  myOffers(_p, _a, ctx) {
    return openOffers(ctx.loaders, requireAgent(ctx.caller));
  },

  /** Read-only, through the loaders (aliases share one read); whoever may read the conversation reads these whole. */
  async customerHistory(_p, { conversationId }, ctx) {
    const state = await readable(ctx, conversationId);
    if (!state) return [];
    return (await ctx.loaders.history(state)).map((s) => ({ ...s, readAll: true }));
  },

  async conversations(_p, { status, queueId, customerNumber, first, after }, ctx) {
    requireIntegrator(ctx.caller);
    const size = first ?? 20;
    if (size < 0 || size > MAX_PAGE) {
      throw badInput(`Argument first must be an integer from 0 to ${MAX_PAGE}.`, 'first');
    }
    const cursor = after ? decodeCursor(after) : undefined;
    if (after && !cursor) throw badInput('Argument after must be an endCursor from this list.', 'after');
    const items = size === 0 ? [] : await ctx.services.list.page({ status, queueId, customerNumber }, size, cursor);
    const page = items.slice(0, size);
    const states = await Promise.all(page.map((item) => ctx.loaders.state(item.id)));
    const edges = page.flatMap((item, i) => (states[i] ? [{ cursor: encodeCursor(item), node: states[i] }] : []));
    return {
      edges,
      pageInfo: {
        hasNextPage: items.length > size,
        endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null,
      },
    };
  },
};
