import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchboardConfig } from '../../../config/schema.js';
import { startGateway, type Gateway } from '../../../smpp-gateway/service/gateway.js';
import { CarrierSimulator } from '../../../smpp-gateway/simulator/carrier-simulator.js';
import { bindConfig, FAST_BACKOFF } from '../smpp/support.js';
import { BIZ, GatewayHarness } from './support.js';

// The README's "one gateway per set of carrier binds": two gateway processes' worth of gateway
// (each its own binds, smpp.gatewayId and task queue) on one Temporal and one worker. Each
// conversation's replies must leave by the gateway, and so the carrier, it came in on; with one
// shared queue about half of them would be taken by the other gateway and sent on its carrier.

describe('two gateways with different binds: each reply leaves by the gateway holding its bind', () => {
  let h: GatewayHarness;
  let simB: CarrierSimulator;
  const gateways: Gateway[] = [];
  beforeAll(async () => {
    h = await GatewayHarness.start({ gateway: false });
    simB = new CarrierSimulator({ receiptDelayMs: 50 });
    await simB.start();
    const configFor = (gatewayId: string, bindId: string, port: number): SwitchboardConfig => ({
      ...h.config,
      temporal: { ...h.config.temporal, dataDir: mkdtempSync(join(tmpdir(), `sb-${gatewayId}-`)) },
      smpp: { ...h.config.smpp, gatewayId, binds: [bindConfig(port, { id: bindId, responseTimeoutSeconds: 5 })] },
    });
    for (const [gatewayId, bindId, port] of [
      ['gw-a', 'carrier-a', h.sim.port],
      ['gw-b', 'carrier-b', simB.port],
    ] as const) {
      const gateway = await startGateway({
        config: configFor(gatewayId, bindId, port),
        client: h.client,
        address: h.address,
        log: h.logs.log,
        session: { rebindBackoff: FAST_BACKOFF },
      });
      gateways.push(gateway);
      await gateway.whenBound();
    }
    await h.setStatus('alice', 'AVAILABLE');
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await simB?.stop();
    await h?.stop();
  });

  it('customers on carrier A and carrier B: every reply reaches the customer through their own carrier only', async () => {
    const conversations: { customer: string; sim: CarrierSimulator; other: CarrierSimulator; id?: string }[] = [];
    for (let i = 0; i < 4; i++) {
      conversations.push({
        customer: `+1555778000${i}`,
        sim: i % 2 === 0 ? h.sim : simB,
        other: i % 2 === 0 ? simB : h.sim,
      });
    }
    for (const c of conversations) {
      const mo = await c.sim.sendMo({ from: c.customer, to: BIZ, text: `Hello from ${c.customer}` });
      expect(mo.status).toBe(0);
      c.id = await h.conversationOf(c.customer);
      const offered = await h.until(c.id, (s) => s.status === 'OFFERED', 'an offer');
      expect(offered.ingress).toEqual({
        bindId: c.sim === h.sim ? 'carrier-a' : 'carrier-b',
        side: 'esme',
        gateway: c.sim === h.sim ? 'gw-a' : 'gw-b',
      });
      await h.act(c.id, { type: 'accept', agentId: 'alice' });
    }
    // Several replies each, so that a shared queue could not pass by luck.
    for (let round = 0; round < 3; round++) {
      for (const c of conversations) {
        const sent = await h.reply(c.id!, `Reply ${round} to ${c.customer}`);
        expect(await h.finalStatus(c.id!, sent.id)).toMatchObject({ deliveryStatus: 'DELIVERED' });
      }
    }
    for (const c of conversations) {
      const digits = c.customer.slice(1);
      expect(c.sim.mts.filter((m) => m.destination === digits).map((m) => m.text)).toEqual(
        [0, 1, 2].map((r) => `Reply ${r} to ${c.customer}`),
      );
      expect(c.other.mts.filter((m) => m.destination === digits)).toEqual([]);
    }
  }, 120_000);
});
