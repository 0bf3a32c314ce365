import { afterEach, describe, expect, it } from 'vitest';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { SmppClosedError, SmppTimeoutError } from '../../../smpp-gateway/session/errors.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { SmscListener, type SmscListenerOptions } from '../../../smpp-gateway/session/listener.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { decodePdu, encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { bindPdu } from './hand-made-pdus.js';
import { bindConfig, FAST_BACKOFF, gsmMessage, RawClient, until, waitForEvent } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startListener(
  onSubmit: SmscListenerOptions['onSubmit'] = async () => ({ messageId: 'sb-1' }),
  responseTimeoutSeconds = 2,
) {
  const listener = new SmscListener(
    {
      host: '127.0.0.1',
      port: 0,
      accounts: [{ systemId: 'aggregator-b', password: 'secret2' }],
      responseTimeoutSeconds,
      failedBindDelaySeconds: 0.05,
      failedBindMaxDelaySeconds: 0.2,
    },
    { onSubmit },
  );
  const port = await listener.listen();
  cleanups.push(() => listener.close());
  return { listener, port };
}

function aggregator(port: number, onDeliver?: (m: ShortMessage) => Promise<void>) {
  const session = new EsmeSession(bindConfig(port, { systemId: 'aggregator-b', password: 'secret2' }), {
    rebindBackoff: FAST_BACKOFF,
    ...(onDeliver ? { onDeliver } : {}),
  });
  cleanups.push(() => session.close());
  return session.start();
}

describe('SMSC listener (carriers and aggregators bind to Switchboard)', () => {
  it('accepts a configured account; answers submit_sm only once the handler resolves, with its message id', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: { text: string; systemId: string }[] = [];
    const { listener, port } = await startListener(async (m, systemId) => {
      seen.push({ text: decodeShortMessage(m.dataCoding, m.shortMessage), systemId });
      await gate;
      return { messageId: 'sb-42' };
    });
    const bound = waitForEvent(listener, 'bound');
    const session = aggregator(port);
    await session.whenBound();
    expect(await bound).toEqual(['aggregator-b', 'transceiver']);
    let answered = false;
    const submit = session.submit(gsmMessage('Where is my parcel?', '+15551230000', '+15557654321')).then((r) => {
      answered = true;
      return r;
    });
    await until(() => seen.length === 1, 5_000, 'submit at the handler');
    await new Promise((r) => setTimeout(r, 100)); // the handler has not resolved: no resp may have gone out
    expect(answered).toBe(false);
    release();
    await expect(submit).resolves.toEqual({ messageIds: ['sb-42'] });
    expect(seen).toEqual([{ text: 'Where is my parcel?', systemId: 'aggregator-b' }]);
  });

  it("answers a rejected submit with the rejection's status, else ESME_RSYSERR", async () => {
    let error: unknown = Object.assign(new Error('unknown number'), { status: STATUS.ESME_RINVDSTADR });
    const { port } = await startListener(async () => {
      throw error;
    });
    const session = aggregator(port);
    await session.whenBound();
    await expect(session.submit(gsmMessage('x'))).rejects.toMatchObject({
      status: STATUS.ESME_RINVDSTADR,
      temporary: false,
    });
    error = new Error('Temporal down');
    await expect(session.submit(gsmMessage('y'))).rejects.toMatchObject({
      status: STATUS.ESME_RSYSERR,
      temporary: true,
    });
  });

  it('refuses an unknown system_id and a wrong password with the same status (ESME_RBINDFAIL), then closes', async () => {
    const { listener, port } = await startListener();
    let bound = 0;
    listener.on('bound', () => bound++);
    for (const [systemId, password, status] of [
      ['nobody', 'secret2', STATUS.ESME_RBINDFAIL],
      ['aggregator-b', 'wrong', STATUS.ESME_RBINDFAIL],
    ] as const) {
      const client = await RawClient.open(port);
      client.write(bindPdu(1, systemId, password));
      const resp = decodePdu((await client.frame())!);
      expect(resp).toMatchObject({ command: 'bind_transceiver_resp', command_status: status, sequence_number: 1 });
      expect(await client.frame()).toBeNull();
      expect(client.closed).toBe(true);
    }
    expect(bound).toBe(0);
    expect(listener.receivers()).toEqual([]);
  });

  it('answers enquire_link, nacks junk and submits before bind, and handles unbind', async () => {
    const { listener, port } = await startListener();
    const client = await RawClient.open(port);
    client.write(encodePdu('enquire_link', 5));
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'enquire_link_resp',
      sequence_number: 5,
      command_status: 0,
    });
    client.write(
      encodePdu('submit_sm', 6, 0, { source_addr: '1', destination_addr: '2', short_message: Buffer.from('early') }),
    );
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'generic_nack',
      sequence_number: 6,
      command_status: STATUS.ESME_RINVBNDSTS,
    });
    client.write(bindPdu(1));
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'bind_transceiver_resp',
      command_status: 0,
      system_id: 'switchboard',
    });
    const junk = Buffer.alloc(20);
    junk.writeUInt32BE(20, 0);
    junk.writeUInt32BE(0x0000abcd, 4);
    junk.writeUInt32BE(7, 12);
    client.write(junk);
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'generic_nack',
      sequence_number: 7,
      command_status: STATUS.ESME_RINVCMDID,
    });
    expect(listener.receivers()).toEqual(['aggregator-b']);
    const unbound = waitForEvent(listener, 'unbound');
    client.write(encodePdu('unbind', 8));
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'unbind_resp',
      sequence_number: 8,
      command_status: 0,
    });
    await unbound;
    expect(await client.frame()).toBeNull();
  });

  it("delivers agents' replies as deliver_sm, with a response timeout, and fails when nobody can receive", async () => {
    const { listener, port } = await startListener(undefined, 0.3);
    await expect(listener.deliver(gsmMessage('nobody'))).rejects.toBeInstanceOf(SmppClosedError);
    let hang = false;
    const received: string[] = [];
    const session = aggregator(port, async (m) => {
      received.push(decodeShortMessage(m.dataCoding, m.shortMessage));
      if (hang) await new Promise(() => undefined);
    });
    await session.whenBound();
    await until(() => listener.receivers().length === 1, 5_000, 'receiver bound');
    const resps = await listener.deliver(
      gsmMessage('Your parcel ships today', '+15557654321', '+15551230000'),
      'aggregator-b',
    );
    expect(resps.map((r) => r.command_status)).toEqual([0]);
    expect(received).toEqual(['Your parcel ships today']);
    hang = true;
    await expect(listener.deliver(gsmMessage('into the void'))).rejects.toBeInstanceOf(SmppTimeoutError);
  });
});
