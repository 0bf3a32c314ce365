import type { AgentInfo, AgentStatus, AgentView, ErrorCode, QueueInfo, QueueView } from '../domain/types.js';

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

export interface Waiting {
  conversationId: string;
  queueId: string;
  priorityAt: string;
  seq: number;
}

export interface RouterState {
  agents: Record<string, RouterAgent>;
  queues: QueueInfo[];
  idleCodeIds: string[];
  waiting: Waiting[];
  seq: number;
}

export interface Directory {
  agents: AgentInfo[];
  queues: QueueInfo[];
  idleCodeIds: string[];
}

export type RouterEvent =
  | { type: 'sync'; directory: Directory }
  | { type: 'route'; conversationId: string; queueId: string; priorityAt: string }
  | { type: 'reserve'; conversationId: string; agentId: string; requestId: string }
  | { type: 'accepted'; conversationId: string; agentId: string }
  | { type: 'release'; conversationId: string; agentId: string; rona?: boolean; reason?: string }
  | { type: 'setStatus'; agentId: string; status: AgentStatus; idleCodeId?: string; logout?: boolean };

export type RouterCommand =
  | { type: 'assign'; conversationId: string; agentId: string }
  | { type: 'reserved'; conversationId: string; requestId: string; agentId: string }
  | { type: 'reserveFailed'; conversationId: string; requestId: string; code: ErrorCode; message: string }
  | { type: 'statusChanged'; agentId: string };

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
  return s.queues.map((q) => ({
    id: q.id,
    waiting: s.waiting.filter((w) => w.queueId === q.id).length,
    availableAgents: Object.values(s.agents).filter((a) => a.status === 'AVAILABLE' && a.queues.includes(q.id)).length,
  }));
}
