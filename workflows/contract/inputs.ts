import type { AgentInfo, AgentStatus, QueueInfo } from '../domain/types.js';

// What the workflows accept from outside: agents' actions on a conversation, and the router's
// events (from conversations, the directory sync and agents' status changes).

/** What an agent can do to a conversation (an Update); `agentId` is the authenticated caller. */
export type AgentAction =
  | { type: 'accept'; agentId: string }
  | { type: 'send'; agentId: string; text: string; clientMessageId?: string }
  | { type: 'transferToQueue'; agentId: string; queueId: string }
  | { type: 'transferToAgent'; agentId: string; targetId: string }
  | { type: 'requestConference'; agentId: string; targetId: string }
  | { type: 'acceptConference'; agentId: string }
  | { type: 'endConference'; agentId: string }
  | { type: 'exitConference'; agentId: string }
  | { type: 'end'; agentId: string }
  | { type: 'wrapUp'; agentId: string; reasonId: string };

/** The agents, queues and idle codes the router serves, as the configuration defines them. */
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
