import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireAgent, requireCaller } from '../auth/caller.js';
import { unauthenticated } from '../auth/errors.js';
import { agentRef } from '../services/parents.js';

// The agent's own record and the lists the desktop's dialogs show.

export const deskQueries: QueryResolvers = {
  async me(_p, _a, ctx) {
    const id = requireAgent(ctx.caller);
    return agentRef(id, await ctx.loaders.agent(id));
  },

  async agents(_p, { search, availableOnly }, ctx) {
    requireCaller(ctx.caller);
    const wanted = new Set(ctx.services.directory.agentIds(search));
    const views = await ctx.loaders.agents();
    return views
      .filter((v) => wanted.has(v.id) && (!availableOnly || v.status === 'AVAILABLE'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v) => agentRef(v.id, v));
  },

  queues(_p, _a, ctx) {
    requireCaller(ctx.caller);
    return ctx.services.directory.queueIds().map((id) => ({ id }));
  },

  wrapUpReasons(_p, { search }, ctx) {
    requireCaller(ctx.caller);
    return ctx.services.directory.wrapUpReasons(search);
  },

  idleCodes(_p, _a, ctx) {
    requireCaller(ctx.caller);
    return ctx.services.directory.idleCodes();
  },

  /** Agents and integrators; the demo phone page too, without a token, while the simulator is on. */
  businessNumbers(_p, _a, ctx) {
    if (ctx.caller.kind === 'anonymous' && !ctx.services.phone) throw unauthenticated();
    if (ctx.caller.kind !== 'anonymous') requireCaller(ctx.caller);
    return ctx.services.directory.numbers();
  },
};
