import type { MutationResolvers } from '../generated/resolvers-types.js';
import { requireAgent } from '../auth/caller.js';
import { rateLimited } from '../auth/errors.js';
import { agentRef } from '../services/parents.js';
import type { UserError } from '../../workflows/domain/result.js';

// Login, logout and the agent's own status. Passwords and tokens are never logged or echoed.

const MAX_CREDENTIAL_LENGTH = 256;

function fail(error: UserError) {
  return { token: null, agent: null, userErrors: [error] };
}

export const sessionMutations: MutationResolvers = {
  async login(_p, { username, password }, ctx) {
    const { loginLimiter, passwords, tokens } = ctx.services;
    if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
      return fail({ code: 'INVALID_INPUT', message: 'Username or password is too long.', field: null });
    }
    // Counted before the check: concurrent attempts cannot all slip in under the limit.
    const wait = await loginLimiter.begin(username, ctx.ip);
    if (wait > 0) throw rateLimited(wait);
    const agent = await passwords.check(username, password);
    if (!agent) return fail({ code: 'NOT_ALLOWED', message: 'Wrong username or password.', field: null });
    await loginLimiter.succeeded(username, ctx.ip);
    const { token } = await tokens.issue(agent.id);
    return { token, agent: agentRef(agent.id, await ctx.loaders.agent(agent.id)), userErrors: [] };
  },

  /** Revokes the token, and every other token of the agent issued before it, on every API process. */
  async logout(_p, _a, ctx) {
    const agentId = requireAgent(ctx.caller);
    await ctx.services.revocations.revoke(agentId);
    const result = await ctx.services.router.setStatus({ agentId, status: 'LOGGED_OUT', logout: true });
    return result.ok
      ? { agent: agentRef(agentId, result.value), userErrors: [] }
      : { agent: null, userErrors: [result.error] };
  },

  async setAgentStatus(_p, { status, idleCodeId }, ctx) {
    const agentId = requireAgent(ctx.caller);
    const result = await ctx.services.router.setStatus({
      agentId,
      status,
      ...(status === 'IDLE' && idleCodeId ? { idleCodeId } : {}),
    });
    return result.ok
      ? { agent: agentRef(agentId, result.value), userErrors: [] }
      : { agent: null, userErrors: [result.error] };
  },
};
