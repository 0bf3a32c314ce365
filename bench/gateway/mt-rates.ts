// MT submit_sm/s on one bind at windows 10 and 50, the gateway's and then Kannel's bearerbox's on
// the same simulator, window and carrier delay, read at the simulator for both (first to last).
import { encodeGsm7 } from '../../platform/smpp-codec/gsm7.js';
import type { Gateway } from '../../smpp-gateway/service/gateway.js';
import type { CarrierSimulator } from '../../smpp-gateway/simulator/carrier-simulator.js';
import { kannelRate, simulatorRate } from '../kannel-peer.js';
import type { Reporter } from '../reporter.js';
import { latencyRow } from '../stats.js';
import { BIZ, TOLL_FREE } from './config.js';

/** A carrier's submit_sm round trip; without one the window is never the limit on loopback. */
const CARRIER_DELAY_MS = 20;

async function mtRate(gateway: Gateway, business: string, count: number, tag: string): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      gateway.sender.send({
        conversationId: 'bench:conv:none',
        messageId: `${tag}-${i}`,
        text: `${tag} reply ${i}`,
        businessNumber: business,
        numberType: business === BIZ ? 'LONGCODE' : 'TOLL_FREE',
        customerNumber: '+15558100000',
      }),
    ),
  );
  return count / ((performance.now() - started) / 1000);
}

export async function measureMtRates(r: Reporter, sim: CarrierSimulator, gateway: Gateway): Promise<void> {
  sim.knobs.submitDelayMs = CARRIER_DELAY_MS;
  const w10 = gateway.sessions.get('w10')!;
  const rtts: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await w10.submit({
      source: BIZ,
      destination: '+15558100000',
      parts: [{ shortMessage: encodeGsm7(`rtt ${i}`), dataCoding: 0 }],
    });
    rtts.push(performance.now() - t);
  }
  const rtt = latencyRow(`submit_sm round trip (simulated carrier delay ${CARRIER_DELAY_MS} ms)`, rtts);
  r.row(rtt);
  const gatewayRates = new Map<number, number>();
  for (const [window, business] of [
    [10, BIZ],
    [50, TOLL_FREE],
  ] as const) {
    r.progress(`MTs through the gateway, window ${window}`, 0, window * 100);
    await mtRate(gateway, business, 200, `warm${window}`);
    const from = sim.knobs.submitTimes.length;
    const rate = await mtRate(gateway, business, window * 100, `w${window}`);
    const atSim = simulatorRate(sim, from).rate;
    gatewayRates.set(window, atSim);
    const theoretical = (window * 1000) / rtt.p50!;
    r.row({
      name: `MT submit_sm rate, one bind, window ${window}: gateway`,
      rate: Math.round(atSim),
      unit: 'submit_sm/s',
      note: `at the simulator, first to last; ${Math.round(rate)}/s send() to answer; window/RTT = ${Math.round(theoretical)}/s, achieved ${Math.round((atSim / theoretical) * 100)} %`,
    });
    r.check();
  }
  // The peer, on the same simulator, window and carrier delay.
  for (const window of [10, 50]) {
    const kannel = await kannelRate(r, sim, window, window * 100);
    const ours = gatewayRates.get(window)!;
    r.row({
      name: `MT submit_sm rate, one bind, window ${window}: Kannel bearerbox`,
      rate: Math.round(kannel.rate),
      unit: 'submit_sm/s',
      note: `at the simulator, first to last, queued in bearerbox first (sendsms took ${Math.round(kannel.injectRate)}/s)`,
    });
    r.row({
      name: `gateway submit_sm/s vs Kannel, window ${window}`,
      unit: 'ratio',
      target: '>= 1 (>= Kannel)',
      note: `${(ours / kannel.rate).toFixed(2)} (${Math.round(ours)} / ${Math.round(kannel.rate)} submit_sm/s)`,
    });
  }
}
