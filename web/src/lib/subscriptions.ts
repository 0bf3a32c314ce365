import { createClient, type Client } from 'graphql-sse';
import { GRAPHQL_URL } from './graphql.js';
import { authHeaders } from './session.js';

// GraphQL over SSE in distinct-connections mode (graphql-yoga's default): one HTTP stream per
// subscription, carrying the same Authorization header as queries. The client retries for ever,
// and every (re)connection is reported so the caller can resynchronise what it may have missed.

export interface SubscriptionHandlers<T> {
  next: (data: T) => void;
  /** After every successful (re)connection; `reconnected` is false only for the first. */
  connected?: (reconnected: boolean) => void;
  /** The stream broke and a new connection is being attempted. */
  reconnecting?: () => void;
  /** Non-retryable failures, e.g. a GraphQL error in the subscription itself. */
  error?: (message: string) => void;
}

/** Backoff capped at 5 s: a desktop should come back quickly once the network does. */
export function retryDelay(retries: number): number {
  return Math.min(5000, 500 * 2 ** retries) + Math.floor(Math.random() * 250);
}

function makeClient(withAuth: boolean): Client {
  return createClient({
    url: GRAPHQL_URL,
    headers: () => (withAuth ? authHeaders() : {}),
    retryAttempts: Infinity,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
  });
}

/**
 * Subscribes until the returned function is called. If the server ends the stream (a restart
 * that closes cleanly), the subscription is opened again after a short pause.
 */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  handlers: SubscriptionHandlers<T>,
  options: { auth?: boolean } = {},
): () => void {
  const client = makeClient(options.auth ?? true);
  let disposed = false;
  let stop: (() => void) | null = null;
  let reopen: ReturnType<typeof setTimeout> | null = null;
  let everConnected = false;

  const open = (): void => {
    stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) handlers.error?.(result.errors.map((e) => e.message).join('; '));
          else if (result.data) handlers.next(result.data as T);
        },
        error: (err) => {
          handlers.error?.(err instanceof Error ? err.message : 'Subscription failed');
          // Not a network error (those retry inside graphql-sse), but still try again later:
          // a desktop that silently stops listening would miss offers.
          if (!disposed) reopen = setTimeout(open, 5000);
        },
        complete: () => {
          if (!disposed) reopen = setTimeout(open, 1000);
        },
      },
      {
        connecting: (reconnecting) => {
          if (reconnecting || everConnected) handlers.reconnecting?.();
        },
        connected: () => {
          handlers.connected?.(everConnected);
          everConnected = true;
        },
      },
    );
  };
  open();

  return () => {
    disposed = true;
    if (reopen) clearTimeout(reopen);
    stop?.();
    client.dispose();
  };
}
