import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { encodePdu } from '../../../smpp-gateway/session/pdu.js';
import { until, waitForEvent } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';
import { TcpProxy } from './tcp-proxy.js';

describe('gateway faults: carrier drops, Temporal unreachable, malformed PDUs', () => {
  let h: GatewayHarness;
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await TcpProxy.start(inject('temporalAddress'));
    h = await GatewayHarness.start({
      bind: { windowSize: 2 },
      gatewayAddress: proxy.address,
      gatewayOptions: { signalTimeoutMs: 1_500 },
    });
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    proxy?.restore();
    await h?.stop();
    await proxy?.close();
  });

  it('the carrier drops the bind with submits in flight: queued ones go out once after the rebind, in-flight ones fail visibly, none twice', async () => {
    const id = await h.activeConversation('+15557772001');
    h.sim.knobs.submitDelayMs = 1_000;
    const texts = ['drop 1', 'drop 2', 'drop 3', 'drop 4'];
    const sent = [];
    for (const t of texts) sent.push(await h.reply(id, t));
    await until(() => h.sim.knobs.inFlightSubmits === 2, 10_000, 'two submits in flight');
    const rebound = waitForEvent(h.sim, 'bound');
    h.sim.knobs.submitDelayMs = 0;
    h.sim.dropConnections();
    await rebound;
    const finals = await Promise.all(sent.map((m) => h.finalStatus(id, m.id)));
    const failed = finals.filter((m) => m.deliveryStatus === 'FAILED');
    expect(failed).toHaveLength(2);
    for (const f of failed) expect(f.detail).toMatch(/Not confirmed: the carrier connection dropped/);
    expect(finals.filter((m) => m.deliveryStatus === 'DELIVERED')).toHaveLength(2);
    // The simulator acts on a submit even when the link dies before it answers, as carriers do.
    await until(() => texts.every((t) => h.sim.mts.some((m) => m.text === t)), 10_000, 'all four at the carrier');
    for (const t of texts) expect(h.sim.mts.filter((m) => m.text === t)).toHaveLength(1);
  });

  it('Temporal unreachable: the carrier gets ESME_RX_T_APPN and retries; nothing is lost and it flows again when Temporal is back', async () => {
    const id = await h.activeConversation('+15557772002');
    proxy.cut();
    const parts = segmentText('Are you still there?', { mode: 'udh8', ref: 1 });
    const refused = await h.sim.sendMo({ from: '+15557772002', to: BIZ, parts });
    expect(refused.status).toBe(STATUS.ESME_RX_T_APPN);
    expect(refused.ackMs).toBeLessThan(4_000);
    const reply = await h.reply(id, 'Sent while the gateway cannot reach Temporal');
    const refusedNew = await h.sim.sendMo({ from: '+15557772003', to: BIZ, text: 'New customer during the outage' });
    expect(refusedNew.status).toBe(STATUS.ESME_RX_T_APPN);

    proxy.restore();
    // The carrier's retry: the same PDU again.
    await expect
      .poll(async () => (await h.sim.sendMo({ from: '+15557772002', to: BIZ, parts })).status, {
        timeout: 20_000,
        interval: 500,
      })
      .toBe(0);
    expect(await h.finalStatus(id, reply.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
    const s = await h.until(id, (st) => st.messages.some((m) => m.text === 'Are you still there?'), 'the retried MO');
    expect(s.messages.filter((m) => m.text === 'Are you still there?')).toHaveLength(1);
    expect((await h.sim.sendMo({ from: '+15557772003', to: BIZ, text: 'New customer during the outage' })).status).toBe(
      0,
    );
    const other = await h.state(await h.conversationOf('+15557772003'));
    expect(other.messages.filter((m) => m.direction === 'INBOUND').map((m) => m.text)).toEqual([
      'New customer during the outage',
    ]);
  });

  it('a delivery receipt that cannot reach the conversation is refused, resent by the carrier, and lands later', async () => {
    const id = await h.activeConversation('+15557772004');
    const atCarrier = waitForEvent<[{ text: string }]>(h.sim, 'part', (p) => p.text === 'Receipt during an outage');
    const refusedReceipt = waitForEvent<[{ status: number }]>(h.sim, 'receipt', (r) => r.status !== 0);
    const m = await h.reply(id, 'Receipt during an outage');
    await atCarrier;
    proxy.cut(); // before the receipt, which the simulator sends 50 ms after the submit
    expect((await refusedReceipt)[0].status).toBe(STATUS.ESME_RX_T_APPN);
    proxy.restore();
    expect(await h.finalStatus(id, m.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
  });

  it('malformed and truncated PDUs: generic_nack or a rebind, no crash, and the next MO flows', async () => {
    const nacks: number[] = [];
    h.sim.on('pdu', (pdu: { command: string; command_status: number }) => {
      if (pdu.command === 'generic_nack') nacks.push(pdu.command_status);
    });
    const unknown = Buffer.alloc(16);
    unknown.writeUInt32BE(16, 0);
    unknown.writeUInt32BE(0x999, 4);
    unknown.writeUInt32BE(0, 8);
    unknown.writeUInt32BE(77, 12);
    h.sim.sendRaw(unknown);
    const whole = encodePdu('deliver_sm', 78, 0, {
      source_addr: '15557772005',
      destination_addr: '15551230000',
      short_message: Buffer.from('cut'),
    });
    const cut = Buffer.from(whole.subarray(0, 30));
    cut.writeUInt32BE(30, 0);
    h.sim.sendRaw(cut);
    await until(() => nacks.length === 2, 5_000, 'two generic_nacks');
    expect(nacks).toEqual([STATUS.ESME_RINVCMDID, STATUS.ESME_RINVCMDLEN]);
    expect((await h.sim.sendMo({ from: '+15557772005', to: BIZ, text: 'after junk' })).status).toBe(0);

    const rebound = waitForEvent(h.sim, 'bound');
    const broken = Buffer.alloc(16);
    broken.writeUInt32BE(8, 0);
    h.sim.sendRaw(broken);
    await rebound;
    await h.gateway!.whenBound();
    expect((await h.sim.sendMo({ from: '+15557772005', to: BIZ, text: 'after a broken frame' })).status).toBe(0);
    const s = await h.state(await h.conversationOf('+15557772005'));
    expect(s.messages.map((m) => m.text)).toEqual(['after junk', 'after a broken frame']);
  });
});
