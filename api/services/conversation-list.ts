import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { ConversationStatus } from '../../workflows/domain/types.js';

// `conversations` for integrators: Temporal visibility filtered on the search attributes, newest
// (by start time) first. SQL visibility cannot ORDER BY, but it returns running executions newest
// first and closed ones by close time, newest first; a closed execution started before it closed,
// so scanning closed ones stops once their close time is older than the page's oldest start.

export interface ListFilter {
  status?: ConversationStatus[] | null;
  queueId?: string | null;
  customerNumber?: string | null;
}

export interface Listed {
  id: string;
  startedAt: number;
}

const MAX_SCAN = 2000;

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function encodeCursor(item: Listed): string {
  return Buffer.from(JSON.stringify([item.startedAt, item.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Listed | undefined {
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    return typeof startedAt === 'number' && typeof id === 'string' ? { startedAt, id } : undefined;
  } catch {
    return undefined;
  }
}

/** Newest first; ties by id, descending, so the order is total and a cursor is exact. */
function newer(a: Listed, b: Listed): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class ConversationList {
  constructor(
    private readonly client: Client,
    private readonly config: SwitchboardConfig,
  ) {}

  private query(filter: ListFilter, after: Listed | undefined, running: boolean): string {
    const parts = [
      `SbInstance = ${quote(this.config.temporal.instance)}`,
      `WorkflowType = 'conversationWorkflow'`,
      running ? `ExecutionStatus = 'Running'` : `ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'`,
    ];
    if (filter.status?.length) parts.push(`SbStatus IN (${filter.status.map(quote).join(', ')})`);
    if (filter.queueId) parts.push(`SbQueue = ${quote(filter.queueId)}`);
    if (filter.customerNumber) parts.push(`SbCustomer = ${quote(filter.customerNumber)}`);
    // Visibility keeps sub-millisecond start times: take the cursor's whole millisecond, then cut exactly.
    if (after) parts.push(`StartTime < ${quote(new Date(after.startedAt + 1).toISOString())}`);
    return parts.join(' AND ');
  }

  /** Up to `first` + 1 items after the cursor (the extra one says whether there is a next page). */
  async page(filter: ListFilter, first: number, after?: Listed): Promise<Listed[]> {
    const want = first + 1;
    const keep = (x: Listed) => !after || newer(after, x) < 0; // x sorts after the cursor
    const best: Listed[] = [];
    let scanned = 0;
    for await (const w of this.client.workflow.list({ query: this.query(filter, after, true), pageSize: Math.min(1000, want * 2) })) {
      const item = { id: w.workflowId, startedAt: w.startTime.getTime() };
      if (keep(item)) best.push(item);
      if (best.length >= want || ++scanned >= MAX_SCAN) break;
    }
    scanned = 0;
    for await (const w of this.client.workflow.list({ query: this.query(filter, after, false), pageSize: 200 })) {
      best.sort(newer);
      const closedAt = w.closeTime?.getTime() ?? 0;
      if (best.length >= want && closedAt < best[want - 1]!.startedAt) break;
      const item = { id: w.workflowId, startedAt: w.startTime.getTime() };
      if (keep(item) && !best.some((b) => b.id === item.id)) best.push(item);
      if (++scanned >= MAX_SCAN) break;
    }
    return best.sort(newer).slice(0, want);
  }
}
