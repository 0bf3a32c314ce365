import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type GqlResult } from '../../support/api-client.js';
import { ApiStack, LOGIN } from '../../support/api-stack.js';
import * as doc from '../../support/api-documents.js';
import { eventually } from '../../support/eventually.js';

// Sign-in on a production-style configuration (hashed passwords, own secrets), over real HTTP
// behind a trusted proxy header: limits per (username, client address) that hold under
// concurrency, a growing delay instead of a lock-out, logout that revokes, a 24 h lifetime at most.

const FREE = 5;

describe('sign-in and tokens', () => {
  let stack: ApiStack;
  const from = (address: string, token?: string) =>
    new ApiClient(
      (url, init) =>
        fetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': `203.0.113.9, ${address}` },
        }),
      stack.url,
      token,
    );

  beforeAll(async () => {
    stack = await ApiStack.start({
      production: true,
      loginLimits: { freeAttempts: FREE, baseDelaySeconds: 60 },
      adjust: (c) => ({ ...c, api: { ...c.api, trustedProxyHeader: 'X-Forwarded-For' } }),
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('40 wrong passwords at once: only the limit’s number are checked, the rest must wait', async () => {
    const client = from('198.51.100.1');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => client.raw(LOGIN, { username: 'alice', password: 'wrong' })),
    );
    const checked = answers.filter((a) => a.data?.login?.userErrors?.[0]?.code === 'NOT_ALLOWED');
    const limited = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect([checked.length, limited.length]).toEqual([FREE, 40 - FREE]);
    expect(limited[0]!.status).toBe(429);
  });

  it('the right password from another address is not locked out', async () => {
    const login = await from('198.51.100.2').gql(LOGIN, { username: 'alice', password: 'alice' });
    expect(login.login.token).toBeTruthy();
  });

  it('an unknown username is limited the same way', async () => {
    const client = from('198.51.100.3');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.raw(LOGIN, { username: 'mallory', password: 'x' })),
    );
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(10 - FREE);
  });

  it('tokens live at most 24 h', async () => {
    const { token } = (await from('198.51.100.4').gql(LOGIN, { username: 'bob', password: 'bob' })).login;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(24 * 3600);
  });

  it('logout revokes the token and the agent’s earlier ones; its open streams end with FORBIDDEN', async () => {
    const first = (await from('198.51.100.5').gql(LOGIN, { username: 'carol', password: 'carol' })).login.token;
    const second = (await from('198.51.100.6').gql(LOGIN, { username: 'carol', password: 'carol' })).login.token;
    const events = await from('198.51.100.5', first).subscribe(doc.AGENT_EVENTS);
    expect(events.status).toBe(200);
    const out = await from('198.51.100.6', second).gql(doc.LOGOUT);
    expect(out.logout.userErrors).toEqual([]);
    await events.done;
    expect(events.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const token of [first, second]) {
      const r = await from('198.51.100.5', token).raw(doc.ME);
      expect([r.status, r.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    // Signing in again gives a token that works.
    const again = (await from('198.51.100.5').gql(LOGIN, { username: 'carol', password: 'carol' })).login.token;
    expect((await from('198.51.100.5', again).gql(doc.ME)).me.id).toBe('carol');
  });
});

describe('the growing delay', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await ApiStack.start({
      production: true,
      loginLimits: { freeAttempts: FREE, baseDelaySeconds: 2, maxDelaySeconds: 60 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const waitOf = (r: GqlResult): number =>
    Number((r.errors?.[0]?.extensions as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds);

  it('doubles with each failure past the free ones, and the right password works after it', async () => {
    const client = stack.http();
    for (let i = 0; i < FREE; i++)
      expect((await client.gql(LOGIN, { username: 'alice', password: 'wrong' })).login.userErrors[0].code).toBe(
        'NOT_ALLOWED',
      );
    const first = waitOf(await client.raw(LOGIN, { username: 'alice', password: 'alice' }));
    expect(first).toBeGreaterThanOrEqual(1);
    // A refused attempt is not counted; once the delay is over one more is checked...
    await eventually(
      async () => {
        const r = await client.raw(LOGIN, { username: 'alice', password: 'wrong' });
        if (r.data?.login?.userErrors?.[0]?.code !== 'NOT_ALLOWED') throw new Error('still waiting');
      },
      15_000,
      200,
    );
    // ...and the next wait is twice as long (2 s, then 4 s).
    const second = waitOf(await client.raw(LOGIN, { username: 'alice', password: 'wrong' }));
    expect(second).toBeGreaterThan(first);
    const token = await eventually(
      async () => {
        const r = await client.raw(LOGIN, { username: 'alice', password: 'alice' });
        if (!r.data?.login?.token) throw new Error('still waiting');
        return r.data.login.token as string;
      },
      15_000,
      200,
    );
    expect((await stack.http(token).gql(doc.ME)).me.id).toBe('alice');
    // A success starts the pair afresh: the next wrong password is checked, not delayed.
    expect((await client.gql(LOGIN, { username: 'alice', password: 'wrong' })).login.userErrors[0].code).toBe(
      'NOT_ALLOWED',
    );
  });
});

describe('without a trusted proxy header', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await ApiStack.start({ production: true, loginLimits: { freeAttempts: 2, baseDelaySeconds: 60 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a forwarded-for header cannot be used to dodge the limit', async () => {
    const spoof = (n: number) =>
      new ApiClient(
        (url, init) =>
          fetch(url, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': `192.0.2.${n}` },
          }),
        stack.url,
      );
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => spoof(i).raw(LOGIN, { username: 'bob', password: 'wrong' })),
    );
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(4);
  });
});
