import { createGraphQLError } from 'graphql-yoga';

// Errors are made with Yoga's own GraphQLError class: where two copies of graphql are loaded (ESM
// and CJS, as under vite), an error of the other copy would be masked as unexpected.
type GraphQLError = ReturnType<typeof createGraphQLError>;

// Auth failures are GraphQL errors (never userErrors): the client must log in again or stop
// asking. Their codes are stable; the desktop treats UNAUTHENTICATED as "back to the login form".

export function unauthenticated(message = 'Log in first: a valid token is needed.'): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export function rateLimited(
  retryAfterSeconds: number,
  message = `Too many login attempts; try again in ${retryAfterSeconds} s.`,
): GraphQLError {
  return createGraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
  });
}

/** A malformed argument: the error names it (extensions.argument) and nothing was done. */
export function badInput(message: string, argument?: string): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), http: { status: 400 } },
  });
}
