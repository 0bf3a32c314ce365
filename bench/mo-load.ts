// The MO load the workflow suite and the floor share, so the floor is measured on the same work:
// as many signals, into as many open workflows, as many in flight, polled as often.
import type { Row } from './stats.js';

export const INBOUND = Number(process.env.BENCH_INBOUND_MESSAGES ?? 3000);
/** Open workflows the MOs are spread over, and MOs in flight at once. */
export const INBOUND_TARGETS = 50;
export const INBOUND_CONCURRENCY = 100;
/** Counting what every workflow has seen is a heavy probe: once a second. */
export const INBOUND_POLL_MS = 1000;
/** The MO text of the n-th message: the same payload size in both suites. */
export const moText = (n: number) => `msg ${n}`;

export const MO_ROW = 'inbound messages into open conversations';
export const FLOOR_ROW = 'floor: the same signals into a trivial workflow';

/** Switchboard's MO rate as a share of the floor's, when both ran; the target is 0.6. */
export function floorRatioRow(rows: Row[]): Row | undefined {
  const mo = rows.find((r) => r.name === MO_ROW)?.rate;
  const floor = rows.find((r) => r.name === FLOOR_ROW)?.rate;
  if (mo === undefined || floor === undefined || !(floor > 0)) return undefined;
  return {
    name: 'MO rate / floor',
    unit: 'ratio',
    target: '>= 0.6',
    note: `${(mo / floor).toFixed(2)} (${mo.toFixed(0)} / ${floor.toFixed(0)} msg/s)`,
  };
}
