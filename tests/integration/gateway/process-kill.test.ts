import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { segmentText } from '../../../platform/smpp-codec/segment.js';
import { startProcess, writeConfigFile, type Child } from '../../../harness/child-process.js';
import { waitForEvent } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';
import { TcpProxy } from './tcp-proxy.js';

// The gateway as its own process (stack/main/gateway.ts), killed between Temporal taking an MO and
// the carrier getting its ack: the carrier redelivers and the conversation still shows it once.
describe('gateway process killed with an MO not yet acknowledged', () => {
  let h: GatewayHarness;
  let proxy: TcpProxy;
  let configPath: string;
  let gateway: Child | undefined;

  async function startGatewayProcess(): Promise<Child> {
    const bound = waitForEvent(h.sim, 'bound', () => true, 60_000);
    const child = await startProcess(
      'stack/main/gateway.ts',
      { SWITCHBOARD_CONFIG: configPath, SWITCHBOARD_TEMPORAL_ADDRESS: proxy.address },
      /gateway ready/,
    );
    await bound;
    return child;
  }

  beforeAll(async () => {
    proxy = await TcpProxy.start(inject('temporalAddress'));
    h = await GatewayHarness.start({ gateway: false, simulator: { receiptDelayMs: 3_000 } });
    configPath = writeConfigFile(h.config);
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    await h?.stop();
    await proxy?.close();
  });

  it('SIGKILL after the signal reached Temporal, before the ack: the redelivered MO is recognised and shown once', async () => {
    gateway = await startGatewayProcess();
    const customer = '+15557773001';
    const parts = segmentText('Where is my refund?', { mode: 'udh8', ref: 5 });

    // Temporal takes the signal but its answer never reaches the gateway, so no ack is sent.
    proxy.holdResponses();
    const first = h.sim.sendMo({ from: customer, to: BIZ, parts }).then(
      (r) => ({ acked: r.status === 0 }),
      () => ({ acked: false }),
    );
    const id = await h.conversationOf(customer);
    await gateway.kill('SIGKILL');
    expect(await first).toEqual({ acked: false });
    proxy.restore();

    gateway = await startGatewayProcess();
    const redelivered = await h.sim.sendMo({ from: customer, to: BIZ, parts });
    expect(redelivered.status).toBe(0);
    // A later message from the same customer still gets through, so the redelivery was the one dropped.
    expect((await h.sim.sendMo({ from: customer, to: BIZ, text: 'Hello?' })).status).toBe(0);
    const s = await h.until(id, (st) => st.messages.some((m) => m.text === 'Hello?'), 'the later message');
    expect(s.messages.filter((m) => m.direction === 'INBOUND').map((m) => m.text)).toEqual([
      'Where is my refund?',
      'Hello?',
    ]);
    expect((await h.thread(customer)).conversations).toEqual([id]);
  });

  it('the same text sent again after it was acked is a new message, not a redelivery', async () => {
    const customer = '+15557773002';
    expect((await h.sim.sendMo({ from: customer, to: BIZ, text: 'ok' })).status).toBe(0);
    expect((await h.sim.sendMo({ from: customer, to: BIZ, text: 'ok' })).status).toBe(0);
    const id = await h.conversationOf(customer);
    const s = await h.until(id, (st) => st.messages.filter((m) => m.text === 'ok').length === 2, 'both texts');
    expect(new Set(s.messages.map((m) => m.id)).size).toBe(2);
  });

  it('a receipt that arrives after a restart still finds its message (the carrier-id file)', async () => {
    const id = await h.activeConversation('+15557773003');
    const m = await h.reply(id, 'Receipt after restart');
    await h.until(id, (s) => s.messages.find((x) => x.id === m.id)?.deliveryStatus === 'SUBMITTED', 'submitted');
    // The receipt comes 3 s after the submit: to the restarted process, or kept by the simulator
    // while nobody is bound (as a carrier does) and handed over on the rebind.
    await gateway!.kill('SIGKILL');
    expect((await h.state(id)).messages.find((x) => x.id === m.id)?.deliveryStatus).toBe('SUBMITTED');
    gateway = await startGatewayProcess();
    expect(await h.finalStatus(id, m.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
  });
});
