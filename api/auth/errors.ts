import { GraphQLError } from 'graphql';

// Auth failures are GraphQL errors (never userErrors): the client must log in again or stop
// asking. Their codes are stable; the desktop treats UNAUTHENTICATED as "back to the login form".

export function unauthenticated(message = 'Log in first: a valid token is needed.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many login attempts; try again in ${retryAfterSeconds} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } } },
  });
}
