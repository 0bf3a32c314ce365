import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { decodePdu, encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { answerTo, textPdu } from './hand-made-pdus.js';
import { bindConfig, FAST_BACKOFF, RawClient, until, waitForEvent } from './support.js';

// The ESME side against a carrier gone bad (issue 10): a raw SMSC that answers the bind and then
// sends what it likes. The session answers or drops the link; it never throws and never hangs.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function badCarrier(
  overrides: Parameters<typeof bindConfig>[1] = {},
  onDeliver: () => Promise<void> = async () => undefined,
) {
  const accepted: Socket[] = [];
  const server: Server = createServer((s) => accepted.push(s));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const session = new EsmeSession(bindConfig((server.address() as { port: number }).port, overrides), {
    rebindBackoff: FAST_BACKOFF,
    onDeliver,
  }).start();
  cleanups.push(() => session.close());
  // Runs first: with the carrier gone, the session's unbind does not wait for an answer.
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const s of accepted) s.destroy();
        server.close(() => r());
      }),
  );
  let taken = 0;
  /** The carrier's end of the session's next connection, bound. */
  const next = async (): Promise<RawClient> => {
    await until(() => accepted.length > taken, 10_000, 'the ESME connecting');
    const carrier = RawClient.wrap(accepted[taken++]!);
    const bind = decodePdu((await carrier.frame())!);
    carrier.write(encodePdu('bind_transceiver_resp', bind.sequence_number, 0, { system_id: 'bad-carrier' }));
    return carrier;
  };
  return { session, next };
}

describe('ESME session against a hostile carrier', () => {
  it("the issue's packet from the carrier (enquire_link with a 0-length 2-byte TLV) gets generic_nack ESME_RINVTLVLEN; the bind stays up", async () => {
    const { session, next } = await badCarrier();
    const carrier = await next();
    await session.whenBound();
    carrier.write(Buffer.from('000000140000001500000000000000070204' + '0000', 'hex'));
    expect(await answerTo(carrier, 7)).toMatchObject({
      command: 'generic_nack',
      command_status: STATUS.ESME_RINVTLVLEN,
    });
    carrier.write(textPdu('deliver_sm', 8));
    expect(await answerTo(carrier, 8)).toMatchObject({ command: 'deliver_sm_resp', command_status: 0 });
    expect(session.state).toBe('bound');
  });

  it('a framing error from the carrier: nack, the socket destroyed within a second, and the session rebinds', async () => {
    const { session, next } = await badCarrier();
    const carrier = await next();
    await session.whenBound();
    const started = Date.now();
    const unbound = waitForEvent(session, 'unbound');
    carrier.write(Buffer.from('ffffffff000000050000000000000009', 'hex'));
    expect(await answerTo(carrier, 9)).toMatchObject({
      command: 'generic_nack',
      command_status: STATUS.ESME_RINVCMDLEN,
    });
    expect(await carrier.frame()).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await unbound)[0]).toMatch(/framing error/);
    await next();
    await session.whenBound(5_000);
  });

  it('deliver_sm beyond the inbound window is answered ESME_RTHROTTLED, not queued', async () => {
    const { next } = await badCarrier({ inboundWindow: 2 }, () => new Promise(() => undefined));
    const carrier = await next();
    for (const seq of [11, 12, 13]) carrier.write(textPdu('deliver_sm', seq));
    expect(await answerTo(carrier, 13)).toMatchObject({
      command: 'deliver_sm_resp',
      command_status: STATUS.ESME_RTHROTTLED,
    });
  });

  it('drops the link after two unanswered enquire_links and rebinds', async () => {
    const { session, next } = await badCarrier({ enquireLinkSeconds: 0.1, responseTimeoutSeconds: 0.1 });
    await next(); // reads nothing more: our enquire_links go unanswered
    await session.whenBound();
    const [reason] = await waitForEvent<[string]>(session, 'unbound', undefined, 5_000);
    expect(reason).toMatch(/dead link: 2 enquire_link unanswered/);
    await next();
  });
});
