import type { Resolvers } from '../generated/resolvers-types.js';
import { checkArguments } from '../services/arguments.js';

// Wraps every root field (queries, mutations, and subscriptions' subscribe) so its arguments are
// checked (services/arguments.ts) before the resolver runs. Object fields take no arguments.

type AnyFn = (parent: unknown, args: Record<string, unknown>, ...rest: unknown[]) => unknown;

function checked(fn: AnyFn): AnyFn {
  return (parent, args, ...rest) => {
    checkArguments(args ?? {});
    return fn(parent, args, ...rest);
  };
}

function wrapAll(fields: object | undefined): object | undefined {
  if (!fields) return fields;
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => {
      if (typeof value === 'function') return [name, checked(value as AnyFn)];
      if (value && typeof value === 'object' && typeof (value as { subscribe?: unknown }).subscribe === 'function') {
        const s = value as { subscribe: AnyFn };
        return [name, { ...s, subscribe: checked(s.subscribe) }];
      }
      return [name, value];
    }),
  );
}

export function withCheckedArguments(resolvers: Resolvers): Resolvers {
  return {
    ...resolvers,
    Query: wrapAll(resolvers.Query) as Resolvers['Query'],
    Mutation: wrapAll(resolvers.Mutation) as Resolvers['Mutation'],
    Subscription: wrapAll(resolvers.Subscription) as Resolvers['Subscription'],
  };
}
