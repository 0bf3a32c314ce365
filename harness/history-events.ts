// What the router tests and bench read from a history event: its payload sizes, its encoded size,
// the workflow task that wrote it, and whether it holds a chunk of a hand-over through history.
import proto, { type temporal } from '@temporalio/proto';

export type Event = temporal.api.history.v1.IHistoryEvent;
export const bytes = (p?: temporal.api.common.v1.IPayloads | null) =>
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

/** An event's encoded size, as the server counts history size. */
export function temporalEventBytes(e: Event): number {
  return proto.temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
}

/** The router's input as the default JSON converter wrote it (the tests run without encryption). */
export function startInput(p?: temporal.api.common.v1.IPayloads | null): { stashed?: unknown } {
  const data = p?.payloads?.[0]?.data;
  try {
    return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { stashed?: unknown }) : {};
  } catch {
    return {};
  }
}

/** The workflow task whose completion wrote the event (a command's or a marker's), if any. */
export function completedBy(e: Event): string | undefined {
  const attributes = Object.values(e).find(
    (v): v is { workflowTaskCompletedEventId?: unknown } =>
      typeof v === 'object' && v !== null && 'workflowTaskCompletedEventId' in v,
  );
  const id = attributes?.workflowTaskCompletedEventId;
  return id === undefined || id === null ? undefined : String(id);
}

/** Whether the event is a marker holding a chunk the run stashed (workflows/contract/stash.ts). */
export function stashesOf(e: Event, runId: string): boolean {
  const tag = Buffer.from(`"carry":"${runId}"`);
  return Object.values(e.markerRecordedEventAttributes?.details ?? {}).some((p) =>
    (p.payloads ?? []).some((x) => x.data && Buffer.from(x.data).includes(tag)),
  );
}
