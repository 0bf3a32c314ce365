import { describe, expect, it } from 'vitest';
import { collectChunks, hasAll, isChunkOf, type StashedChunk } from '../../../workflows/contract/stash.js';
import { chunkEvents } from '../../../workflows/router/carry-stash.js';
import type { RouterEvent } from '../../../workflows/contract/inputs.js';

const chunk = (carry: string, index: number, entries: unknown[] = [0, 'id', 5]): StashedChunk => ({
  carry,
  index,
  kind: 'waiting',
  entries,
});
const route = (i: number): Extract<RouterEvent, { type: 'route' }> => ({
  type: 'route',
  conversationId: `sb:conv:${i}`,
  queueId: 'support',
  priorityAt: new Date(i).toISOString(),
});

describe('picking a hand-over chunk out of decoded marker payloads', () => {
  it('only a chunk tagged with the run is taken; other markers and other runs are not', () => {
    expect(isChunkOf(chunk('run-1', 0), 'run-1')).toBe(true);
    expect(isChunkOf(chunk('run-0', 0), 'run-1')).toBe(false); // a chunk the run took from its own predecessor
    expect(isChunkOf({ seq: 3, activity_id: '7', activity_type: 'stashChunk' }, 'run-1')).toBe(false); // the SDK's marker data
    expect(isChunkOf(undefined, 'run-1')).toBe(false); // a payload that did not decode
    expect(isChunkOf({ ...chunk('run-1', 0), kind: 'other' }, 'run-1')).toBe(false);
    expect(isChunkOf({ ...chunk('run-1', 0), index: -1 }, 'run-1')).toBe(false);
    expect(isChunkOf({ ...chunk('run-1', 0), index: 1.5 }, 'run-1')).toBe(false);
    expect(isChunkOf({ ...chunk('run-1', 0), entries: 'x' }, 'run-1')).toBe(false);
  });

  it('collects from a history read backwards, and knows when it has them all', () => {
    const found = new Map<number, StashedChunk>();
    collectChunks(found, [chunk('run-1', 2), { other: true }, chunk('run-0', 1)], 'run-1');
    expect(hasAll(found, 3)).toBe(false);
    collectChunks(found, [chunk('run-1', 1), chunk('run-1', 2, ['older'])], 'run-1');
    collectChunks(found, [chunk('run-1', 0)], 'run-1');
    expect(hasAll(found, 3)).toBe(true);
    expect(found.get(2)!.entries).toEqual([0, 'id', 5]); // the first seen (the latest written) stands
    expect(hasAll(new Map(), 0)).toBe(true);
  });
});

describe('late events in chunks', () => {
  it('keeps every event, in order, each chunk within the size unless one event alone is bigger', () => {
    const events = Array.from({ length: 50 }, (_, i) => route(i));
    const chunks = chunkEvents(events, 1024);
    expect(chunks.flat()).toEqual(events);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(1024);
    const big = chunkEvents([route(1), { ...route(2), conversationId: 'x'.repeat(2000) }, route(3)], 1024);
    expect(big.map((c) => c.length)).toEqual([1, 1, 1]);
    expect(chunkEvents([], 1024)).toEqual([]);
  });
});
