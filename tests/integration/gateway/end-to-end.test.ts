import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { BIZ, GatewayHarness } from './support.js';

describe('gateway end to end: MO to conversation, reply to carrier, receipt to conversation', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await GatewayHarness.start();
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('an MO becomes a conversation; the GSM reply reaches the carrier and its receipt makes it DELIVERED', async () => {
    const mo = await h.sim.sendMo({ from: '+15557770001', to: BIZ, text: 'Hi, my order is late' });
    expect(mo.statuses).toEqual([0]);
    const id = await h.conversationOf('+15557770001');
    const offered = await h.until(id, (s) => s.status === 'OFFERED', 'an offer');
    expect(offered.messages[0]).toMatchObject({ direction: 'INBOUND', text: 'Hi, my order is late', segments: 1 });
    expect(offered.ingress).toEqual({ bindId: 'carrier-a', side: 'esme' });
    await h.act(id, { type: 'accept', agentId: 'alice' });

    const sent = await h.reply(id, 'Sorry! Checking now: €5 refund {ok}');
    const final = await h.finalStatus(id, sent.id);
    expect(final).toMatchObject({ deliveryStatus: 'DELIVERED', segments: 1 });
    const mts = h.sim.mts.filter((m) => m.destination === '15557770001');
    expect(mts).toHaveLength(1);
    expect(mts[0]).toMatchObject({
      text: 'Sorry! Checking now: €5 refund {ok}',
      dataCoding: 0,
      source: '15551230000',
      parts: 1,
    });
    const part = h.sim.recorder.parts.find((p) => p.messageId === mts[0]!.messageIds[0])!;
    expect(part.registeredDelivery).toBe(1);
    await h.until(
      id,
      (s) => s.messages.find((m) => m.id === sent.id)?.carrierIds?.[0] === mts[0]!.messageIds[0],
      'carrier ids recorded',
    );
  });

  it('long replies go out in parts (GSM 153 per part, UCS-2 67 per part) and are DELIVERED once every part is', async () => {
    const id = await h.activeConversation('+15557770002');
    const gsm = 'Your parcel left our warehouse this morning. '.repeat(8).trim();
    const ucs2 = 'Ваш заказ отправлен сегодня утром 📦 — спасибо! '.repeat(4).trim();
    const a = await h.reply(id, gsm);
    const b = await h.reply(id, ucs2);
    expect(await h.finalStatus(id, a.id)).toMatchObject({ deliveryStatus: 'DELIVERED', segments: 3 });
    expect(await h.finalStatus(id, b.id)).toMatchObject({ deliveryStatus: 'DELIVERED', segments: 3 });
    const mts = h.sim.mts.filter((m) => m.destination === '15557770002');
    expect(mts.find((m) => m.text === gsm)).toMatchObject({ dataCoding: 0, parts: 3 });
    expect(mts.find((m) => m.text === ucs2)).toMatchObject({ dataCoding: 8, parts: 3 });
    expect(mts).toHaveLength(2);
  });

  it('a failed receipt makes the message FAILED with the carrier stat', async () => {
    const id = await h.activeConversation('+15557770003');
    h.sim.knobs.receiptStat = 'UNDELIV';
    try {
      const m = await h.reply(id, 'This one will not arrive');
      const final = await h.finalStatus(id, m.id);
      expect(final.deliveryStatus).toBe('FAILED');
      expect(final.detail).toMatch(/UNDELIV/);
    } finally {
      h.sim.knobs.receiptStat = 'DELIVRD';
    }
  });

  it('a permanent submit error fails the message with the reason and is not retried', async () => {
    const id = await h.activeConversation('+15557770004');
    const before = h.sim.knobs.submitTimes.length;
    h.sim.knobs.failNextSubmits(1, STATUS.ESME_RINVDSTADR);
    const m = await h.reply(id, 'Refused by the carrier');
    const final = await h.finalStatus(id, m.id);
    expect(final.deliveryStatus).toBe('FAILED');
    expect(final.detail).toMatch(/ESME_RINVDSTADR/);
    expect(h.sim.knobs.submitTimes.length - before).toBe(1);
    expect(h.sim.mts.some((x) => x.text === 'Refused by the carrier')).toBe(false);
  });

  it('throttling is retried by the bind and a temporary error by the activity; either way the text goes out once', async () => {
    const id = await h.activeConversation('+15557770005');
    h.sim.knobs.failNextSubmits(2, STATUS.ESME_RTHROTTLED);
    const throttled = await h.reply(id, 'After throttling');
    expect(await h.finalStatus(id, throttled.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
    h.sim.knobs.failNextSubmits(1, STATUS.ESME_RSYSERR);
    const temporary = await h.reply(id, 'After a system error');
    expect(await h.finalStatus(id, temporary.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
    expect(h.sim.mts.filter((m) => m.text === 'After throttling')).toHaveLength(1);
    expect(h.sim.mts.filter((m) => m.text === 'After a system error')).toHaveLength(1);
  });

  it("an agent's retry with the same clientMessageId never texts the customer twice", async () => {
    const id = await h.activeConversation('+15557770006');
    const [first, again] = await Promise.all([
      h.reply(id, 'Only once, please', 'client-1'),
      h.reply(id, 'Only once, please', 'client-1'),
    ]);
    const third = await h.reply(id, 'Only once, please', 'client-1');
    expect(again.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    await h.finalStatus(id, first.id);
    expect(h.sim.mts.filter((m) => m.text === 'Only once, please')).toHaveLength(1);
  });

  it('sendSms is idempotent on messageId: a concurrent duplicate waits, a retry gets the first result', async () => {
    const request = {
      conversationId: `${h.config.temporal.instance}:conv:not-a-workflow`,
      messageId: 'activity-retry-1',
      text: 'Idempotent send',
      businessNumber: BIZ,
      numberType: 'LONGCODE' as const,
      customerNumber: '+15557770007',
    };
    const [a, b] = await Promise.all([h.gateway!.sender.send(request), h.gateway!.sender.send(request)]);
    const c = await h.gateway!.sender.send(request);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.carrierIds).toHaveLength(1);
    expect(h.sim.mts.filter((m) => m.text === 'Idempotent send')).toHaveLength(1);
  });
});
