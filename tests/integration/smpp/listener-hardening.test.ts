import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { SmscListener, type ListenConfig, type SmscListenerOptions } from '../../../smpp-gateway/session/listener.js';
import { decodePdu, encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { bindPdu, textPdu } from './hand-made-pdus.js';
import { RawClient, until, waitForEvent } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startListener(
  config: Partial<ListenConfig> = {},
  onSubmit: SmscListenerOptions['onSubmit'] = async () => ({ messageId: 'sb-1' }),
) {
  const listener = new SmscListener(
    {
      host: '127.0.0.1',
      port: 0,
      accounts: [{ systemId: 'aggregator-b', password: 'secret2' }],
      responseTimeoutSeconds: 2,
      failedBindDelaySeconds: 0.05,
      failedBindMaxDelaySeconds: 0.4,
      ...config,
    },
    { onSubmit },
  );
  const port = await listener.listen();
  cleanups.push(() => listener.close());
  return { listener, port };
}

async function open(port: number): Promise<RawClient> {
  const client = await RawClient.open(port);
  cleanups.push(() => {
    client.socket.destroy();
  });
  return client;
}

describe('SMPP listener against hostile peers (issue 10)', () => {
  it("the issue's 20-byte packet before any bind (enquire_link with a 0-length 2-byte TLV) gets generic_nack ESME_RINVTLVLEN; the listener and the connection carry on", async () => {
    const { port } = await startListener();
    const client = await open(port);
    client.write(Buffer.from('000000140000001500000000000000070204' + '0000', 'hex'));
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'generic_nack',
      sequence_number: 7,
      command_status: STATUS.ESME_RINVTLVLEN,
    });
    client.write(bindPdu(8));
    expect(decodePdu((await client.frame())!)).toMatchObject({
      command: 'bind_transceiver_resp',
      sequence_number: 8,
      command_status: 0,
    });
  });

  it('a framing error (command_length 8, then 0xffffffff) is nacked and the socket destroyed within a second; later bytes are not read', async () => {
    const { listener, port } = await startListener();
    for (const length of [8, 0xffffffff]) {
      const client = await open(port);
      const started = Date.now();
      const bad = Buffer.alloc(16);
      bad.writeUInt32BE(length, 0);
      bad.writeUInt32BE(0x15, 4);
      bad.writeUInt32BE(99, 12);
      client.write(Buffer.concat([bad, encodePdu('enquire_link', 100)]));
      expect(decodePdu((await client.frame())!)).toMatchObject({
        command: 'generic_nack',
        sequence_number: 99,
        command_status: STATUS.ESME_RINVCMDLEN,
      });
      expect(await client.frame(1_000)).toBeNull(); // the enquire_link behind it was never answered
      expect(Date.now() - started).toBeLessThan(1_000);
      await until(() => listener.connections === 0, 1_000, 'connection forgotten');
    }
  });

  it('a command_length over smpp.limits.maxCommandLength is a framing error', async () => {
    const listener = new SmscListener(
      { host: '127.0.0.1', port: 0, accounts: [{ systemId: 'a', password: 'b' }] },
      { onSubmit: async () => ({ messageId: '' }), maxCommandLength: 4096 },
    );
    const port = await listener.listen();
    cleanups.push(() => listener.close());
    const client = await open(port);
    const big = Buffer.alloc(16);
    big.writeUInt32BE(4097, 0);
    big.writeUInt32BE(0x04, 4);
    big.writeUInt32BE(3, 12);
    client.write(big);
    expect(decodePdu((await client.frame())!)).toMatchObject({ command: 'generic_nack', sequence_number: 3 });
    expect(await client.frame(1_000)).toBeNull();
  });

  it('a 64 KiB frame trickled one byte per write over TCP is answered, and costs the listener little CPU', async () => {
    const { port } = await startListener();
    const client = await open(port);
    client.socket.setNoDelay(true);
    const frame = encodePdu('enquire_link', 42);
    const big = Buffer.concat([
      frame.subarray(0, 16),
      Buffer.from([0x04, 0x24, 0xff, 0xd0]),
      Buffer.alloc(0xffd0, 0x41),
    ]);
    big.writeUInt32BE(big.length, 0);
    expect(big.length).toBe(65_508);
    const before = process.cpuUsage();
    for (let i = 0; i < big.length; i++) {
      if (!client.socket.write(big.subarray(i, i + 1))) await once(client.socket, 'drain');
      if (i % 4096 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(decodePdu((await client.frame(20_000))!)).toMatchObject({
      command: 'enquire_link_resp',
      sequence_number: 42,
    });
    const used = process.cpuUsage(before);
    // This process is both the trickling client (one write syscall per byte) and the listener.
    console.log(
      `64 KiB frame trickled over TCP: ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, client writes included`,
    );
  }, 60_000);

  it('caps connections per address and in total: the one over the cap is closed at once', async () => {
    const { listener, port } = await startListener({ maxConnectionsPerAddress: 2, maxConnections: 3 });
    const refused: string[] = [];
    listener.on('refused', (_address: string, reason: string) => refused.push(reason));
    await open(port);
    await open(port);
    await until(() => listener.connections === 2, 2_000, 'two connections');
    const third = await open(port);
    expect(await third.frame()).toBeNull();
    expect(refused).toEqual(['per-address cap (2) reached']);
    await listener.close();
    cleanups.pop();
    const { listener: small, port: port2 } = await startListener({ maxConnectionsPerAddress: 10, maxConnections: 1 });
    await open(port2);
    await until(() => small.connections === 1, 2_000, 'one connection');
    expect(await (await open(port2)).frame()).toBeNull();
  });

  it('closes a connection that has not bound within bindTimeoutSeconds', async () => {
    const { port } = await startListener({ bindTimeoutSeconds: 0.3 });
    const client = await open(port);
    const started = Date.now();
    expect(await client.frame(3_000)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('throttles failed binds per address with a growing delay; a good bind after clears it', async () => {
    const { port } = await startListener({ failedBindDelaySeconds: 0.1, failedBindMaxDelaySeconds: 0.4 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const client = await open(port);
      const started = Date.now();
      client.write(bindPdu(1, 'aggregator-b', 'guess' + i));
      expect(decodePdu((await client.frame())!)).toMatchObject({ command_status: STATUS.ESME_RBINDFAIL });
      waits.push(Date.now() - started);
      expect(await client.frame()).toBeNull();
    }
    // 0, then about 100, 200, 400 ms (capped at the max)
    expect(waits[0]!).toBeLessThan(100);
    expect(waits[1]!).toBeGreaterThanOrEqual(80);
    expect(waits[2]!).toBeGreaterThanOrEqual(180);
    expect(waits[3]!).toBeGreaterThanOrEqual(350);
    const good = await open(port);
    good.write(bindPdu(2));
    expect(decodePdu((await good.frame())!)).toMatchObject({ command_status: 0 });
    const after = await open(port);
    const started = Date.now();
    after.write(bindPdu(3));
    expect(decodePdu((await after.frame())!)).toMatchObject({ command_status: 0 });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('drops a bound peer after two unanswered enquire_links, so replies never go to it', async () => {
    const { listener, port } = await startListener({ enquireLinkSeconds: 0.1, responseTimeoutSeconds: 0.1 });
    const client = await open(port);
    client.write(bindPdu(1));
    expect(decodePdu((await client.frame())!)).toMatchObject({ command_status: 0 });
    expect(listener.receivers()).toEqual(['aggregator-b']);
    const unbound = waitForEvent<[string, string]>(listener, 'unbound', undefined, 5_000);
    // The peer reads our enquire_links and never answers them.
    const [, reason] = await unbound;
    expect(reason).toMatch(/dead link: 2 enquire_link unanswered/);
    expect(listener.receivers()).toEqual([]);
  });

  it('answers submits beyond the inbound window ESME_RTHROTTLED instead of queueing them', async () => {
    const { port } = await startListener({ inboundWindow: 3 }, () => new Promise(() => undefined));
    const client = await open(port);
    client.write(bindPdu(1));
    expect(decodePdu((await client.frame())!)).toMatchObject({ command_status: 0 });
    for (let seq = 2; seq <= 6; seq++) client.write(textPdu('submit_sm', seq));
    const answers = [decodePdu((await client.frame())!), decodePdu((await client.frame())!)];
    expect(answers).toMatchObject([
      { command: 'submit_sm_resp', sequence_number: 5, command_status: STATUS.ESME_RTHROTTLED },
      { command: 'submit_sm_resp', sequence_number: 6, command_status: STATUS.ESME_RTHROTTLED },
    ]);
  });

  it('an account scoped by allowedAddresses: a bind from elsewhere is refused, and with every account scoped the socket is not even kept', async () => {
    const { port } = await startListener({
      accounts: [
        { systemId: 'aggregator-b', password: 'secret2', allowedAddresses: ['10.0.0.0/8'] },
        { systemId: 'local', password: 'pw', allowedAddresses: ['127.0.0.1'] },
      ],
    });
    const client = await open(port);
    client.write(bindPdu(1));
    expect(decodePdu((await client.frame())!)).toMatchObject({ command_status: STATUS.ESME_RBINDFAIL });
    const local = await open(port);
    local.write(bindPdu(2, 'local', 'pw'));
    expect(decodePdu((await local.frame())!)).toMatchObject({ command_status: 0 });
    const { port: closedPort } = await startListener({
      accounts: [{ systemId: 'aggregator-b', password: 'secret2', allowedAddresses: ['192.0.2.1'] }],
    });
    const socket: Socket = connect({ host: '127.0.0.1', port: closedPort });
    socket.on('error', () => undefined);
    await once(socket, 'close');
  });
});
