import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { decodeOptionalSinglePayload } from '@temporalio/common/lib/internal-non-workflow/index.js';
import type { temporal } from '@temporalio/proto';
import { collectChunks, hasAll, type StashedChunk, type TakeChunkRequest } from '../workflows/contract/stash.js';

// The worker's half of the router's hand-over through history (workflows/router/carry-stash.ts).
// `stashChunk` only gives its input back: what matters is that the SDK records the result as a
// marker in the closing run's history. `takeChunk` reads that history back for the next run.

type Payload = temporal.api.common.v1.IPayload;

/** Hand-overs read at once on one worker (routers of several groups may hand over together). */
const CACHED_RUNS = 8;
/** History events a page: the server returns at least a whole batch (a task's events) a page. */
const PAGE = 16;

/** Every payload a MarkerRecorded event holds, whatever the SDK names its details. */
function markerPayloads(e: temporal.api.history.v1.IHistoryEvent): Payload[] {
  const details = e.markerRecordedEventAttributes?.details ?? {};
  return Object.values(details).flatMap((p) => p?.payloads ?? []);
}

/**
 * Reads the run's history from its end (the chunks are its last events), decoding each marker's
 * payloads with the client's data converter (so an encrypted history decodes too) until every
 * chunk is found. A history that ends first, or cannot be read, is an error: never a partial list.
 */
async function readChunks(client: Client, r: TakeChunkRequest): Promise<Map<number, StashedChunk>> {
  const found = new Map<number, StashedChunk>();
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: client.options.namespace,
      execution: { workflowId: r.workflowId, runId: r.runId },
      maximumPageSize: PAGE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    for (const e of page.history?.events ?? []) {
      const values: unknown[] = [];
      for (const p of markerPayloads(e)) {
        // Not every payload is ours (the SDK's own marker data among them): one that does not decode is skipped.
        values.push(await decodeOptionalSinglePayload(client.options.loadedDataConverter, p).catch(() => undefined));
      }
      collectChunks(found, values, r.runId);
    }
    if (hasAll(found, r.of)) return found;
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  const missing = [...Array(r.of).keys()].filter((i) => !found.has(i));
  throw ApplicationFailure.retryable(
    `Run ${r.runId} of ${r.workflowId} holds ${found.size} of its ${r.of} hand-over chunks (missing ${missing.slice(0, 5).join(', ')}).`,
    'HandOverIncomplete',
  );
}

export function historyStash(client: Client) {
  // The latest hand-overs read, by run: one read of a history serves all of its chunks.
  const cache = new Map<string, Promise<Map<number, StashedChunk>>>();
  const chunksOf = (r: TakeChunkRequest) => {
    const key = `${r.workflowId}\n${r.runId}`;
    let read = cache.get(key);
    if (read) {
      cache.delete(key); // re-inserted: the map's order is the order of use
    } else {
      read = readChunks(client, r);
      read.catch(() => cache.delete(key));
    }
    cache.set(key, read);
    while (cache.size > CACHED_RUNS) cache.delete(cache.keys().next().value!);
    return read;
  };
  return {
    stashChunk: async (chunk: StashedChunk) => chunk,
    async takeChunk(r: TakeChunkRequest): Promise<StashedChunk> {
      const chunk = (await chunksOf(r)).get(r.index);
      if (!chunk)
        throw ApplicationFailure.retryable(`No hand-over chunk ${r.index} in run ${r.runId}.`, 'HandOverIncomplete');
      return chunk;
    },
  };
}
