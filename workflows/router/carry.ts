import {
  ParentClosePolicy,
  condition,
  defineSignal,
  getExternalWorkflowHandle,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { QueueView } from '../domain/types.js';
import type { PackedRouter } from './compact.js';

/**
 * A waiting list too big for one payload crosses continue-as-new in chunks: the closing run starts
 * a carrier workflow (one per run, its id from the run's) and signals it the chunks; the next run
 * asks the carrier for them and it signals them back, then ends. Each chunk is at most
 * `chunkBytes` of JSON, so no input, signal or history event gets near Temporal's 2 MB payload
 * limit (or its 512 KB warning); the history of each side holds the list once (50 MB allows
 * about 1.5 million waiting in one group).
 */
export const CARRY_CHUNK_BYTES = 192 * 1024;

type Entries = PackedRouter['waiting']['entries'];
interface Chunk {
  index: number;
  entries: Entries;
}
export interface Carried {
  carrier: string;
  chunks: number;
  /** JSON bytes of the entries carried: the part of the next run's history they take. */
  bytes: number;
  /** The queues as they were, for `queues` while the next run waits for the chunks. */
  views?: QueueView[];
}

export const carryChunkSignal = defineSignal<[Chunk]>('carryChunk');
export const carryTakeSignal = defineSignal<[{ to: string }]>('carryTake');

/** Holds one hand-over's chunks until the next run asks, gives them back in order, and ends. */
export async function routerCarryWorkflow(input: { chunks: number }): Promise<void> {
  const held: Entries[] = [];
  let to: string | undefined;
  setHandler(carryChunkSignal, (c) => void (held[c.index] = c.entries));
  setHandler(carryTakeSignal, (t) => void (to = t.to));
  await condition(() => to !== undefined && held.filter(Boolean).length === input.chunks);
  const owner = getExternalWorkflowHandle(to!);
  for (let index = 0; index < input.chunks; index++)
    await owner.signal(carryChunkSignal, { index, entries: held[index]! });
}

/** The JSON size of one [queue, id, priorityAt] triple and its commas, without stringifying. */
function tripleBytes(entries: Entries, i: number): number {
  const size = (v: number | string | undefined) => (typeof v === 'number' ? String(v).length : String(v).length + 2);
  return size(entries[i]) + size(entries[i + 1]) + size(entries[i + 2]) + 3;
}

/** Splits the packed list into chunks of at most `chunkBytes`; one chunk or none stays inline. */
export function chunkEntries(entries: Entries, chunkBytes: number): Entries[] {
  const chunks: Entries[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < entries.length; i += 3) {
    const b = tripleBytes(entries, i);
    if (bytes + b > chunkBytes && i > start) {
      chunks.push(entries.slice(start, i));
      start = i;
      bytes = 2;
    }
    bytes += b;
  }
  if (start < entries.length) chunks.push(entries.slice(start));
  return chunks;
}

/** The closing run's half: what goes into the next run's input, the rest handed to a carrier. */
export async function carryOut(
  packed: PackedRouter,
  views: QueueView[],
  chunkBytes = CARRY_CHUNK_BYTES,
): Promise<{ packed: PackedRouter; carried?: Carried }> {
  const chunks = chunkEntries(packed.waiting.entries, chunkBytes);
  if (chunks.length <= 1) return { packed };
  const info = workflowInfo();
  const carrier = `${info.workflowId}:carry:${info.runId}`;
  const child = await startChild(routerCarryWorkflow, {
    workflowId: carrier,
    args: [{ chunks: chunks.length }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  for (const [index, entries] of chunks.entries()) await child.signal(carryChunkSignal, { index, entries });
  const bytes = chunks.reduce((n, c) => n + JSON.stringify(c).length, 0);
  return {
    packed: { ...packed, waiting: { ...packed.waiting, entries: [] } },
    carried: { carrier, chunks: chunks.length, bytes, views },
  };
}

/** The next run's half: asks the carrier and waits for every chunk, in order. */
export async function carryIn(packed: PackedRouter, carried: Carried): Promise<PackedRouter> {
  const got: Entries[] = [];
  setHandler(carryChunkSignal, (c) => void (got[c.index] = c.entries));
  await getExternalWorkflowHandle(carried.carrier).signal(carryTakeSignal, { to: workflowInfo().workflowId });
  await condition(() => got.filter(Boolean).length === carried.chunks);
  return { ...packed, waiting: { ...packed.waiting, entries: [...packed.waiting.entries, ...got.flat()] } };
}
