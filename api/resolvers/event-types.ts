import { GraphQLScalarType, Kind } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { AgentEventResolvers, ConversationEventResolvers } from '../generated/resolvers-types.js';
import { agentRef } from '../services/parents.js';

// The event types, and DateTime: ISO-8601 in UTC on the way out, any parseable date on the way in.

export const AgentEvent: AgentEventResolvers = {
  kind: (e) => e.kind,
  at: (e) => e.at,
  agent: (e) => agentRef(e.agentId, e.agent),
  offer: (e) => (e.offer && e.conversation ? { offer: e.offer, conversation: e.conversation } : null),
  conversation: (e) => e.conversation ?? null,
  seq: (e) => (e.conversation ? (e.conversation.eventSeq ?? 0) : null),
};

export const ConversationEvent: ConversationEventResolvers = {
  kind: (e) => e.kind,
  at: (e) => e.at,
  conversation: (e) => e.summary,
  message: (e) => e.message ?? null,
  seq: (e) => e.summary.eventSeq ?? 0,
};

function toIso(value: unknown): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) throw createGraphQLError('DateTime must be an ISO-8601 date and time.');
  return date.toISOString();
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 date and time in UTC.',
  serialize: toIso,
  parseValue: toIso,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw createGraphQLError('DateTime must be a string.');
    return toIso(ast.value);
  },
});
