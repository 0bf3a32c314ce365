import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { STATUS } from '../../../platform/smpp-codec/status.js';
import { BIZ, GatewayHarness } from './support.js';
import { TcpProxy } from './tcp-proxy.js';

// A carrier waits about a second for each deliver_sm_resp here (responseTimeoutSeconds 1), so a
// part whose sibling is late is acked early (after 0.8 s). From then on it is the gateway's to
// keep: through a Temporal that refuses the completed message, and through a restart. And a
// submit_sm written before a restart and never answered is not sent a second time.

describe('gateway restart safety: early-acked parts and unanswered submits', () => {
  let h: GatewayHarness;
  let proxy: TcpProxy;
  // Under the 0.8 s hold, so a refusal reaches the carrier before the hold would ack the part.
  const options = { signalTimeoutMs: 500 };
  beforeAll(async () => {
    proxy = await TcpProxy.start(inject('temporalAddress'));
    h = await GatewayHarness.start({
      bind: { responseTimeoutSeconds: 1 },
      gatewayAddress: proxy.address,
      gatewayOptions: options,
    });
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    proxy?.restore();
    await h?.stop();
    await proxy?.close();
  });

  const twoParts = (ref: number, text: string) => segmentText(text, { mode: 'udh8', ref });
  const text = (who: string) => `${who}: ${'this one needs two parts, the first acked early. '.repeat(4)}`.trim();
  const twoOnly = (parts: ReturnType<typeof twoParts>) => {
    expect(parts).toHaveLength(2);
    return parts;
  };

  it('an early-acked part survives a slow Temporal refusing its completed message: it goes with the resent sibling', async () => {
    const customer = '+15557773001';
    const [first, second] = twoOnly(twoParts(11, text('slow')));
    expect((await h.sim.sendMo({ from: customer, to: BIZ, parts: [first!] })).status).toBe(0); // acked early
    expect(h.logs.lines.some((l) => /acked before its message was complete/.test(l.message))).toBe(true);
    proxy.cut();
    try {
      expect((await h.sim.sendMo({ from: customer, to: BIZ, parts: [second!] })).status).toBe(STATUS.ESME_RX_T_APPN);
    } finally {
      proxy.restore();
    }
    // The carrier resends only what was refused: part 2.
    await expect
      .poll(async () => (await h.sim.sendMo({ from: customer, to: BIZ, parts: [second!] })).status, {
        timeout: 20_000,
        interval: 500,
      })
      .toBe(0);
    const id = await h.conversationOf(customer);
    const s = await h.until(id, (st) => st.messages.length > 0, 'the message');
    expect(s.messages[0]).toMatchObject({ direction: 'INBOUND', text: text('slow'), segments: 2 });
    expect(s.messages[0]!.detail).toBeUndefined(); // complete, not "parts never arrived"
  });

  it('an early-acked part survives a restart; a submit written before the restart and never answered is not resent', async () => {
    const customer = '+15557773002';
    const [first, second] = twoOnly(twoParts(12, text('restart')));
    expect((await h.sim.sendMo({ from: customer, to: BIZ, parts: [first!] })).status).toBe(0);
    await h.gateway!.stop();
    await h.gatewayClient?.connection.close();
    // What a crash between writing a submit_sm and its response leaves in the state file.
    appendFileSync(
      join(h.config.temporal.dataDir, `gateway-${h.config.temporal.instance}.jsonl`),
      `${JSON.stringify({ k: 'try', m: 'msg-crashed', c: 'conv-x', i: 0, n: 1, r: 5, b: 'carrier-a', s: 'esme', at: Date.now() })}\n`,
    );
    await h.startGateway(proxy.address, options);
    expect(h.logs.lines.some((l) => /early-acked MO parts restored/.test(l.message) && l.fields?.parts === 1)).toBe(
      true,
    );
    expect((await h.sim.sendMo({ from: customer, to: BIZ, parts: [second!] })).status).toBe(0);
    const id = await h.conversationOf(customer);
    const s = await h.until(id, (st) => st.messages.length > 0, 'the message');
    expect(s.messages[0]).toMatchObject({ text: text('restart'), segments: 2 });

    const retry = h.gateway!.sender.send({
      conversationId: 'conv-x',
      messageId: 'msg-crashed',
      text: 'Your code is 1234',
      businessNumber: BIZ,
      numberType: 'LONGCODE',
      customerNumber: '+15557773003',
    });
    await expect(retry).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(retry).rejects.toMatchObject({
      type: 'SMS_UNCONFIRMED',
      nonRetryable: true,
      message: expect.stringMatching(/^Not confirmed/),
    });
    expect(h.sim.mts.filter((m) => m.destination === '15557773003')).toEqual([]);
  });
});
