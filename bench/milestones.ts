// Readings taken while a count grows (conversations opened): the time and the worker's RSS when
// the count first reaches each multiple of `every`, so the table can show whether memory
// plateaus once the worker's cache is full and whether each block of conversations costs more
// than the one before as the router's waiting list grows.

export interface Mark {
  /** The count read (it may overshoot the multiple it stands for: reads are a second apart). */
  count: number;
  /** The multiple of `every` it stands for, or the count itself for the end mark. */
  label: number;
  /** When it was read, ms (performance.now()). */
  at: number;
  rssMb: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/** Marks from (`startCount` at `startAt`), one per multiple of `every` reached, plus an end mark. */
export function milestones(every: number, startCount: number, startAt: number) {
  const marks: Mark[] = [];
  let reached = Math.floor(startCount / every);
  let last = startCount;
  return {
    marks,
    start: { count: startCount, at: startAt },
    /** A count read at `at`; `rss` is read only when a multiple is crossed. */
    record(count: number, at: number, rss: () => number) {
      if (count <= last) return;
      last = count;
      const now = Math.floor(count / every);
      if (now > reached) {
        reached = now;
        marks.push({ count, label: now * every, at, rssMb: rss() });
      }
    },
    /**
     * The final count, unless within a tenth of a block of the last mark: a few stragglers routed
     * after it would read as a block of their own at a meaningless rate.
     */
    end(count: number, at: number, rss: () => number) {
      last = Math.max(last, count);
      if (count - (marks.at(-1)?.count ?? startCount) >= every / 10)
        marks.push({ count, label: count, at, rssMb: rss() });
    },
  };
}

/** "1,000: 700 MB, 2,000: 900 MB, 2,640: 950 MB". */
export function rssCurve(marks: Mark[]): string {
  return marks.map((m) => `${n(m.label)}: ${m.rssMb.toFixed(0)} MB`).join(', ');
}

/** Per block between marks: "500-1,000: 21/s, 1,000-2,000: 19/s", counts and times as read. */
export function blockRates(start: { count: number; at: number }, marks: Mark[]): string {
  const out: string[] = [];
  let from = { label: start.count, count: start.count, at: start.at };
  for (const m of marks) {
    const seconds = (m.at - from.at) / 1000;
    if (seconds > 0 && m.count > from.count)
      out.push(`${n(from.label)}-${n(m.label)}: ${((m.count - from.count) / seconds).toFixed(1)}/s`);
    from = m;
  }
  return out.join(', ');
}
