import type { MutationResolvers } from '../generated/resolvers-types.js';
import { requireAgent } from '../auth/caller.js';
import { rateLimited } from '../auth/errors.js';
import { checkPassword } from '../auth/passwords.js';
import { agentRef } from '../services/parents.js';
import type { UserError } from '../services/result.js';

// Login, logout and the agent's own status. Passwords and tokens are never logged or echoed.

const MAX_CREDENTIAL_LENGTH = 256;

function fail(error: UserError) {
  return { token: null, agent: null, userErrors: [error] };
}

export const sessionMutations: MutationResolvers = {
  async login(_p, { username, password }, ctx) {
    const { loginLimiter, config, tokens } = ctx.services;
    if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
      return fail({ code: 'INVALID_INPUT', message: 'Username or password is too long.', field: null });
    }
    const wait = loginLimiter.check(username, ctx.ip);
    if (wait > 0) throw rateLimited(wait);
    const agent = await checkPassword(config.agents, username, password);
    loginLimiter.record(username, ctx.ip, agent !== undefined);
    if (!agent) return fail({ code: 'NOT_ALLOWED', message: 'Wrong username or password.', field: null });
    const { token } = await tokens.issue(agent.id);
    return { token, agent: agentRef(agent.id, await ctx.loaders.agent(agent.id)), userErrors: [] };
  },

  async logout(_p, _a, ctx) {
    const agentId = requireAgent(ctx);
    const result = await ctx.services.router.setStatus({ agentId, status: 'LOGGED_OUT', logout: true });
    return result.ok ? { agent: agentRef(agentId, result.value), userErrors: [] } : { agent: null, userErrors: [result.error] };
  },

  async setAgentStatus(_p, { status, idleCodeId }, ctx) {
    const agentId = requireAgent(ctx);
    const result = await ctx.services.router.setStatus({
      agentId, status, ...(status === 'IDLE' && idleCodeId ? { idleCodeId } : {}),
    });
    return result.ok ? { agent: agentRef(agentId, result.value), userErrors: [] } : { agent: null, userErrors: [result.error] };
  },
};
