import type { AgentInfo, AgentStatus, AgentView, ErrorCode, QueueInfo, QueueView } from '../domain/types.js';

export type { Directory, RouterEvent } from '../contract/inputs.js';

export interface RouterAgent extends AgentInfo {
  status: AgentStatus;
  idleCodeId?: string;
  statusReason?: string;
  statusChangedAt: string;
  /** Longest-idle first: when the agent last got an offer or became Available. */
  idleSince: string;
  /** conversationId -> an open offer, or a conversation the agent holds a slot for. */
  slots: Record<string, 'offer' | 'active'>;
}

/** Kept in service order (`byAge`: oldest priorityAt first, then arrival) and never mutated. */
export interface Waiting {
  readonly conversationId: string;
  readonly queueId: string;
  readonly priorityAt: string;
  readonly seq: number;
}

export function byAge(a: Waiting, b: Waiting): number {
  return a.priorityAt < b.priorityAt ? -1 : a.priorityAt > b.priorityAt ? 1 : a.seq - b.seq;
}

/**
 * Whether a conversation already waits. A conversation waits at most once, in one place: a route
 * repeated (a signal retried) carries the same priorityAt, and a conversation only routes again
 * once it has been offered, owned or transferred, i.e. no longer waits. So only the entries with
 * that priorityAt are looked at (a binary search, not a scan of 100,000).
 */
export function isWaiting(waiting: readonly Waiting[], conversationId: string, priorityAt: string): boolean {
  let lo = 0;
  let hi = waiting.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (waiting[mid]!.priorityAt < priorityAt) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < waiting.length && waiting[i]!.priorityAt === priorityAt; i++)
    if (waiting[i]!.conversationId === conversationId) return true;
  return false;
}

/** Where a new entry goes to keep the list in service order: after every entry not younger. */
export function insertionIndex(waiting: readonly Waiting[], w: Waiting): number {
  let lo = 0;
  let hi = waiting.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byAge(waiting[mid]!, w) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RouterState {
  agents: Record<string, RouterAgent>;
  queues: QueueInfo[];
  idleCodeIds: string[];
  waiting: Waiting[];
  seq: number;
}

export type RouterCommand =
  | { type: 'assign'; conversationId: string; agentId: string }
  | { type: 'reserved'; conversationId: string; requestId: string; agentId: string }
  | { type: 'reserveFailed'; conversationId: string; requestId: string; code: ErrorCode; message: string }
  | { type: 'statusChanged'; agentId: string }
  /** The agent logged out holding a slot for this conversation: it hands back what the agent had. */
  | { type: 'loggedOut'; conversationId: string; agentId: string };

export interface RouterTransition {
  state: RouterState;
  commands: RouterCommand[];
}

export function emptyRouter(): RouterState {
  return { agents: {}, queues: [], idleCodeIds: [], waiting: [], seq: 0 };
}

export function agentView(a: RouterAgent): AgentView {
  const view: AgentView = {
    id: a.id,
    name: a.name,
    status: a.status,
    statusChangedAt: a.statusChangedAt,
    capacity: a.capacity,
    queues: a.queues,
    offers: Object.keys(a.slots).filter((c) => a.slots[c] === 'offer'),
    conversations: Object.keys(a.slots).filter((c) => a.slots[c] === 'active'),
  };
  if (a.idleCodeId) view.idleCodeId = a.idleCodeId;
  if (a.statusReason) view.statusReason = a.statusReason;
  return view;
}

export function hasFreeSlot(a: RouterAgent): boolean {
  return Object.keys(a.slots).length < a.capacity;
}

export function queueViews(s: RouterState): QueueView[] {
  const waiting = new Map<string, number>();
  for (const w of s.waiting) waiting.set(w.queueId, (waiting.get(w.queueId) ?? 0) + 1);
  return s.queues.map((q) => ({
    id: q.id,
    waiting: waiting.get(q.id) ?? 0,
    availableAgents: Object.values(s.agents).filter((a) => a.status === 'AVAILABLE' && a.queues.includes(q.id)).length,
  }));
}

/**
 * The working copy `reduce` changes. The rules change agents (status, slots) and the waiting list
 * in place; queues, idle codes and an agent's queue list are only ever replaced whole by a sync,
 * so they are shared rather than copied (the router copies its state on every event). The waiting
 * list is never changed in place either (`route` and `dispatch` make a new one when they change
 * it), so it is shared too: an event that does
 * not touch it costs nothing per waiting conversation.
 */
export function copyRouter(s: RouterState): RouterState {
  const agents: Record<string, RouterAgent> = {};
  for (const [id, a] of Object.entries(s.agents)) agents[id] = { ...a, slots: { ...a.slots } };
  return { ...s, agents };
}
