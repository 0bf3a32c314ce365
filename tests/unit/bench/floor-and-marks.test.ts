import { describe, expect, it } from 'vitest';
import { blockRates, milestones, rssCurve } from '../../../bench/milestones.js';
import { firstNotDone } from '../../../bench/floor/handled.js';
import { floorRatioRows } from '../../../bench/floor-ratio.js';
import { createReporter, type Handoff } from '../../../bench/reporter.js';
import { FLOOR_OPEN_ROW, FLOOR_ROW, MO_ROW, NEW_ROW, OPEN_ROW } from '../../../bench/mo-load.js';

// The bench's readings while conversations open, the floor's pacing estimate and the ratio rows.
describe('marks while opening', () => {
  it('takes one reading per multiple reached, the RSS only then, and an end mark', () => {
    let rssReads = 0;
    const rss = () => 500 + 100 * ++rssReads;
    const m = milestones(1_000, 500, 0);
    m.record(900, 10_000, rss);
    m.record(1_010, 25_000, rss); // overshoots 1,000: stands for it, the rate uses 1,010
    m.record(1_005, 26_000, rss); // an older read landing late changes nothing
    m.record(2_300, 90_000, rss); // a read that jumps past 2,000 stands for 2,000 only
    m.end(2_640, 110_000, rss);
    expect(rssReads).toBe(3);
    expect(m.marks.map((x) => x.label)).toEqual([1_000, 2_000, 2_640]);
    expect(rssCurve(m.marks)).toBe('1,000: 600 MB, 2,000: 700 MB, 2,640: 800 MB');
    expect(blockRates(m.start, m.marks)).toBe('500-1,000: 20.4/s, 1,000-2,000: 19.8/s, 2,000-2,640: 17.0/s');
  });

  it('adds no end mark for a tail of stragglers within a tenth of a block of the last mark', () => {
    const m = milestones(1_000, 0, 0);
    m.record(1_000, 50_000, () => 700);
    m.end(1_003, 54_000, () => 710);
    expect(rssCurve(m.marks)).toBe('1,000: 700 MB');
    expect(blockRates(m.start, m.marks)).toBe('0-1,000: 20.0/s');
  });
});

describe("the floor's count of workflows processed", () => {
  it('finds the first not processed in few reads', async () => {
    for (const [from, to, firstPending] of [
      [0, 1_000, 613],
      [600, 1_000, 613],
      [0, 1_000, 0],
      [0, 1_000, 1_000],
      [5, 5, 5],
    ] as const) {
      let reads = 0;
      const got = await firstNotDone(from, to, async (i) => (reads++, i < firstPending));
      expect(got).toBe(firstPending);
      expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(to - from + 2)) + 1);
    }
  });
});

describe('ratio rows', () => {
  it('prints both ratios once both suites gave their rates, none before', () => {
    expect(floorRatioRows([{ name: MO_ROW, rate: 24, unit: 'msg/s' }])).toEqual([]);
    const rows = floorRatioRows([
      { name: NEW_ROW, rate: 19, unit: 'conv/s' },
      { name: OPEN_ROW, rate: 20, unit: 'conv/s' },
      { name: MO_ROW, rate: 24, unit: 'msg/s' },
      { name: FLOOR_OPEN_ROW, rate: 80, unit: 'conv/s' },
      { name: FLOOR_ROW, rate: 120, unit: 'msg/s' },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['MO rate / floor', 'new-conversation rate / floor open rate']);
    expect(rows[0]!.note).toBe('0.20 (24 / 120 msg/s)');
    expect(rows[1]!.note).toMatch(/^0\.25 \(20 \/ 80 conv\/s.*0\.24 \(19 \/ 80 conv\/s\)$/);
  });
});

describe('the hand-off between suites', () => {
  it("gives a later suite's reporter what an earlier one recorded in the same run", () => {
    const handoff: Handoff = {};
    createReporter(60, handoff).handoff.openConversations = 3_696;
    expect(createReporter(60, handoff).handoff.openConversations).toBe(3_696);
    expect(createReporter(60).handoff.openConversations).toBeUndefined();
  });
});
