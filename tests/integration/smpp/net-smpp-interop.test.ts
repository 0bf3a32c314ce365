import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { decodeGsm7 } from '../../../platform/smpp-codec/gsm7.js';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { Child } from './child-process.js';
import { bindConfig, gsmMessage, until } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('interoperability: our ESME session against a Net::SMPP SMSC (Perl)', () => {
  it('binds, answers enquire_link both ways, acks an MO and submits an MT', async () => {
    const smsc = new Child('perl', [join(here, 'net-smpp-smsc.pl')]);
    cleanups.push(() => smsc.stop());
    const port = Number((await smsc.waitForLine(/^LISTENING (\d+)$/))[1]);

    const mos: ShortMessage[] = [];
    const session = new EsmeSession(
      bindConfig(port, { systemId: 'switchboard', password: 'secret', enquireLinkSeconds: 0.2 }),
      {
        onDeliver: async (m) => {
          mos.push(m);
        },
      },
    );
    const unbound: string[] = [];
    session.on('unbound', (reason: string) => unbound.push(reason));
    cleanups.push(() => session.close());
    session.start();
    await session.whenBound();
    await smsc.waitForLine(/^BIND system_id=switchboard password=secret$/);

    await smsc.waitForLine(/^DELIVER_SM_RESP status=0$/);
    await smsc.waitForLine(/^ENQUIRE_LINK_RESP status=0$/);
    await until(() => mos.length === 1, 5_000, 'the MO');
    expect(mos[0]).toMatchObject({
      source: { addr: '15557654321', ton: 1, npi: 1 },
      destination: { addr: '15551230000' },
      isReceipt: false,
    });
    expect(decodeShortMessage(mos[0]!.dataCoding, mos[0]!.shortMessage)).toBe('Hello from Perl');

    // Our periodic enquire_link must be answered by Perl for the bind to survive it.
    await smsc.waitForLine(/^ENQUIRE_LINK$/);
    const { messageIds } = await session.submit(
      gsmMessage('Hi Perl, agent here: {50% off}', '+15557654321', '+15551230000'),
    );
    expect(messageIds).toEqual(['perl-1']);
    const submit = await smsc.waitForLine(
      /^SUBMIT_SM from=(\S+) to=(\S+) dc=(\d+) esm=(\d+) rd=(\d+) hex=([0-9a-f]*)$/,
    );
    expect(submit.slice(1, 6)).toEqual(['15551230000', '15557654321', '0', '0', '1']);
    expect(decodeGsm7(Buffer.from(submit[6]!, 'hex'))).toBe('Hi Perl, agent here: {50% off}');

    await session.close();
    await smsc.waitForLine(/^UNBIND$/);
    expect(await smsc.exited()).toBe(0);
    expect(unbound.filter((r) => !/unbound|closed locally/.test(r))).toEqual([]);
  });
});
