// A router's runs, read back from its histories: the largest input, payload, history and task
// completion any run had, and how its waiting list was handed over (through history or a carrier).
import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import {
  bytes,
  completedBy,
  eventPayloadBytes,
  startInput,
  stashesOf,
  temporalEventBytes,
  type Event,
} from './history-events.js';

export interface RunSizes {
  workflowId: string;
  runs: number;
  /** Biggest start input of any run: the state it carried. */
  maxInput: number;
  /** Biggest payload of any event of any run, carriers included. */
  maxPayload: number;
  maxHistoryBytes: number;
  carriers: number;
  /** Runs that started from a list stashed in the previous run's history. */
  stashed: number;
  /** The latest run has begun stashing its list (a hand-over through history is under way). */
  handingOver: boolean;
  /** The most bytes of events one workflow task's completion wrote (markers, commands). */
  maxTaskBytes: number;
  /** What the latest carrier was given: the packed waiting list's JSON bytes at the last hand-over. */
  lastCarriedBytes: number;
}

/**
 * A client for reading routers' histories: the server pages history by the batches it wrote (a
 * workflow task's new events: many signals), so one page can pass gRPC's default 4 MB.
 */
export async function historyClient(address: string): Promise<Client> {
  const connection = await Connection.connect({
    address,
    channelArgs: { 'grpc.max_receive_message_length': 64 * 1024 * 1024 },
  });
  return new Client({ connection });
}

/** A run's history a few events a page. */
async function* historyEvents(client: Client, workflowId: string, runId?: string): AsyncGenerator<Event> {
  let nextPageToken: Uint8Array | undefined;
  do {
    const page: temporal.api.workflowservice.v1.IGetWorkflowExecutionHistoryResponse =
      await client.workflowService.getWorkflowExecutionHistory({
        namespace: client.options.namespace,
        execution: { workflowId, ...(runId ? { runId } : {}) },
        maximumPageSize: 4,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
    yield* page.history?.events ?? [];
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
}

/** Walks a router's runs back from the latest (each start names the run it continues) and its carriers. */
export async function runSizes(client: Client, workflowId: string): Promise<RunSizes> {
  const out: RunSizes = {
    workflowId,
    runs: 0,
    maxInput: 0,
    maxPayload: 0,
    maxHistoryBytes: 0,
    carriers: 0,
    stashed: 0,
    handingOver: false,
    maxTaskBytes: 0,
    lastCarriedBytes: 0,
  };
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  const carriers: string[] = [];
  while (runId) {
    let previous: string | undefined;
    let historyBytes = 0;
    const tasks = new Map<string, number>();
    out.runs++;
    for await (const e of historyEvents(client, workflowId, runId)) {
      const started = e.workflowExecutionStartedEventAttributes;
      if (started) {
        out.maxInput = Math.max(out.maxInput, bytes(started.input));
        previous = started.continuedExecutionRunId || undefined;
        if (startInput(started.input).stashed) out.stashed++;
      }
      if (out.runs === 1 && !out.handingOver) out.handingOver = stashesOf(e, runId);
      const size = temporalEventBytes(e);
      historyBytes += size;
      const task = completedBy(e);
      if (task) tasks.set(task, (tasks.get(task) ?? 0) + size);
      out.maxPayload = Math.max(out.maxPayload, eventPayloadBytes(e));
      const child = e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (child) carriers.push(child);
    }
    out.maxHistoryBytes = Math.max(out.maxHistoryBytes, historyBytes);
    out.maxTaskBytes = Math.max(out.maxTaskBytes, ...tasks.values());
    runId = previous;
  }
  // Walked from the latest run back: the first carrier listed is the latest.
  for (const [i, carrier] of carriers.entries()) {
    for await (const e of historyEvents(client, carrier)) {
      out.maxPayload = Math.max(out.maxPayload, eventPayloadBytes(e));
      const signal = e.workflowExecutionSignaledEventAttributes;
      if (i === 0 && signal?.signalName === 'carryChunk') out.lastCarriedBytes += bytes(signal.input);
    }
  }
  out.carriers = carriers.length;
  return out;
}
