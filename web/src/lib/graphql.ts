import { authHeaders } from './session.js';

// Queries and mutations are plain JSON POSTs to the same origin; subscriptions are in
// subscriptions.ts. Expected failures arrive as data (`userErrors`); only transport, auth and
// server faults become exceptions here.

export const GRAPHQL_URL = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 where the request never got an answer (network down). */
    readonly status: number,
    /** The first GraphQL error's extensions.code, e.g. UNAUTHENTICATED. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  get unauthenticated(): boolean {
    return this.status === 401 || this.code === 'UNAUTHENTICATED';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type Fetch = typeof fetch;

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  fetchFn: Fetch = fetch,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...authHeaders(),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphQLRequestError('The server could not be reached. Check the connection and try again.', 0);
  }
  let body: GraphQLResponse<T> | null = null;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    // A proxy error page or an empty body: fall through to the status check below.
  }
  const first = body?.errors?.[0];
  if (first) {
    throw new GraphQLRequestError(first.message, response.status, first.extensions?.code ?? null);
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(`The server answered ${response.status}.`, response.status);
  }
  return body.data;
}

/** A readable line for any thrown value, for showing next to the control that failed. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
