import { describe, expect, it } from 'vitest';
import { packRouter, packWaiting, unpackRouter, unpackWaiting, loadRouter } from '../../../workflows/router/compact.js';
import { byAge, emptyRouter, type Waiting } from '../../../workflows/router/model.js';
import { chunkEntries } from '../../../workflows/router/carry.js';
import { reduce } from '../../../workflows/router/rules.js';
import { at, router } from './fixtures.js';

const uuid = (i: number) =>
  `${i.toString(16).padStart(8, '0')}-0a1b-4c2d-8e3f-${(i * 7919).toString(16).padStart(12, '0')}`;
const entry = (i: number, queueId: string, priorityAt: string, seq = i + 1): Waiting => ({
  conversationId: `sb-test:conv:${uuid(i)}`,
  queueId,
  priorityAt,
  seq,
});

describe('what a router carries across continue-as-new', () => {
  it('the waiting list comes back the same, in service order, with seq renumbered', () => {
    const waiting = [
      entry(3, 'support', at(9)),
      entry(1, 'sales', at(3)),
      entry(2, 'sales', at(3)), // a tie on priorityAt: arrival order (seq) decides
      { ...entry(4, 'sales', '2025-03-01T09:00:05Z'), conversationId: 'elsewhere:odd-id' }, // not canonical, not a uuid
      { ...entry(5, 'support', at(1)), conversationId: 'sb-test:conv:not-a-uuid' },
    ];
    const back = unpackWaiting(JSON.parse(JSON.stringify(packWaiting(waiting))));
    const sorted = [...waiting].sort(byAge);
    expect(back.map(({ seq: _seq, ...w }) => w)).toEqual(sorted.map(({ seq: _seq, ...w }) => w));
    expect(back.map((w) => w.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a router state comes back whole and keeps serving oldest first', () => {
    const r = router();
    r.step({ type: 'route', conversationId: `sb-test:conv:${uuid(1)}`, queueId: 'support', priorityAt: at(9) }, at(20));
    r.step({ type: 'route', conversationId: `sb-test:conv:${uuid(2)}`, queueId: 'support', priorityAt: at(3) }, at(21));
    const back = unpackRouter(JSON.parse(JSON.stringify(packRouter(r.state))));
    expect(back.agents).toEqual(r.state.agents);
    expect(back.waiting.map((w) => w.conversationId)).toEqual(r.state.waiting.map((w) => w.conversationId));
    expect(back.seq).toBeGreaterThanOrEqual(Math.max(...back.waiting.map((w) => w.seq)));
  });

  it('a state carried before packing (unsorted) is read and sorted', () => {
    const state = { ...emptyRouter(), waiting: [entry(1, 'sales', at(5), 1), entry(2, 'sales', at(1), 2)], seq: 2 };
    expect(loadRouter({ state })!.waiting.map((w) => w.priorityAt)).toEqual([at(1), at(5)]);
    expect(loadRouter({})).toBeUndefined();
  });

  it('about 30 bytes of JSON a waiting conversation', () => {
    const waiting = Array.from({ length: 10_000 }, (_, i) => entry(i, `q${i % 7}`, at(i * 0.25)));
    const bytes = JSON.stringify(packWaiting(waiting)).length;
    expect(bytes / waiting.length).toBeLessThan(32);
  });
});

describe('a waiting list bigger than one chunk', () => {
  it('is cut into chunks of at most the bound, which put back together are the list', () => {
    const waiting = Array.from({ length: 5_000 }, (_, i) => entry(i, `q${i % 3}`, at(i)));
    const { entries } = packWaiting(waiting);
    const chunks = chunkEntries(entries, 16 * 1024);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(JSON.stringify(c).length).toBeLessThanOrEqual(16 * 1024);
      expect(c.length % 3).toBe(0); // whole triples only
    }
    expect(chunks.flat()).toEqual(entries);
    expect(chunkEntries(entries.slice(0, 30), 16 * 1024)).toHaveLength(1);
    expect(chunkEntries([], 16 * 1024)).toEqual([]);
  });
});

describe('a batch that owns its waiting list', () => {
  it('routes insert in place, in service order, with the same result as copying', () => {
    const pure = router();
    const owned = router();
    owned.state = { ...owned.state, waiting: owned.state.waiting.slice() };
    const list = owned.state.waiting;
    for (const [id, p] of [
      ['c3', 9],
      ['c1', 1],
      ['c2', 5],
      ['c1', 1],
    ] as const) {
      const e = { type: 'route' as const, conversationId: id, queueId: 'support', priorityAt: at(p) };
      pure.state = reduce(pure.state, e, at(20)).state;
      owned.state = reduce(owned.state, e, at(20), { ownsWaiting: true }).state;
    }
    expect(owned.state.waiting).toBe(list);
    expect(owned.state).toEqual(pure.state);
    expect(owned.state.waiting.map((w) => w.conversationId)).toEqual(['c1', 'c2', 'c3']);
  });
});
