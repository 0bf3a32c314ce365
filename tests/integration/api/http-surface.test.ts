import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStack, LOGIN } from '../../support/api-stack.js';
import * as doc from '../../support/api-documents.js';

// The HTTP surface: probes, the desktop's static files, CSRF prevention, query limits, the login
// rate limit, and the demo phone's operations (open only while a phone is injected).

describe('HTTP surface', () => {
  let stack: ApiStack;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'sb-web-'));
    mkdirSync(join(webRoot, '_app/immutable'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>desk</title>');
    writeFileSync(join(webRoot, '_app/immutable/app.js'), 'export {}');
    stack = await ApiStack.start({
      webRoot,
      loginLimits: { freeAttempts: 3, perAddressFreeAttempts: 5, baseDelaySeconds: 60 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('/health is up and /ready checks Temporal', async () => {
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    const ready = await fetch(`${stack.url}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true, checks: { temporal: 'ok' } }]);
  });

  it('serves the desktop with an SPA fallback, and never outside its root', async () => {
    const js = await fetch(`${stack.url}/_app/immutable/app.js`);
    expect([js.status, js.headers.get('content-type'), js.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    const route = await fetch(`${stack.url}/conversations/123`);
    expect([route.status, await route.text()]).toEqual([200, '<!doctype html><title>desk</title>']);
    const escape = await fetch(`${stack.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toBe('<!doctype html><title>desk</title>');
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const form = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query={__typename}',
    });
    expect(form.status).toBe(403);
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ businessNumbers { number } }')}`);
    expect(get.status).toBe(403);
    const json = await stack.http().raw('{ businessNumbers { number } }');
    expect(json.status).toBe(200);
    // A header a simple request cannot carry makes the browser preflight, so it lets a GET through.
    for (const header of ['x-graphql-yoga-csrf', 'authorization']) {
      const marked = await fetch(`${stack.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { [header]: header === 'authorization' ? 'Bearer not-a-token' : '1' },
      });
      expect(marked.status, header).not.toBe(403);
    }
  });

  it('limits depth, aliases and size (GraphQL Armor)', async () => {
    const alice = await stack.login(stack.http(), 'alice');
    const deep = `{ myConversations { ${'offer { conversation { '.repeat(6)}id${' } }'.repeat(6)} } }`;
    expect((await alice.raw(deep)).errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: idleCodes { id }`).join(' ')} }`;
    expect((await alice.raw(aliases)).errors?.[0]?.message).toMatch(/alias/i);
    expect((await alice.raw(doc.ME)).data.me.id).toBe('alice');
  });

  it('rate-limits failed logins per username and address, then per address', async () => {
    const client = stack.http();
    for (let i = 0; i < 3; i++) {
      expect((await client.gql(LOGIN, { username: 'bob', password: 'wrong' })).login.userErrors[0].code).toBe(
        'NOT_ALLOWED',
      );
    }
    const limited = await client.raw(LOGIN, { username: 'bob', password: 'bob' });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await client.gql(LOGIN, { username: 'carol', password: 'wrong' })).login.userErrors[0].code).toBe(
      'NOT_ALLOWED',
    );
    expect((await client.gql(LOGIN, { username: 'alice', password: 'wrong' })).login.userErrors[0].code).toBe(
      'NOT_ALLOWED',
    );
    const byAddress = await client.raw(LOGIN, { username: 'carol', password: 'carol' });
    expect(byAddress.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('the demo phone works without a token while a phone is injected', async () => {
    const anon = stack.http();
    expect((await anon.gql('{ businessNumbers { number type queue { id name } } }')).businessNumbers).toHaveLength(3);
    const bad = await anon.gql(
      `mutation { sendAsCustomer(phoneNumber: "+15557000009", businessNumber: "999", text: "hi") { message { id } userErrors { code field } } }`,
    );
    expect(bad.sendAsCustomer.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'businessNumber' }]);
    const sent = await anon.gql(
      `mutation { sendAsCustomer(phoneNumber: "+15557000009", businessNumber: "12345", text: "hi") { message { direction text } userErrors { code } } }`,
    );
    expect(sent.sendAsCustomer).toEqual({ message: { direction: 'INBOUND', text: 'hi' }, userErrors: [] });
    expect((await anon.gql('{ phoneMessages(phoneNumber: "+15557000009") { text } }')).phoneMessages).toEqual([
      { text: 'hi' },
    ]);
  });
});

describe('without a demo phone', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await ApiStack.start({ phone: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('the phone operations are refused and business numbers need a token', async () => {
    const anon = stack.inProcess();
    expect(
      (await anon.raw('{ phoneMessages(phoneNumber: "+15557000009") { text } }')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await anon.raw('{ businessNumbers { number } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const alice = await stack.login(stack.inProcess(), 'alice');
    expect((await alice.gql('{ businessNumbers { number } }')).businessNumbers).toHaveLength(3);
  });
});
