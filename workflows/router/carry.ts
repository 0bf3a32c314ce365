import {
  condition,
  defineSignal,
  getExternalWorkflowHandle,
  setHandler,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { QueueView } from '../domain/types.js';
import type { CoreActivities } from '../contract/activities.js';
import { signalOther } from '../runtime/signals.js';
import type { PackedRouter } from './compact.js';

/**
 * How runs before 'router-carry-in-history' handed over a list above the inline limit: a carrier
 * workflow (one per run, its id from the run's) got the chunks in signals and signalled them back
 * to the next run. It could lose events (docs/routing.md), so runs from that version on stash the
 * chunks in their own history instead (carry-stash.ts); this stays for runs that started with a
 * carrier (`carried` in their input) and for replaying them, and `routerCarryWorkflow` stays
 * registered until their carriers have ended. The chunking below serves both: a chunk is at most
 * `CARRY_CHUNK_BYTES` of JSON, far below a payload's 512 KB warning and 2 MB limit.
 */
export const CARRY_CHUNK_BYTES = 192 * 1024;
/**
 * Up to this the list crosses continue-as-new inline (two chunks, about 13,000 waiting in one
 * group), in one workflow task; above it, through the closing run's history in chunks
 * (carry-stash.ts). Either way an event arriving during the hand-over is kept (docs/routing.md),
 * and no payload passes Temporal's 512 KB warning. Changing it is replay-safe: the choice and the
 * continue-as-new are made in one task, so no recorded command ever follows from it.
 */
export const INLINE_MAX_BYTES = 2 * CARRY_CHUNK_BYTES;

const { startWorkflow } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 ms', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

type Entries = PackedRouter['waiting']['entries'];
interface Chunk {
  index: number;
  entries: Entries;
  /** How many chunks this hand-over has (a retried hand-over task may re-send with another count). */
  of?: number;
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
  let total = input.chunks;
  let to: string | undefined;
  // The latest send of a chunk wins: it comes from the attempt of the hand-over that completed.
  setHandler(carryChunkSignal, (c) => {
    held[c.index] = c.entries;
    if (c.of !== undefined) total = c.of;
  });
  setHandler(carryTakeSignal, (t) => void (to = t.to));
  const complete = () => [...Array(total).keys()].every((i) => held[i] !== undefined);
  await condition(() => to !== undefined && complete());
  const owner = getExternalWorkflowHandle(to!);
  for (let index = 0; index < total; index++) await owner.signal(carryChunkSignal, { index, entries: held[index]! });
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

/** The closing run's half before 'router-carry-in-history': the list, or the rest handed to a carrier. */
export async function carryOut(
  packed: PackedRouter,
  views: QueueView[],
  chunkBytes = CARRY_CHUNK_BYTES,
): Promise<{ packed: PackedRouter; carried?: Carried }> {
  const chunks = chunkEntries(packed.waiting.entries, chunkBytes);
  if (chunks.length <= 1 || chunks.length * chunkBytes <= INLINE_MAX_BYTES) return { packed };
  const info = workflowInfo();
  const carrier = `${info.workflowId}:carry:${info.runId}`;
  // From local activities, so the whole hand-over is one workflow task of this run: a signal that
  // arrives meanwhile makes the server refuse the continue-as-new and hand the task the signal
  // again, before anything was packed (a child start or signal command would take a task each).
  await startWorkflow({
    workflowId: carrier,
    workflowType: routerCarryWorkflow.name,
    taskQueue: info.taskQueue,
    args: [{ chunks: chunks.length }],
    searchAttributes: [],
  });
  for (const [index, entries] of chunks.entries())
    await signalOther(carrier, carryChunkSignal, { index, entries, of: chunks.length });
  const bytes = chunks.reduce((n, c) => n + JSON.stringify(c).length, 0);
  return {
    packed: { ...packed, waiting: { ...packed.waiting, entries: [] } },
    carried: { carrier, chunks: chunks.length, bytes, views },
  };
}

/** The next run's half of a carrier hand-over: asks the carrier and waits for every chunk, in order. */
export async function carryIn(packed: PackedRouter, carried: Carried): Promise<PackedRouter> {
  const got: Entries[] = [];
  setHandler(carryChunkSignal, (c) => void (got[c.index] = c.entries));
  await getExternalWorkflowHandle(carried.carrier).signal(carryTakeSignal, { to: workflowInfo().workflowId });
  await condition(() => got.filter(Boolean).length === carried.chunks);
  return { ...packed, waiting: { ...packed.waiting, entries: [...packed.waiting.entries, ...got.flat()] } };
}
