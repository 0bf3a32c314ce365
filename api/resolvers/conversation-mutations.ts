import type { AgentAction } from '../../workflows/contract/definitions.js';
import { MAX_MESSAGE_LENGTH, textLength, tooLongMessage } from '../../workflows/domain/limits.js';
import type { ApiContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { requireAgent } from '../auth/caller.js';
import { rejected, type Result } from '../../workflows/domain/result.js';
import type { ActionResult } from '../../workflows/contract/definitions.js';

// Every agent action is one workflow Update on the conversation: the caller gets the new state or
// a typed rejection (userErrors) that changed nothing. The workflow enforces every rule; the checks
// here only save a round trip for input that can never be right.

type Build = (agentId: string) => AgentAction;

async function run(ctx: ApiContext, conversationId: string, build: Build): Promise<Result<ActionResult>> {
  const agentId = requireAgent(ctx.caller);
  return ctx.services.conversations.act(conversationId, build(agentId));
}

async function act(ctx: ApiContext, conversationId: string, build: Build) {
  const result = await run(ctx, conversationId, build);
  return result.ok
    ? { conversation: result.value.conversation, userErrors: [] }
    : { conversation: null, userErrors: [result.error] };
}

function textProblem(text: string): Result<never> | undefined {
  if (text.trim() === '') return rejected('INVALID_INPUT', 'The message is empty.', 'text');
  const length = textLength(text);
  if (length > MAX_MESSAGE_LENGTH) return rejected('INVALID_INPUT', tooLongMessage(length), 'text');
  return undefined;
}

export const conversationMutations: MutationResolvers = {
  acceptConversation: (_p, { conversationId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'accept', agentId })),

  async sendMessage(_p, { conversationId, text, clientMessageId }, ctx) {
    requireAgent(ctx.caller);
    const problem =
      textProblem(text) ??
      (clientMessageId && clientMessageId.length > 128
        ? rejected('INVALID_INPUT', 'clientMessageId is too long.', 'clientMessageId')
        : undefined);
    const result =
      problem ??
      (await run(ctx, conversationId, (agentId) => ({
        type: 'send',
        agentId,
        text,
        ...(clientMessageId ? { clientMessageId } : {}),
      })));
    if (!result.ok) return { message: null, conversation: null, userErrors: [result.error] };
    return { message: result.value.message ?? null, conversation: result.value.conversation, userErrors: [] };
  },

  async transferConversation(_p, { conversationId, queueId, agentId: targetId }, ctx) {
    requireAgent(ctx.caller);
    if (Boolean(queueId) === Boolean(targetId)) {
      return {
        conversation: null,
        userErrors: [
          {
            code: 'INVALID_INPUT' as const,
            message: 'Give exactly one of queueId and agentId.',
            field: queueId ? 'agentId' : 'queueId',
          },
        ],
      };
    }
    return act(ctx, conversationId, (agentId) =>
      queueId
        ? { type: 'transferToQueue', agentId, queueId }
        : { type: 'transferToAgent', agentId, targetId: targetId! },
    );
  },

  requestConference: (_p, { conversationId, agentId: targetId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'requestConference', agentId, targetId })),
  acceptConference: (_p, { conversationId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'acceptConference', agentId })),
  endConference: (_p, { conversationId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'endConference', agentId })),
  exitConference: (_p, { conversationId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'exitConference', agentId })),
  endConversation: (_p, { conversationId }, ctx) => act(ctx, conversationId, (agentId) => ({ type: 'end', agentId })),
  submitWrapUp: (_p, { conversationId, reasonId }, ctx) =>
    act(ctx, conversationId, (agentId) => ({ type: 'wrapUp', agentId, reasonId })),
};
