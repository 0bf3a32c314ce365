import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import proto, { type temporal } from '@temporalio/proto';
import type { SwitchboardConfig } from '../config/schema.js';
import { testConfig } from './test-config.js';
import { routerBatchSignal, type RouterSignalEvent } from '../workflows/contract/definitions.js';
import { conversationIdFor } from '../workflows/contract/ids.js';
import type { Routers } from '../platform/temporal/routers.js';

/**
 * A contact center of several routing groups for router load (the scale test and the router
 * bench): sales+support (alice, bob, carol), q-a+q-b (dave), q-c (erin), q-d (nobody).
 */
export function groupedConfig(options: { historyLimit?: number; encryption?: boolean } = {}): SwitchboardConfig {
  const base = testConfig(options);
  const template = base.agents[0]!;
  const agent = (id: string, queues: string[]) => ({ ...template, id, name: id, username: id, password: id, queues });
  const queue = (id: string) => ({ ...base.queues[0]!, id, name: id });
  return {
    ...base,
    queues: [...base.queues, queue('q-a'), queue('q-b'), queue('q-c'), queue('q-d')],
    agents: [...base.agents, agent('dave', ['q-a', 'q-b']), agent('erin', ['q-c'])],
  };
}

/**
 * Routes `count` made-up conversations round-robin over `queues`, in batches of `batch` per signal
 * (each group's router gets its own batches), `concurrency` signals at a time.
 */
export async function routeWaiting(
  client: Client,
  config: SwitchboardConfig,
  routers: Routers,
  opts: { count: number; queues: string[]; concurrency?: number; batch?: number },
): Promise<void> {
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  const batches: { routerId: string; events: RouterSignalEvent[] }[] = [];
  const open = new Map<string, RouterSignalEvent[]>();
  for (let i = 0; i < opts.count; i++) {
    const queueId = opts.queues[i % opts.queues.length]!;
    const routerId = routers.id(routers.groups.queues[queueId]!);
    let events = open.get(routerId);
    if (!events) open.set(routerId, (events = []));
    const conversationId = conversationIdFor(config.temporal.instance, randomUUID());
    events.push({ type: 'route', conversationId, queueId, priorityAt: new Date(t0 + i).toISOString() });
    if (events.length >= (opts.batch ?? 200)) {
      batches.push({ routerId, events });
      open.delete(routerId);
    }
  }
  for (const [routerId, events] of open) batches.push({ routerId, events });
  let next = 0;
  const lane = async () => {
    for (let b = batches[next++]; b; b = batches[next++])
      await client.workflow.getHandle(b.routerId).signal(routerBatchSignal, b.events);
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, lane));
}

type Event = temporal.api.history.v1.IHistoryEvent;
const bytes = (p?: temporal.api.common.v1.IPayloads | null) =>
  (p?.payloads ?? []).reduce((n, x) => n + (x.data?.length ?? 0), 0);

/** The biggest payload one history event carries (inputs, signals sent and received). */
export function eventPayloadBytes(e: Event): number {
  return Math.max(
    bytes(e.workflowExecutionStartedEventAttributes?.input),
    bytes(e.workflowExecutionContinuedAsNewEventAttributes?.input),
    bytes(e.workflowExecutionSignaledEventAttributes?.input),
    bytes(e.signalExternalWorkflowExecutionInitiatedEventAttributes?.input),
    bytes(e.startChildWorkflowExecutionInitiatedEventAttributes?.input),
    ...Object.values(e.markerRecordedEventAttributes?.details ?? {}).map(bytes),
  );
}

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

/** An event's encoded size, as the server counts history size. */
function temporalEventBytes(e: Event): number {
  return proto.temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
}

/** The router's input as the default JSON converter wrote it (the tests run without encryption). */
function startInput(p?: temporal.api.common.v1.IPayloads | null): { stashed?: unknown } {
  const data = p?.payloads?.[0]?.data;
  try {
    return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { stashed?: unknown }) : {};
  } catch {
    return {};
  }
}

/** The workflow task whose completion wrote the event (a command's or a marker's), if any. */
function completedBy(e: Event): string | undefined {
  const attributes = Object.values(e).find(
    (v): v is { workflowTaskCompletedEventId?: unknown } =>
      typeof v === 'object' && v !== null && 'workflowTaskCompletedEventId' in v,
  );
  const id = attributes?.workflowTaskCompletedEventId;
  return id === undefined || id === null ? undefined : String(id);
}

/** Whether the event is a marker holding a chunk the run stashed (workflows/contract/stash.ts). */
function stashesOf(e: Event, runId: string): boolean {
  const tag = Buffer.from(`"carry":"${runId}"`);
  return Object.values(e.markerRecordedEventAttributes?.details ?? {}).some((p) =>
    (p.payloads ?? []).some((x) => x.data && Buffer.from(x.data).includes(tag)),
  );
}
