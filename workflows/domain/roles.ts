// Who takes part in a conversation, who may read it and who may act on it, once. The workflow
// enforces (conversation/*-rules.ts), the API filters reads and events (api/services/access.ts),
// and the desktop offers only the controls these allow (web/src/lib/conversation-view.ts).
import type { ConversationStatus, ParticipantRole } from './types.js';

/** The facts the roles are read from: the workflow state, an event summary, or the desktop's copy. */
export interface Membership {
  status: ConversationStatus;
  ownerId?: string | null;
  participants: readonly { agentId: string; role: ParticipantRole; leftAt?: string | null }[];
  /** The open offer (a request, a transfer or a conference invitation), when there is one. */
  offer?: { agentId: string } | null;
  wrapUpOwedBy: readonly string[];
  wrapUps?: readonly { agentId: string }[];
}

/** The statuses in which agents and the customer talk. */
export const LIVE_STATUSES: readonly ConversationStatus[] = ['ACTIVE', 'CONFERENCE_REQUESTED', 'CONFERENCE'];

export function isLive(status: ConversationStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/** Ended for the customer: only wrap-ups remain, or nothing at all. */
export function isEnded(status: ConversationStatus): boolean {
  return status === 'WRAP_UP' || status === 'CLOSED';
}

export function isOwner(m: Membership, agentId: string): boolean {
  return m.ownerId === agentId;
}

/** Conferenced in and not yet gone. */
export function isActiveConferee(m: Membership, agentId: string): boolean {
  return m.participants.some((p) => p.agentId === agentId && p.role === 'CONFERENCE' && !p.leftAt);
}

/** The agent the open offer (request, transfer or conference invitation) waits for. */
export function isOfferedTo(m: Membership, agentId: string): boolean {
  return m.offer?.agentId === agentId;
}

export function owesWrapUp(m: Membership, agentId: string): boolean {
  return m.wrapUpOwedBy.includes(agentId);
}

/** Took part at some time (now or earlier): such an agent may learn that a step is over. */
export function tookPart(m: Membership, agentId: string): boolean {
  return m.participants.some((p) => p.agentId === agentId) || (m.wrapUps ?? []).some((w) => w.agentId === agentId);
}

/** Who may write to the customer, status aside: the owner and an active conferee. */
export function mayReply(m: Membership, agentId: string): boolean {
  return isOwner(m, agentId) || isActiveConferee(m, agentId);
}

export type Involvement = 'owner' | 'conference' | 'offered' | 'wrapUp' | 'former';

/** How an agent is part of a conversation, for reading it; undefined when it is not. */
export function involvement(m: Membership, agentId: string): Involvement | undefined {
  if (isOwner(m, agentId) && m.status !== 'CLOSED') return 'owner';
  if (isActiveConferee(m, agentId)) return 'conference';
  if (isOfferedTo(m, agentId)) return 'offered';
  if (owesWrapUp(m, agentId)) return 'wrapUp';
  // An agent keeps read access to a conversation it took part in (its own history).
  if (tookPart(m, agentId)) return 'former';
  return undefined;
}

export function mayRead(m: Membership, agentId: string): boolean {
  return involvement(m, agentId) !== undefined;
}

/** Not CLOSED for the agent: it owns it, is conferenced in, or still owes its wrap-up. */
export function isCurrentFor(m: Membership, agentId: string): boolean {
  const how = involvement(m, agentId);
  return how === 'owner' || how === 'conference' || how === 'wrapUp';
}

/**
 * Up to when an agent may read what happened (ms): for ever while it is there (owner,
 * conferenced, offered, or never left), else until it last left. A former participant reads what
 * was said while it took part, not what came after. -Infinity: nothing at all.
 */
export function readableUntil(m: Membership, agentId: string): number {
  const how = involvement(m, agentId);
  if (!how) return -Infinity;
  if (how === 'owner' || how === 'conference' || how === 'offered') return Infinity;
  const mine = m.participants.filter((p) => p.agentId === agentId);
  if (mine.length === 0 || mine.some((p) => !p.leftAt)) return Infinity;
  return Math.max(...mine.map((p) => Date.parse(p.leftAt!)));
}

export type ActingRole = 'owner' | 'conference' | 'wrapUp';

/**
 * In which capacity the agent may act now. A live part wins over a wrap-up still owed from
 * earlier (a conversation transferred back to the agent who transferred it).
 */
export function actingRole(m: Membership, agentId: string): ActingRole | undefined {
  const live = isLive(m.status);
  if (live && isOwner(m, agentId)) return 'owner';
  if (live && isActiveConferee(m, agentId)) return 'conference';
  if (owesWrapUp(m, agentId)) return 'wrapUp';
  return undefined;
}
