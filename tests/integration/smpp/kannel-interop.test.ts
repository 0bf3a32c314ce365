import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { SmscListener } from '../../../smpp-gateway/session/listener.js';
import { Child } from './child-process.js';
import { freePort, gsmMessage, until, waitForEvent, waitForPort } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function kannelConfig(p: {
  dir: string;
  listenerPort: number;
  adminPort: number;
  smsboxPort: number;
  sendsmsPort: number;
  moUrl: string;
}): string {
  return `
group = core
admin-port = ${p.adminPort}
admin-password = admin-secret
admin-interface = 127.0.0.1
admin-allow-ip = 127.0.0.1
smsbox-port = ${p.smsboxPort}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "${p.dir}/bearerbox.log"
log-level = 0

group = smsc
smsc = smpp
smsc-id = switchboard
host = 127.0.0.1
port = ${p.listenerPort}
transceiver-mode = true
smsc-username = aggregator-b
smsc-password = secret2
system-type = ""
interface-version = 34
enquire-link-interval = 30
reconnect-delay = 1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${p.smsboxPort}
sendsms-port = ${p.sendsmsPort}
sendsms-interface = 127.0.0.1
log-file = "${p.dir}/smsbox.log"
log-level = 0

group = sendsms-user
username = tester
password = foobar
user-allow-ip = "127.0.0.1"

group = sms-service
keyword = default
get-url = "${p.moUrl}?from=%p&to=%P&text=%a"
max-messages = 0
`;
}

describe('interoperability: Kannel (bearerbox + smsbox) binds to our SMPP listener', () => {
  it('binds with the configured account, submits a message from sendsms, and takes our deliver_sm', async () => {
    const submits: { from: string; to: string; text: string; systemId: string }[] = [];
    const listener = new SmscListener(
      { host: '127.0.0.1', port: 0, accounts: [{ systemId: 'aggregator-b', password: 'secret2' }] },
      {
        onSubmit: async (m, systemId) => {
          submits.push({
            from: m.source.addr,
            to: m.destination.addr,
            text: decodeShortMessage(m.dataCoding, m.shortMessage),
            systemId,
          });
          return { messageId: `sb-${submits.length}` };
        },
      },
    );
    const listenerPort = await listener.listen();
    cleanups.push(() => listener.close());

    // Kannel hands MOs (our deliver_sm) to an HTTP service; this one records them.
    const mos: URLSearchParams[] = [];
    const http: Server = createServer((req, res) => {
      mos.push(new URL(req.url ?? '/', 'http://x').searchParams);
      res.end('');
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => http.close(() => r())));
    const moUrl = `http://127.0.0.1:${(http.address() as { port: number }).port}/mo`;

    const dir = mkdtempSync(join(tmpdir(), 'sb-kannel-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const [adminPort, smsboxPort, sendsmsPort] = [await freePort(), await freePort(), await freePort()];
    const conf = join(dir, 'kannel.conf');
    writeFileSync(conf, kannelConfig({ dir, listenerPort, adminPort, smsboxPort, sendsmsPort, moUrl }));

    const bound = waitForEvent<[string, string]>(listener, 'bound', () => true, 30_000);
    const bearerbox = new Child('/usr/sbin/bearerbox', [conf], { cwd: dir });
    cleanups.push(() => bearerbox.stop());
    expect(await bound).toEqual(['aggregator-b', 'transceiver']);
    await waitForPort(smsboxPort);
    const smsbox = new Child('/usr/sbin/smsbox', [conf], { cwd: dir });
    cleanups.push(() => smsbox.stop());
    await waitForPort(sendsmsPort);

    const query = new URLSearchParams({
      username: 'tester',
      password: 'foobar',
      smsc: 'switchboard',
      from: '15557654321',
      to: '15551230000',
      text: 'Hello from Kannel',
    });
    const resp = await fetch(`http://127.0.0.1:${sendsmsPort}/cgi-bin/sendsms?${query}`);
    expect(await resp.text()).toMatch(/Accepted for delivery|Sent/);
    await until(() => submits.length === 1, 20_000, 'the submit_sm from Kannel');
    expect(submits[0]).toEqual({
      from: '15557654321',
      to: '15551230000',
      text: 'Hello from Kannel',
      systemId: 'aggregator-b',
    });

    // The other direction: an agent's reply as deliver_sm, acked by Kannel and handed to smsbox.
    const resps = await listener.deliver(
      gsmMessage('Agent reply via Kannel', '15557654321', '15551230000'),
      'aggregator-b',
    );
    expect(resps.map((r) => r.command_status)).toEqual([0]);
    await until(() => mos.length === 1, 20_000, 'the MO at the sms-service URL');
    expect(Object.fromEntries(mos[0]!)).toEqual({
      from: '15551230000',
      to: '15557654321',
      text: 'Agent reply via Kannel',
    });
  });
});
