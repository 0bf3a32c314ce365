import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError, gql } from '../../web/src/lib/graphql.js';
import { CONVERSATION_ACTIONS } from '../../web/src/lib/conversation-operations.js';
import { SNAPSHOT } from '../../web/src/lib/operations.js';
import { clearToken, setToken } from '../../web/src/lib/session.js';
import { retryDelay } from '../../web/src/lib/subscriptions.js';

function reply(status: number, body: unknown): typeof fetch {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

afterEach(() => clearToken());

describe('GraphQL client', () => {
  it('posts JSON to /graphql with the bearer token of this tab', async () => {
    setToken('tok-1');
    const fetchFn = reply(200, { data: { me: { id: 'alice' } } });
    await expect(gql('query { me { id } }', { a: 1 }, fetchFn)).resolves.toEqual({ me: { id: 'alice' } });
    const [url, init] = vi.mocked(fetchFn).mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(JSON.parse(String(init?.body))).toEqual({ query: 'query { me { id } }', variables: { a: 1 } });
  });

  it('posts a generated document as its text, with the fragments it spreads', async () => {
    const fetchFn = reply(200, { data: { result: { conversation: null, userErrors: [] } } });
    await gql(CONVERSATION_ACTIONS.endConversation, { conversationId: 'c1' }, fetchFn);
    await gql(SNAPSHOT, undefined, fetchFn);
    const [act, snapshot] = vi.mocked(fetchFn).mock.calls.map(([, init]) => JSON.parse(String(init?.body)));
    expect(act.variables).toEqual({ conversationId: 'c1' });
    expect(act.query).toMatch(/^\s*mutation EndConversation\(/);
    for (const fragment of ['ConversationPayloadFields', 'ConversationFields', 'MessageFields', 'UserErrorFields']) {
      expect(act.query).toContain(`fragment ${fragment} on`);
    }
    expect(snapshot).toMatchObject({ query: expect.stringContaining('fragment OfferFields on Offer'), variables: {} });
  });

  it('sends no Authorization header before login', async () => {
    const fetchFn = reply(200, { data: { ok: true } });
    await gql('query { ok }', {}, fetchFn);
    const init = vi.mocked(fetchFn).mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('returns userErrors as data, not as exceptions', async () => {
    const data = {
      sendMessage: { message: null, userErrors: [{ code: 'INVALID_INPUT', message: 'Too long', field: 'text' }] },
    };
    await expect(gql('mutation', {}, reply(200, { data }))).resolves.toEqual(data);
  });

  it('marks an expired or missing token as unauthenticated', async () => {
    const error = await gql(
      'q',
      {},
      reply(401, { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).unauthenticated).toBe(true);
  });

  it('turns a network failure into a readable error', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(gql('q', {}, down)).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('could not be reached'),
    });
  });

  it('retries subscriptions quickly, capped at about five seconds', () => {
    expect(retryDelay(0)).toBeLessThan(800);
    expect(retryDelay(20)).toBeLessThanOrEqual(5250);
  });
});
