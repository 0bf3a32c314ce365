import type { AgentView } from '../../workflows/domain/types.js';
import type { ApiContext } from '../context.js';
import type { AgentResolvers, BusinessNumberResolvers, QueueResolvers } from '../generated/resolvers-types.js';
import type { AgentParent } from '../services/parents.js';

// Agent, Queue and BusinessNumber: names from the configuration, live figures from the router.

async function view(parent: AgentParent, ctx: ApiContext): Promise<AgentView> {
  const v = parent.view ?? (await ctx.loaders.agent(parent.id));
  if (v) return v;
  // Configured but not yet known to the router (it syncs on start): a logged-out agent.
  const a = ctx.services.directory.agentConfig(parent.id);
  return {
    id: parent.id,
    name: a?.name ?? parent.id,
    status: 'LOGGED_OUT',
    statusChangedAt: new Date(0).toISOString(),
    capacity: a?.capacity ?? 0,
    queues: a?.queues ?? [],
    offers: [],
    conversations: [],
  };
}

export const Agent: AgentResolvers = {
  id: (p) => p.id,
  name: (p, _a, ctx) => p.view?.name ?? ctx.services.directory.agentName(p.id),
  status: async (p, _a, ctx) => (await view(p, ctx)).status,
  idleCode: async (p, _a, ctx) => ctx.services.directory.idleCode((await view(p, ctx)).idleCodeId) ?? null,
  capacity: async (p, _a, ctx) => (await view(p, ctx)).capacity,
  activeConversations: async (p, _a, ctx) => (await view(p, ctx)).conversations.length,
  queues: async (p, _a, ctx) => (await view(p, ctx)).queues.map((id) => ({ id })),
  statusReason: async (p, _a, ctx) => (await view(p, ctx)).statusReason ?? null,
  statusChangedAt: async (p, _a, ctx) => (await view(p, ctx)).statusChangedAt,
};

async function queueView(id: string, ctx: ApiContext) {
  return (await ctx.loaders.queues()).find((q) => q.id === id);
}

export const Queue: QueueResolvers = {
  id: (p) => p.id,
  name: (p, _a, ctx) => ctx.services.directory.queueName(p.id),
  waiting: async (p, _a, ctx) => (await queueView(p.id, ctx))?.waiting ?? 0,
  availableAgents: async (p, _a, ctx) => (await queueView(p.id, ctx))?.availableAgents ?? 0,
};

export const BusinessNumber: BusinessNumberResolvers = {
  number: (p) => p.number,
  type: (p) => p.type,
  queue: (p) => ({ id: p.queue }),
};
