// The peer: Kannel's bearerbox submitting MTs to the same carrier simulator, at the same window
// and carrier round trip as the gateway's bind. The MTs are queued in bearerbox first (smsbox's
// sendsms, many requests at once, while the simulator refuses the bind), then the bind is let
// through, so what is timed is bearerbox draining its queue over SMPP: submit_sm/s at the
// simulator, first to last, as the gateway's row is read.
import { startKannel } from '../harness/kannel.js';
import { STATUS } from '../platform/smpp-codec/status.js';
import type { CarrierSimulator } from '../smpp-gateway/simulator/carrier-simulator.js';
import { ConditionMissed, type Reporter } from './reporter.js';
import { pool } from './stats.js';

const SYSTEM_ID = 'kannel';

/** submit_sm/s over the submits the simulator received from index `from` on: first to last. */
export function simulatorRate(sim: CarrierSimulator, from: number): { count: number; rate: number } {
  const times = sim.knobs.submitTimes.slice(from);
  const span = (times.at(-1)! - times[0]!) / 1000;
  return { count: times.length, rate: times.length > 1 && span > 0 ? (times.length - 1) / span : NaN };
}

export async function kannelRate(
  r: Reporter,
  sim: CarrierSimulator,
  window: number,
  count: number,
): Promise<{ rate: number; injectRate: number }> {
  // Refused binds keep bearerbox's SMSC link down while its queue fills.
  sim.knobs.failNextBinds(Number.MAX_SAFE_INTEGER, STATUS.ESME_RBINDFAIL);
  const kannel = await startKannel({ smscPort: sim.port, window, systemId: SYSTEM_ID });
  r.cleanup(() => kannel.stop());
  try {
    const injectStart = performance.now();
    await pool(
      [...Array(count).keys()],
      100,
      async (i) => {
        const to = `1555810${String(i % 10000).padStart(4, '0')}`;
        const res = await fetch(
          `${kannel.sendsmsUrl}&from=15551230000&to=${to}&text=${encodeURIComponent(`k${window} reply ${i}`)}`,
        );
        const body = await res.text();
        if (!/Accepted|Sent|Queued/i.test(body))
          throw new Error(`Kannel's sendsms refused an MT: ${res.status} ${body}`);
      },
      (done) => (r.progress(`MTs queued in Kannel (window ${window})`, done, count), r.check()),
    );
    const injectRate = count / ((performance.now() - injectStart) / 1000);
    const from = sim.knobs.submitTimes.length;
    const bound = new Promise<void>((resolve) => {
      const on = (b: { systemId: string }) => {
        if (b.systemId !== SYSTEM_ID) return;
        sim.off('bound', on);
        resolve();
      };
      sim.on('bound', on);
    });
    sim.knobs.failNextBinds(0, 0);
    await bound;
    while (sim.knobs.submitTimes.length - from < count) {
      r.progress(
        `submit_sm from Kannel at the simulator (window ${window})`,
        sim.knobs.submitTimes.length - from,
        count,
      );
      if (Date.now() > r.deadline)
        throw new ConditionMissed(
          `Kannel submitted ${sim.knobs.submitTimes.length - from} of ${count} MTs in the budget`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { rate: simulatorRate(sim, from).rate, injectRate };
  } finally {
    sim.knobs.failNextBinds(0, 0);
    await kannel.stop();
  }
}
