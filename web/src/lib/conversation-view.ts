import { actingRole, owesWrapUp, type Membership } from '$domain/roles.js';
import type { Conversation, ConversationStatus, Message } from './types.js';

// What one agent sees of a conversation: its role in it, the status the interaction pane shows
// and which controls make sense. The workflow enforces every rule; these only avoid offering
// buttons that would certainly be refused, and read the roles by the same rules ($domain/roles).

export type Role = 'owner' | 'conference' | 'wrap-up' | null;

/** The desktop's copy of a conversation as the facts the role rules read. */
export function membershipOf(conversation: Conversation): Membership {
  return {
    status: conversation.status,
    ownerId: conversation.owner?.id ?? null,
    participants: conversation.participants.map((p) => ({ agentId: p.agent.id, role: p.role, leftAt: p.leftAt })),
    wrapUpOwedBy: conversation.wrapUpOwedBy.map((a) => a.id),
  };
}

/** A live part wins over a wrap-up still owed from earlier (a conversation transferred back). */
export function roleOf(conversation: Conversation, agentId: string): Role {
  const role = actingRole(membershipOf(conversation), agentId);
  return role === 'wrapUp' ? 'wrap-up' : (role ?? null);
}

/** Whether the conversation belongs in this agent's list at all. */
export function involves(conversation: Conversation, agentId: string): boolean {
  return conversation.status !== 'CLOSED' && roleOf(conversation, agentId) !== null;
}

const LABELS: Record<ConversationStatus, string> = {
  QUEUED: 'Queued',
  OFFERED: 'Offered',
  ACTIVE: 'Active',
  CONFERENCE_REQUESTED: 'Conference Requested',
  CONFERENCE: 'Conference',
  WRAP_UP: 'Wrap Up',
  CLOSED: 'Closed',
};

/** The interaction pane's status. After a transfer, the agent's own part is "Wrap Up". */
export function statusLabel(conversation: Conversation, agentId: string): string {
  return roleOf(conversation, agentId) === 'wrap-up' ? 'Wrap Up' : LABELS[conversation.status];
}

export type PaneAction = 'transfer' | 'conference' | 'end' | 'endConference' | 'exitConference' | 'wrapUp';

export interface Controls {
  compose: boolean;
  transfer: boolean;
  conference: boolean;
  end: boolean;
  endConference: boolean;
  exitConference: boolean;
  wrapUp: boolean;
}

export function controlsFor(conversation: Conversation, agentId: string): Controls {
  const role = roleOf(conversation, agentId);
  const owner = role === 'owner';
  return {
    compose: (role === 'owner' || role === 'conference') && !conversation.optedOut,
    transfer: owner && conversation.status === 'ACTIVE',
    conference: owner && conversation.status === 'ACTIVE',
    end: owner,
    endConference: owner && conversation.status === 'CONFERENCE',
    exitConference: role === 'conference' && conversation.status === 'CONFERENCE',
    wrapUp: owesWrapUp(membershipOf(conversation), agentId),
  };
}

export function lastMessage(conversation: Conversation): Message | undefined {
  return conversation.messages.at(-1);
}
