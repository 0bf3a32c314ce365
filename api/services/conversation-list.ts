import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { SwitchboardConfig } from '../../config/schema.js';
import type { ConversationStatus } from '../../workflows/domain/types.js';
import { customerSearchValue } from '../../config/identifiers.js';

// `conversations` for integrators: Temporal visibility filtered on the search attributes, newest
// (by start time) first. SQL visibility cannot ORDER BY, but it returns running executions newest
// first and closed ones by close time, newest first; a closed execution started before it closed,
// so scanning closed ones stops once their close time is older than the page's oldest start.
//
// Every conversation exactly once across pages: the order is (start time to the nanosecond, id),
// the cursor carries both, and a page is cut only after every execution of its last item's
// millisecond has been read (the server's order within a millisecond is not ours).

interface ListFilter {
  status?: ConversationStatus[] | null;
  queueId?: string | null;
  customerNumber?: string | null;
}

interface Listed {
  id: string;
  /** Nanoseconds since the epoch, as visibility keeps it. */
  startedAt: bigint;
}

/** What the list reads from visibility: the client's `workflow.list` (tests give a fake). */
export type ListSource = (
  query: string,
  pageSize: number,
) => AsyncIterable<Pick<WorkflowExecutionInfo, 'workflowId' | 'startTime' | 'closeTime' | 'raw'>>;

const MAX_SCAN = 2000;
const MAX_NS = 2n ** 62n;

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function encodeCursor(item: Listed): string {
  return Buffer.from(JSON.stringify([item.startedAt.toString(), item.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Listed | undefined {
  if (cursor.length > 600 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (
      typeof at !== 'string' ||
      !/^\d{1,19}$/.test(at) ||
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > 200
    )
      return undefined;
    const startedAt = BigInt(at);
    return startedAt < MAX_NS ? { startedAt, id } : undefined;
  } catch {
    return undefined;
  }
}

const msOf = (item: Listed): bigint => item.startedAt / 1_000_000n;

/** Newest first; ties by id, descending, so the order is total and a cursor is exact. */
function newer(a: Listed, b: Listed): number {
  if (a.startedAt !== b.startedAt) return a.startedAt > b.startedAt ? -1 : 1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function listed(w: Pick<WorkflowExecutionInfo, 'workflowId' | 'startTime' | 'raw'>): Listed {
  const t = w.raw?.startTime;
  const ns =
    t?.seconds !== undefined && t.seconds !== null
      ? BigInt(t.seconds.toString()) * 1_000_000_000n + BigInt(t.nanos ?? 0)
      : BigInt(w.startTime.getTime()) * 1_000_000n;
  return { id: w.workflowId, startedAt: ns };
}

export class ConversationList {
  private readonly source: ListSource;

  constructor(
    client: Client | ListSource,
    private readonly config: SwitchboardConfig,
  ) {
    this.source =
      typeof client === 'function' ? client : (query, pageSize) => client.workflow.list({ query, pageSize });
  }

  private query(filter: ListFilter, after: Listed | undefined, running: boolean): string {
    const parts = [
      `SbInstance = ${quote(this.config.temporal.instance)}`,
      `WorkflowType = 'conversationWorkflow'`,
      running ? `ExecutionStatus = 'Running'` : `ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'`,
    ];
    if (filter.status?.length) parts.push(`SbStatus IN (${filter.status.map(quote).join(', ')})`);
    if (filter.queueId) parts.push(`SbQueue = ${quote(filter.queueId)}`);
    if (filter.customerNumber)
      parts.push(`SbCustomer = ${quote(customerSearchValue(this.config, filter.customerNumber))}`);
    // The cursor's whole millisecond (and before) from the server; the exact cut is ours.
    if (after) parts.push(`StartTime < ${quote(new Date(Number(msOf(after)) + 1).toISOString())}`);
    return parts.join(' AND ');
  }

  /** Up to `first` + 1 items after the cursor (the extra one says whether there is a next page). */
  async page(filter: ListFilter, first: number, after?: Listed): Promise<Listed[]> {
    const want = first + 1;
    const keep = (x: Listed) => !after || newer(after, x) < 0; // x sorts after the cursor
    const best: Listed[] = [];
    let boundary: bigint | undefined; // the millisecond of the want-th item once there are want
    let scanned = 0;
    for await (const w of this.source(this.query(filter, after, true), Math.min(1000, want * 2))) {
      const item = listed(w);
      if (boundary !== undefined && msOf(item) < boundary) break; // running ones come newest first
      if (keep(item)) best.push(item);
      if (boundary === undefined && best.length >= want) boundary = msOf(best.sort(newer)[want - 1]!);
      if (++scanned >= MAX_SCAN) break;
    }
    scanned = 0;
    for await (const w of this.source(this.query(filter, after, false), 200)) {
      best.sort(newer);
      const closedAt = BigInt(w.closeTime?.getTime() ?? 0);
      if (best.length >= want && closedAt < msOf(best[want - 1]!)) break;
      const item = listed(w);
      if (keep(item) && !best.some((b) => b.id === item.id)) best.push(item);
      if (++scanned >= MAX_SCAN) break;
    }
    return best.sort(newer).slice(0, want);
  }
}
