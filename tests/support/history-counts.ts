import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';

// What a workflow's history holds, by event type: the cost of an MO is read from histories, not
// timed (workflow tasks and events are what the server stores and the workers replay).

const TYPE = proto.temporal.api.enums.v1.EventType;

/** The event types of a workflow's current run, in order ('WorkflowTaskCompleted', ...). */
export async function eventTypes(client: Client, workflowId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) =>
    (TYPE[e.eventType ?? 0] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, '').toLowerCase(),
  );
}

/** The events a history gained since `before` (a longer list from the same run). */
export function gained(before: string[], after: string[]): string[] {
  return after.slice(before.length);
}

export const tasks = (events: string[]): number => events.filter((e) => e === 'workflow_task_completed').length;

/** Histories of several workflows at once: { name: events }. */
export async function snapshot(client: Client, ids: Record<string, string>): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    Object.entries(ids).map(async ([name, id]) => [name, await eventTypes(client, id)] as const),
  );
  return Object.fromEntries(entries);
}
