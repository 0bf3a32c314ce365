// Switchboard's rates as shares of the floor's, once both suites have given their rows: the MO
// rate (the target is 0.6) and the new-conversation rate against the floor's opening of
// as many workflows with the same signal, concurrency and bound on work not yet processed.
import { FLOOR_OPEN_ROW, FLOOR_ROW, MO_ROW, NEW_ROW, OPEN_ROW } from './mo-load.js';
import type { Row } from './stats.js';

const rateOf = (rows: Row[], name: string) => rows.find((r) => r.name === name)?.rate;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} (${a.toFixed(0)} / ${b.toFixed(0)}`;

export function floorRatioRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  const mo = rateOf(rows, MO_ROW);
  const floor = rateOf(rows, FLOOR_ROW);
  if (mo !== undefined && floor !== undefined && floor > 0)
    out.push({ name: 'MO rate / floor', unit: 'ratio', target: '>= 0.6', note: `${ratio(mo, floor)} msg/s)` });
  const open = rateOf(rows, OPEN_ROW);
  const fresh = rateOf(rows, NEW_ROW);
  const floorOpen = rateOf(rows, FLOOR_OPEN_ROW);
  if (open !== undefined && floorOpen !== undefined && floorOpen > 0) {
    const also = fresh === undefined ? '' : `; the 50-at-once new conversations: ${ratio(fresh, floorOpen)} conv/s)`;
    out.push({
      name: 'new-conversation rate / floor open rate',
      unit: 'ratio',
      note: `${ratio(open, floorOpen)} conv/s, the open phase: the same concurrency and bound as the floor's)${also}`,
    });
  }
  return out;
}
