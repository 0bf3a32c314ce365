// The router's hand-over through its own history (workflows/router/carry-stash.ts): the closing
// run records each chunk as the result of a trivial local activity, so the chunk is a marker in
// that run's history; the next run's local activity reads that history and picks the chunk out.
// Pure: the tag and how a chunk is recognised, shared by the workflow and the worker.

/** One chunk as recorded: tagged with the run that recorded it and its place in the hand-over. */
export interface StashedChunk {
  /** The run id of the closing run: a chunk read back from any other run is not this hand-over's. */
  carry: string;
  index: number;
  /** Waiting entries (packed triples) or router events that came in during the hand-over. */
  kind: 'waiting' | 'late';
  entries: unknown[];
}

/** What the next run asks for: one chunk of the previous run's hand-over. */
export interface TakeChunkRequest {
  workflowId: string;
  /** The closing run, whose history holds the chunks. */
  runId: string;
  index: number;
  /** How many chunks the hand-over has: a reader can stop once it has seen them all. */
  of: number;
}

/** Whether a decoded payload is a chunk of this hand-over (any other marker, or a chunk of another run, is not). */
export function isChunkOf(value: unknown, runId: string): value is StashedChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<StashedChunk>;
  return (
    c.carry === runId &&
    Number.isInteger(c.index) &&
    c.index! >= 0 &&
    (c.kind === 'waiting' || c.kind === 'late') &&
    Array.isArray(c.entries)
  );
}

/**
 * Collects this hand-over's chunks from decoded payloads (a history read from its end, any order).
 * The committed history holds each index once (a refused task's markers are never written); should
 * it hold one twice, the first seen (the latest written, reading backwards) stands.
 */
export function collectChunks(into: Map<number, StashedChunk>, values: readonly unknown[], runId: string): void {
  for (const v of values) if (isChunkOf(v, runId) && !into.has(v.index)) into.set(v.index, v);
}

/** Whether every chunk 0..of-1 has been seen. */
export function hasAll(found: ReadonlyMap<number, StashedChunk>, of: number): boolean {
  for (let i = 0; i < of; i++) if (!found.has(i)) return false;
  return true;
}
