import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import { redactArgs } from '../../config/redact.js';

// Query limits (GraphQL Armor). Sized for the desktop's largest document (the snapshot and the
// agent event subscription, which select whole conversations) with room to spare.
const QUERY_LIMITS = {
  maxDepth: 12,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 2500,
  maxDirectives: 20,
};

export function armorPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect().plugins as Plugin[];
}

/**
 * Yoga's logger minus debug and info, which could include request parameters (a login's
 * password). Warnings and errors are scrubbed too (config/redact.ts): an error from Temporal can
 * name a workflow id with a customer's number in it.
 */
export const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => console.warn('[api]', ...redactArgs(args)),
  error: (...args: unknown[]) => console.error('[api]', ...redactArgs(args)),
};
