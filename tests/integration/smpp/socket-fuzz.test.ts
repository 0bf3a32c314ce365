import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { SmscListener } from '../../../smpp-gateway/session/listener.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { decodePdu, encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { FUZZ_SEED, hostileFrames } from '../../unit/smpp/fuzz-frames.js';
import { answerTo, bindPdu, textPdu } from './hand-made-pdus.js';
import { bindConfig, FAST_BACKOFF, RawClient, until } from './support.js';

// The seeded hostile frames of the unit fuzz test, now over real sockets: 5,000 into the listener
// (before and after a bind) and 5,000 into an ESME session from a carrier gone bad. Whatever they
// do to one connection, the process survives and a legitimate bind and MO work afterwards.
const FRAMES = 5_000;
const BATCH = 50;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe(`SMPP fuzz over real sockets (seed 0x${FUZZ_SEED.toString(16)})`, () => {
  it(`${FRAMES} hostile frames into the listener, before and after binding; then a bind and an MO still work`, async () => {
    const submitted: string[] = [];
    const listener = new SmscListener(
      {
        host: '127.0.0.1',
        port: 0,
        accounts: [{ systemId: 'aggregator-b', password: 'secret2' }],
        maxConnectionsPerAddress: 1_000,
        failedBindDelaySeconds: 0.001,
        failedBindMaxDelaySeconds: 0.005,
      },
      {
        onSubmit: async (m) => {
          submitted.push(m.shortMessage.toString('latin1'));
          return { messageId: `sb-${submitted.length}` };
        },
      },
    );
    const port = await listener.listen();
    cleanups.push(() => listener.close());
    const frames = hostileFrames(FRAMES, FUZZ_SEED + 1);
    let sent = 0;
    let connections = 0;
    let sync = 0x7fff0000;
    while (sent < FRAMES) {
      const client = await RawClient.open(port);
      connections++;
      // Every other connection binds first, so the bound paths (submit_sm and the rest) are fuzzed too.
      if (connections % 2 === 0) {
        client.write(bindPdu(1));
        if ((await answerTo(client, 1))?.command_status !== 0) throw new Error('legitimate bind refused mid-fuzz');
      }
      // A fresh connection every 500 frames, so half of them meet a bound peer.
      for (const end = Math.min(FRAMES, sent + 500); sent < end && !client.closed;) {
        const batch: Buffer[] = [];
        for (let i = 0; i < BATCH && sent < end; i++, sent++) batch.push(frames.next().value as Buffer);
        client.write(Buffer.concat([...batch, encodePdu('enquire_link', ++sync)]));
        if (!(await answerTo(client, sync))) break; // an unbind or bind refusal among them closed it
      }
      client.socket.destroy();
    }
    expect(sent).toBe(FRAMES);
    console.log(`listener fuzz: ${sent} frames over ${connections} connections`);
    await until(() => listener.connections === 0, 5_000, 'fuzz connections gone');
    const client = await RawClient.open(port);
    cleanups.push(() => {
      client.socket.destroy();
    });
    client.write(bindPdu(2));
    expect(await answerTo(client, 2)).toMatchObject({ command: 'bind_transceiver_resp', command_status: 0 });
    client.write(textPdu('submit_sm', 3, 'still here?'));
    expect(await answerTo(client, 3)).toMatchObject({
      command: 'submit_sm_resp',
      command_status: 0,
      message_id: `sb-${submitted.length}`,
    });
    expect(submitted.at(-1)).toBe('still here?');
  }, 120_000);

  it(`${FRAMES} hostile frames from a carrier into an ESME session; then a deliver_sm is still acked`, async () => {
    const frames = hostileFrames(FRAMES, FUZZ_SEED + 2);
    let sent = 0;
    let binds = 0;
    let current: RawClient | undefined;
    const server: Server = createServer();
    const accepted: Socket[] = [];
    server.on('connection', (s: Socket) => accepted.push(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const s of accepted) s.destroy();
          server.close(() => r());
        }),
    );
    const delivered: ShortMessage[] = [];
    const session = new EsmeSession(
      bindConfig((server.address() as { port: number }).port, { enquireLinkSeconds: 3_600 }),
      {
        rebindBackoff: FAST_BACKOFF,
        onDeliver: async (m) => {
          delivered.push(m);
        },
      },
    ).start();
    cleanups.push(() => session.close());
    /** The carrier's side of the next connection: answers its bind and hands it over. */
    const nextConnection = async (): Promise<RawClient> => {
      await until(() => accepted.length > binds, 10_000, 'the ESME connecting');
      const client = RawClient.wrap(accepted[binds++]!);
      const bind = decodePdu((await client.frame(10_000))!);
      client.write(encodePdu('bind_transceiver_resp', bind.sequence_number, 0, { system_id: 'bad-carrier' }));
      return client;
    };
    let sync = 0x7fff0000;
    while (sent < FRAMES) {
      current = await nextConnection();
      while (sent < FRAMES && !current.closed) {
        const batch: Buffer[] = [];
        for (let i = 0; i < BATCH && sent < FRAMES; i++, sent++) batch.push(frames.next().value as Buffer);
        current.write(Buffer.concat([...batch, encodePdu('enquire_link', ++sync)]));
        if (!(await answerTo(current, sync))) break;
      }
    }
    expect(sent).toBe(FRAMES);
    console.log(`ESME fuzz: ${sent} frames over ${binds} binds`);
    await session.whenBound(10_000);
    const before = delivered.length;
    current!.write(textPdu('deliver_sm', 77, 'still here?'));
    expect(await answerTo(current!, 77)).toMatchObject({ command: 'deliver_sm_resp', command_status: 0 });
    expect(delivered.slice(before).map((m) => m.shortMessage.toString('latin1'))).toEqual(['still here?']);
  }, 120_000);
});
