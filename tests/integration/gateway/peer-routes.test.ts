import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGsm7 } from '../../../platform/smpp-codec/gsm7.js';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { SmppCommandError } from '../../../smpp-gateway/session/errors.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { bindConfig, FAST_BACKOFF } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';

// Routes and receipts belong to their peer (issue 10), over real SMPP with a real Temporal: a
// listener account acts only within its scope, an MO from another peer never moves a
// conversation's egress, a peer's receipt settles only MTs sent to it, and the caps hold.
const ESME_RINVMSGLEN = 0x01;
const ESME_RINVSRCADR = 0x0a;

describe('gateway: routes and receipts belong to their peer; hostile volumes are capped', () => {
  let h: GatewayHarness;
  let peer: EsmeSession;
  const toPeer: ShortMessage[] = [];
  beforeAll(async () => {
    h = await GatewayHarness.start({
      // The carrier's own receipts are held back, so only the ones a test sends arrive.
      simulator: { receiptDelayMs: 120_000 },
      listen: {
        accounts: [{ systemId: 'aggregator-b', password: 'secret2', numbers: [BIZ], sourcePrefixes: ['+1555777'] }],
      },
      limits: { maxOpenMultipartPerPeer: 2 },
    });
    await h.setStatus('alice', 'AVAILABLE');
    peer = new EsmeSession(
      bindConfig(h.gateway!.listenerPort!, { id: 'agg', systemId: 'aggregator-b', password: 'secret2' }),
      {
        rebindBackoff: FAST_BACKOFF,
        onDeliver: async (m) => {
          toPeer.push(m);
        },
      },
    ).start();
    await peer.whenBound(5_000);
  });
  afterAll(async () => {
    await peer?.close();
    await h?.stop();
  });

  const submitAs = (from: string, to: string, text: string) =>
    peer.submit({ source: from, destination: to, parts: [{ shortMessage: encodeGsm7(text), dataCoding: 0 }] });

  it('a scoped listener account cannot submit for another business number (ESME_RINVDSTADR) or from a customer outside its prefixes (ESME_RINVSRCADR)', async () => {
    await expect(submitAs('+15557779001', '12345', 'for the short code')).rejects.toMatchObject({
      status: STATUS.ESME_RINVDSTADR,
    });
    await expect(submitAs('+447700900123', BIZ, 'from abroad')).rejects.toMatchObject({ status: ESME_RINVSRCADR });
    expect(h.logs.lines.filter((l) => /outside the account's scope/.test(l.message))).toHaveLength(2);
    await expect(submitAs('+15557779002', BIZ, 'within scope')).resolves.toMatchObject({
      messageIds: [expect.stringMatching(/^mo-/)],
    });
  });

  it('an MO from another peer claiming the customer never moves the egress: the reply leaves by the bind the conversation came in on', async () => {
    const customer = '+15557779010';
    const id = await h.activeConversation(customer, 'I came in through carrier-a');
    await submitAs(customer, BIZ, 'me again, via the aggregator');
    const s = await h.until(
      id,
      (st) => st.messages.some((m) => m.text === 'me again, via the aggregator'),
      'second MO in the conversation',
    );
    expect(s.ingress).toEqual({ bindId: 'carrier-a', side: 'esme' });
    const reply = await h.reply(id, 'Answer to you, on carrier-a');
    await h.until(
      id,
      (st) => st.messages.find((m) => m.id === reply.id)?.deliveryStatus === 'SUBMITTED',
      'reply submitted',
    );
    expect(h.sim.mts.filter((m) => m.text === 'Answer to you, on carrier-a')).toHaveLength(1);
    expect(toPeer.filter((m) => m.destination.addr === customer.slice(1))).toHaveLength(0);
  });

  it('a receipt from the listener peer for a carrier-a message id settles nothing; the same receipt from carrier-a does', async () => {
    const id = await h.activeConversation('+15557779020', 'receipts please');
    const reply = await h.reply(id, 'Track me');
    const sent = await h.until(
      id,
      (st) => (st.messages.find((m) => m.id === reply.id)?.carrierIds?.length ?? 0) > 0,
      'carrier id',
    );
    const carrierId = sent.messages.find((m) => m.id === reply.id)!.carrierIds![0]!;
    const receipt = Buffer.from(
      `id:${carrierId} sub:001 dlvrd:000 submit date:2601011200 done date:2601011201 stat:UNDELIV err:001 text:`,
      'latin1',
    );
    await peer.submit({
      source: '+15557779020',
      destination: BIZ,
      parts: [{ shortMessage: receipt, dataCoding: 0, esmClass: 0x04 }],
    });
    expect(h.logs.lines.some((l) => /not sent on this bind/.test(l.message) && l.fields?.bind === 'aggregator-b')).toBe(
      true,
    );
    expect((await h.state(id)).messages.find((m) => m.id === reply.id)?.deliveryStatus).toBe('SUBMITTED');
    const mo = await h.sim.sendMo({
      from: '+15557779020',
      to: BIZ,
      parts: [{ shortMessage: receipt, dataCoding: 0, esmClass: 0x04 }],
    });
    expect(mo.status).toBe(0);
    expect(await h.finalStatus(id, reply.id)).toMatchObject({ deliveryStatus: 'FAILED' });
  });

  it('an MO over 10,000 characters (message_payload) is refused ESME_RINVMSGLEN; 10,000 is taken', async () => {
    const long = (n: number) => ({
      source: '+15557779030',
      destination: BIZ,
      parts: [{ shortMessage: Buffer.alloc(0), dataCoding: 0, tlvs: { message_payload: Buffer.alloc(n, 0x61) } }],
    });
    const refused = await peer.submit(long(10_001)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SmppCommandError);
    expect((refused as SmppCommandError).status).toBe(ESME_RINVMSGLEN);
    await expect(peer.submit(long(10_000))).resolves.toMatchObject({ messageIds: [expect.stringMatching(/^mo-/)] });
  });

  it('a peer opening more multipart messages than smpp.limits.maxOpenMultipartPerPeer gets ESME_RMSGQFUL', async () => {
    const firstPart = (ref: number) => segmentText('x'.repeat(400), { mode: 'udh8', ref })[0]!;
    const open = [1, 2].map((ref) => h.sim.sendMo({ from: '+15557779040', to: BIZ, parts: [firstPart(ref)] }));
    // Same connection, so the gateway reads (and holds) both before the third.
    const third = await h.sim.sendMo({ from: '+15557779040', to: BIZ, parts: [firstPart(3)] });
    expect(third.status).toBe(STATUS.ESME_RMSGQFUL);
    expect(h.logs.lines.some((l) => /reassembly full/.test(l.message))).toBe(true);
    expect((await Promise.all(open)).map((r) => r.status)).toEqual([0, 0]); // acked early after the hold, and kept
  });
});
