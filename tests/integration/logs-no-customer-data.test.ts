/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked by the assertions, not by types */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CONFIG_PATH } from '../../config/load.js';
import type { SwitchboardConfig } from '../../config/schema.js';
import { ApiClient } from '../support/api-client.js';
import { freePort } from '../support/api-processes.js';
import { LOGIN } from '../support/api-stack.js';
import * as doc from '../support/api-documents.js';
import { startProcess, writeConfigFile, type Child } from '../../harness/child-process.js';
import { eventually } from '../support/eventually.js';

// What the processes print while a customer texts, an agent signs in, replies and logs out
// (`npm start`'s whole stack: worker, carrier simulator, SMPP gateway, API, against the test
// Temporal server): never a full phone number, a message text, a token or a password.

const CUSTOMER = '+15557001234';
const SAID = 'SECRET-TEXT-FROM-CUSTOMER';
const REPLY = 'SECRET-REPLY-FROM-AGENT';
const WRONG = 'WRONG-PASSWORD-XYZ';

describe('logs carry no customer data', () => {
  let child: Child;
  let url: string;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as SwitchboardConfig;
    const [api, sim, listen] = [await freePort(), await freePort(), await freePort()];
    dir = mkdtempSync(join(tmpdir(), 'sb-logs-'));
    const unique = randomUUID().slice(0, 8);
    const config = {
      ...raw,
      temporal: {
        ...raw.temporal,
        address: inject('temporalAddress'),
        instance: `l${unique}`,
        taskQueue: `logs-${unique}`,
        dataDir: dir,
      },
      api: { ...raw.api, port: api },
      web: { port: api },
      smpp: {
        ...raw.smpp,
        binds: raw.smpp.binds.map((b) => ({ ...b, port: sim })),
        simulator: { ...raw.smpp.simulator, port: sim },
        listen: { ...raw.smpp.listen!, port: listen },
      },
    };
    child = await startProcess(
      'stack/start.ts',
      { SWITCHBOARD_CONFIG: writeConfigFile(config) },
      /Switchboard is running/,
      120_000,
    );
    url = `http://127.0.0.1:${api}`;
  });
  afterAll(async () => {
    await child?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a whole conversation leaves no number, text, token or password in the output', async () => {
    const anon = new ApiClient((u, init) => fetch(u, init), url);
    expect((await anon.gql(LOGIN, { username: 'alice', password: WRONG })).login.userErrors[0].code).toBe(
      'NOT_ALLOWED',
    );
    token = (await anon.gql(LOGIN, { username: 'alice', password: 'alice' })).login.token;
    const alice = anon.withToken(token);
    await alice.gql(doc.SET_STATUS, { status: 'AVAILABLE' });
    const send = (text: string) =>
      anon.gql(
        `mutation($t: String!) { sendAsCustomer(phoneNumber: "${CUSTOMER}", businessNumber: "+15551230000", text: $t) { userErrors { code } } }`,
        { t: text },
      );
    expect((await send(SAID)).sendAsCustomer.userErrors).toEqual([]);
    expect((await send('HELP')).sendAsCustomer.userErrors).toEqual([]); // the gateway logs that it answered
    const id = await eventually(
      async () => {
        const offers = (await alice.gql(doc.MY_OFFERS)).myOffers;
        if (!offers.length) throw new Error('no offer yet');
        return offers[0].conversation.id as string;
      },
      20_000,
      200,
    );
    expect((await alice.gql(doc.ACCEPT, { conversationId: id })).r.userErrors).toEqual([]);
    expect((await alice.gql(doc.SEND, { conversationId: id, text: REPLY })).r.userErrors).toEqual([]);
    await eventually(
      async () => {
        const phone = (await anon.gql(`{ phoneMessages(phoneNumber: "${CUSTOMER}") { text } }`)).phoneMessages.map(
          (m: any) => m.text,
        );
        if (!phone.includes(REPLY)) throw new Error('reply not on the phone yet');
      },
      20_000,
      200,
    );
    await eventually(
      async () => {
        if (!/HELP answered/.test(child.output())) throw new Error('no HELP line yet');
      },
      20_000,
      200,
    );
    expect((await alice.gql(doc.LOGOUT)).logout.userErrors).toEqual([]);

    const output = child.output();
    expect(output).toContain('+*******0000'); // numbers do reach the log (the HELP line's business number), masked
    for (const secret of ['5557001234', SAID, REPLY, WRONG, token, 'demo-secret-change-me-in-production']) {
      expect(output, secret).not.toContain(secret);
    }
  });
});
