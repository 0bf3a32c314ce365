import { createClient, type Client } from 'graphql-sse';
import { GRAPHQL_URL, type TypedDocument } from './graphql.js';
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
  /** The server ended the stream for good (FORBIDDEN, UNAUTHENTICATED): it is not opened again. */
  refused?: (code: string) => void;
  /** The server may have lost events for this stream (STREAM_RESET): re-read state; it reopens at once. */
  reset?: () => void;
}

/** Errors that end a stream for good: access lost or the token no longer valid. */
const FINAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
/** The server's bus lost events (Redis dropped and came back): every stream ends with it. */
const RESET_CODE = 'STREAM_RESET';

/** Backoff capped at 5 s: a desktop should come back quickly once the network does. */
export function retryDelay(retries: number): number {
  return Math.min(5000, 500 * 2 ** retries) + Math.floor(Math.random() * 250);
}

function makeClient(withAuth: boolean, fetchFn?: typeof fetch): Client {
  return createClient({
    url: GRAPHQL_URL,
    ...(fetchFn ? { fetchFn } : {}),
    headers: () => (withAuth ? authHeaders() : {}),
    retryAttempts: Infinity,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
  });
}

/**
 * Subscribes until the returned function is called. If the server ends the stream (a restart
 * that closes cleanly), the subscription is opened again after a short pause, unless it ended it
 * because the caller may no longer read it (FORBIDDEN, UNAUTHENTICATED).
 */
export function subscribe<T, TVariables>(
  document: TypedDocument<T, TVariables>,
  variables: NoInfer<TVariables>,
  handlers: SubscriptionHandlers<T>,
  options: { auth?: boolean; fetchFn?: typeof fetch } = {},
): () => void {
  const client = makeClient(options.auth ?? true, options.fetchFn);
  const query = document.toString();
  let disposed = false;
  let stop: (() => void) | null = null;
  let reopen: ReturnType<typeof setTimeout> | null = null;
  let everConnected = false;
  let refused = false;
  let wasReset = false;

  const open = (): void => {
    stop = client.subscribe<T>(
      { query, variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) {
            // The server ends a stream the caller may no longer read (an offer that lapsed, a
            // logout): opening it again would only be refused again, event after event.
            const codes = result.errors.map((e) => String(e.extensions?.code));
            const final = codes.find((code) => FINAL_CODES.has(code));
            if (codes.includes(RESET_CODE)) {
              wasReset = true;
              handlers.reset?.();
              return;
            }
            handlers.error?.(result.errors.map((e) => e.message).join('; '));
            if (final && !refused) {
              refused = true;
              handlers.refused?.(final);
            }
          } else if (result.data) handlers.next(result.data as T);
        },
        error: (err) => {
          handlers.error?.(err instanceof Error ? err.message : 'Subscription failed');
          if (refused) return;
          // Not a network error (those retry inside graphql-sse), but still try again later:
          // a desktop that silently stops listening would miss offers.
          if (!disposed) reopen = setTimeout(open, 5000);
        },
        complete: () => {
          // After a reset every desktop reopens at once; a little spread spares the server the herd.
          const delay = wasReset ? Math.floor(Math.random() * 250) : 1000;
          wasReset = false;
          if (!disposed && !refused) reopen = setTimeout(open, delay);
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
