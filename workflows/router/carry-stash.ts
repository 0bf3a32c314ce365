import { log, patched, proxyLocalActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { CoreActivities } from '../contract/activities.js';
import type { RouterEvent } from '../contract/inputs.js';
import type { StashedChunk } from '../contract/stash.js';
import type { QueueView } from '../domain/types.js';
import { CARRY_CHUNK_BYTES, INLINE_MAX_BYTES, carryOut, chunkEntries, type Carried } from './carry.js';
import type { PackedRouter } from './compact.js';

/**
 * Above `INLINE_MAX_BYTES` the waiting list crosses continue-as-new through the closing run's own
 * history (docs/routing.md): each chunk is the result of a local activity, so a marker of that run,
 * written with the task that ran it; the next run's local activities read them back from that
 * history (worker/history-stash.ts) and record them again as its own markers. No other workflow
 * holds anything, and nothing is signalled, so nothing can be lost between two workflows.
 */
export interface Stashed {
  /** The closing run: its history holds the chunks (read within the namespace's retention). */
  runId: string;
  /** Chunks 0..waiting-1 hold waiting entries; the next `late` chunks hold events, oldest first. */
  waiting: number;
  late: number;
  /** JSON bytes of all chunks: the part of the next run's history they take. */
  bytes: number;
  /** The queues as they were, for `queues` while the next run reads the chunks back. */
  views?: QueueView[];
}

/** Chunks recorded by one workflow task: its completion stays under ~1 MB (gRPC allows 4 MB). */
export const CHUNKS_PER_TASK = 4;
/** Events of the hand-over up to this go in the next run's input; the rest are stashed first. */
export const LATE_INLINE_BYTES = 192 * 1024;

type Entries = PackedRouter['waiting']['entries'];
export interface HandOver {
  packed: PackedRouter;
  carried?: Carried;
  stashed?: Stashed;
}

const { stashChunk, takeChunk } = proxyLocalActivities<CoreActivities>({
  startToCloseTimeout: '30 seconds',
  // A history that cannot be read is retried for ever, loudly (the worker logs each failure):
  // the next run never goes on with part of its list.
  retry: { initialInterval: '200 ms', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Splits events into chunks of at most `chunkBytes` of JSON (one event bigger than that alone). */
export function chunkEvents(events: readonly RouterEvent[], chunkBytes: number): RouterEvent[][] {
  const chunks: RouterEvent[][] = [];
  let bytes = 2;
  for (const e of events) {
    const b = JSON.stringify(e).length + 1;
    if (chunks.length === 0 || (bytes + b > chunkBytes && chunks[chunks.length - 1]!.length > 0)) {
      chunks.push([]);
      bytes = 2;
    }
    chunks[chunks.length - 1]!.push(e);
    bytes += b;
  }
  return chunks;
}

/** A task boundary every `CHUNKS_PER_TASK` chunks: what came before is committed history. */
function tasks(): () => Promise<void> {
  let inTask = 0;
  return async () => {
    if (inTask++ < CHUNKS_PER_TASK) return;
    inTask = 1;
    await sleep(1);
  };
}

/**
 * The closing run's half. `views` gives the queues as the run's live state has them (late events
 * applied), for `queues` while the next run reads the list back. `late` is the run's own list of events that arrive from the hand-over
 * on (the state is packed): while it is over `LATE_INLINE_BYTES` its head is stashed too, and what
 * is left goes in the next run's input. The last task records its chunks and continues as new at
 * once: a signal that arrives meanwhile makes the server refuse it, and the task runs again with
 * the signal in `late`; the chunks of that refused task were never written.
 */
export async function handOver(
  packed: PackedRouter,
  views: () => QueueView[],
  late: RouterEvent[],
  opts: { carryBytes?: number; inlineMaxBytes?: number },
): Promise<HandOver> {
  const chunkBytes = opts.carryBytes ?? CARRY_CHUNK_BYTES;
  const chunks = chunkEntries(packed.waiting.entries, chunkBytes);
  if (chunks.length <= 1 || chunks.length * chunkBytes <= (opts.inlineMaxBytes ?? INLINE_MAX_BYTES)) return { packed };
  // Runs before this version handed the list to a carrier workflow: they replay doing so.
  if (!patched('router-carry-in-history')) return carryOut(packed, views(), opts.carryBytes);
  const runId = workflowInfo().runId;
  const boundary = tasks();
  let index = 0;
  let bytes = 0;
  const put = async (kind: StashedChunk['kind'], entries: unknown[]) => {
    await boundary();
    await stashChunk({ carry: runId, index: index++, kind, entries });
    bytes += JSON.stringify(entries).length;
  };
  for (const c of chunks) await put('waiting', c);
  const waiting = index;
  const lateInline = Math.min(LATE_INLINE_BYTES, opts.inlineMaxBytes ?? INLINE_MAX_BYTES);
  while (JSON.stringify(late).length > lateInline)
    for (const c of chunkEvents(late.splice(0), chunkBytes)) await put('late', c);
  const empty = { ...packed, waiting: { ...packed.waiting, entries: [] } };
  // The queues as the next run will have them once it has applied `late` too.
  return { packed: empty, stashed: { runId, waiting, late: index - waiting, bytes, views: views() } };
}

/** The next run's half: every chunk back, in order, or no progress at all (the activity retries). */
export async function takeStash(
  packed: PackedRouter,
  s: Stashed,
): Promise<{ packed: PackedRouter; late: RouterEvent[] }> {
  const info = workflowInfo();
  if (info.continuedFromExecutionRunId !== s.runId)
    log.warn('hand-over from a run this one does not continue', {
      from: s.runId,
      continued: info.continuedFromExecutionRunId,
    });
  const boundary = tasks();
  const entries: Entries[] = [];
  const late: RouterEvent[] = [];
  const of = s.waiting + s.late;
  for (let index = 0; index < of; index++) {
    await boundary();
    const c = await takeChunk({ workflowId: info.workflowId, runId: s.runId, index, of });
    const kind = index < s.waiting ? 'waiting' : 'late';
    if (c.index !== index || c.kind !== kind)
      throw new Error(`Hand-over chunk ${index} of ${s.runId} is not a ${kind} chunk.`);
    if (kind === 'waiting') entries.push(c.entries as Entries);
    else late.push(...(c.entries as RouterEvent[]));
  }
  return { packed: { ...packed, waiting: { ...packed.waiting, entries: entries.flat() } }, late };
}
