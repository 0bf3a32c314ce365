import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGsm7 } from '../../../platform/smpp-codec/gsm7.js';
import { decodeShortMessage } from '../../../platform/smpp-codec/data-coding.js';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { EsmeSession } from '../../../smpp-gateway/session/esme-session.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import type { ShortMessage } from '../../../smpp-gateway/session/messages.js';
import { rejection } from '../../support/failures.js';
import { bindConfig, FAST_BACKOFF, until } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';

const LONG =
  'I ordered a blue jacket three weeks ago and it still has not arrived. The tracking page says it left the warehouse but nothing since. Can you check what happened? Order 55123, thanks.';

describe('gateway inbound: keywords, routing, multi-part MOs and the listener', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await GatewayHarness.start({ reassemblyTimeoutSeconds: 1, listen: true });
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('STOP blocks replies until START; the transcript says so', async () => {
    const id = await h.activeConversation('+15557771001');
    expect((await h.sim.sendMo({ from: '+15557771001', to: BIZ, text: 'Stop.' })).status).toBe(0);
    await h.until(id, (s) => s.optedOut, 'opted out');
    const refused = await rejection(h.act(id, { type: 'send', agentId: 'alice', text: 'Are you sure?' }));
    expect(refused.code).toBe('NOT_ALLOWED');
    expect((await h.sim.sendMo({ from: '+15557771001', to: BIZ, text: 'START' })).status).toBe(0);
    await h.until(id, (s) => !s.optedOut, 'opted back in');
    const m = await h.reply(id, 'Welcome back');
    expect(await h.finalStatus(id, m.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
    expect(h.sim.mts.filter((x) => x.destination === '15557771001').map((x) => x.text)).toEqual(['Welcome back']);
    const s = await h.state(id);
    expect(s.messages.filter((x) => x.direction === 'INBOUND').map((x) => x.text)).toEqual([
      'Hello, I need help with my order',
      'Stop.',
      'START',
    ]);
  });

  it('HELP is answered automatically with smpp.helpText, from the business number, on the same bind', async () => {
    expect((await h.sim.sendMo({ from: '+15557771002', to: BIZ, text: 'help' })).status).toBe(0);
    await until(() => h.sim.mts.some((m) => m.destination === '15557771002'), 10_000, 'the help answer');
    const answer = h.sim.mts.find((m) => m.destination === '15557771002')!;
    expect(answer).toMatchObject({ text: h.config.smpp.helpText, source: '15551230000' });
    const thread = await h.thread('+15557771002');
    expect(thread.keywords.map((k) => k.keyword)).toEqual(['HELP']);
  });

  it('an MO to an unknown business number is refused with ESME_RINVDSTADR and logged', async () => {
    const mo = await h.sim.sendMo({ from: '+15557771003', to: '+15559990000', text: 'Anyone there?' });
    expect(mo.status).toBe(STATUS.ESME_RINVDSTADR);
    expect(h.logs.lines.some((l) => /unknown business number/.test(l.message) && l.fields?.to === '+15559990000')).toBe(
      true,
    );
  });

  it('a multi-part MO sent in reverse order is joined, each part acked once the whole message is in Temporal', async () => {
    const parts = segmentText(LONG, { mode: 'udh8', ref: 77 });
    expect(parts.length).toBeGreaterThan(1);
    const mo = await h.sim.sendMo({ from: '+15557771004', to: BIZ, parts: [...parts].reverse() });
    expect(mo.statuses).toEqual(parts.map(() => 0));
    const id = await h.conversationOf('+15557771004');
    const s = await h.state(id);
    expect(s.messages[0]).toMatchObject({ text: LONG, segments: parts.length });
    expect(s.messages[0]!.detail).toBeUndefined();
  });

  it('16-bit UDH and sar_* TLVs are joined too', async () => {
    for (const [customer, mode] of [
      ['+15557771005', 'udh16'],
      ['+15557771006', 'sar'],
    ] as const) {
      const mo = await h.sim.sendMo({ from: customer, to: BIZ, parts: segmentText(LONG, { mode, ref: 4242 }) });
      expect(mo.status).toBe(0);
      const s = await h.state(await h.conversationOf(customer));
      expect(s.messages[0]).toMatchObject({ text: LONG, segments: 2 });
    }
  });

  it('a multi-part MO with a part missing is delivered marked incomplete after the timeout; its parts wait for that', async () => {
    const parts = segmentText(`${LONG} ${LONG}`, { mode: 'udh8', ref: 99 });
    expect(parts.length).toBe(3);
    const mo = await h.sim.sendMo({ from: '+15557771007', to: BIZ, parts: [parts[0]!, parts[2]!] });
    expect(mo.statuses).toEqual([0, 0]);
    expect(mo.ackMs).toBeGreaterThanOrEqual(900);
    const s = await h.state(await h.conversationOf('+15557771007'));
    expect(s.messages[0]!.detail).toMatch(/never arrived/);
    expect(s.messages[0]!.segments).toBe(3);
    expect(s.messages[0]!.text.startsWith(LONG.slice(0, 100))).toBe(true);
  });

  it('listener: a peer binds to smpp.listen, submits an MO, and receives the reply as deliver_sm', async () => {
    const received: ShortMessage[] = [];
    const peer = new EsmeSession(
      bindConfig(h.gateway!.listenerPort!, { id: 'agg', systemId: 'aggregator-b', password: 'secret2' }),
      {
        rebindBackoff: FAST_BACKOFF,
        onDeliver: async (m) => {
          received.push(m);
        },
      },
    );
    peer.start();
    try {
      await peer.whenBound(5_000);
      const submitted = await peer.submit({
        source: '+15557771008',
        destination: BIZ,
        parts: [{ shortMessage: encodeGsm7('Hello from the aggregator'), dataCoding: 0 }],
      });
      expect(submitted.messageIds[0]).toMatch(/^mo-/);
      const id = await h.conversationOf('+15557771008');
      await h.until(id, (s) => s.status === 'OFFERED', 'an offer');
      expect((await h.state(id)).ingress).toEqual({ bindId: 'aggregator-b', side: 'listener' });
      await h.act(id, { type: 'accept', agentId: 'alice' });
      const m = await h.reply(id, 'Hi, this is Alice');
      await until(() => received.length > 0, 10_000, 'the reply as deliver_sm');
      expect(received[0]!.destination.addr).toBe('15557771008');
      expect(decodeShortMessage(received[0]!.dataCoding, received[0]!.shortMessage)).toBe('Hi, this is Alice');
      await h.until(id, (s) => s.messages.find((x) => x.id === m.id)?.deliveryStatus === 'SUBMITTED', 'submitted');
      expect(h.sim.mts.some((x) => x.text === 'Hi, this is Alice')).toBe(false);
    } finally {
      await peer.close();
    }
  });
});
